import type { CustomerClass } from '@linedesk/domain';

/** An account's name parts: a person's first and last name (Residential), or a company's name (Business). */
export type CustomerNames = { firstName: string | null; lastName: string | null; companyName: string | null };

/**
 * The name parts of a whole name: a company keeps it whole; a person's last word is the last name and
 * the words before it the first name (one word is a last name alone).
 */
export function namesOfWholeName(customerClass: CustomerClass, name: string): CustomerNames {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (customerClass === 'BUSINESS') return { firstName: null, lastName: null, companyName: whole };
  const cut = whole.lastIndexOf(' ');
  return cut < 0 ? { firstName: null, lastName: whole, companyName: null } : { firstName: whole.slice(0, cut), lastName: whole.slice(cut + 1), companyName: null };
}

/**
 * The name of the contact that stands for the customer itself when nobody else is named (an account
 * made through the API): the person, or the company (as its last name).
 */
export function selfContactName(names: CustomerNames): { firstName: string; lastName: string } {
  return { firstName: names.companyName ? '' : (names.firstName ?? ''), lastName: names.companyName ?? names.lastName ?? '' };
}
