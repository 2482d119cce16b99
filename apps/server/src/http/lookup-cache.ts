/**
 * A few seconds' memory of credential lookups (sessions, API keys), keyed by the credential's hash.
 * Every request needs its caller, and on the embedded database that lookup was most of a request's
 * cost. An entry lives `ttlMs`, or until the credential expires if sooner; `clear` forgets them all.
 */
export function createLookupCache<T>(ttlMs: number, expiresAt: (value: T) => number | null) {
  let entries = new Map<string, { value: T; until: number }>();
  return {
    read: async (key: string, load: () => Promise<T>): Promise<T> => {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      // A lookup that began before a clear() may have read a credential that has since ended: it
      // answers its own request but is not kept.
      const generation = entries;
      const value = await load();
      if (generation !== entries) return value;
      if (entries.size > 10_000) entries = new Map();
      entries.set(key, { value, until: Math.min(now + ttlMs, expiresAt(value) ?? now + ttlMs) });
      return value;
    },
    clear: () => {
      entries = new Map();
    },
  };
}
