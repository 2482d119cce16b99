let lastUid = 0;

/**
 * Keys for rows that exist only in the browser (properties, choices, rates, package products), for
 * React keys and focus. Not crypto.randomUUID: plain-HTTP installs on a LAN address lack it.
 */
export function newUid(): string {
  lastUid += 1;
  return `row-${lastUid}`;
}
