/**
 * The wizard reads the catalog on every step of every sign-up, while admins change it a few times a
 * day; so those reads are kept in memory. Every catalog change stamps a new catalog version in the
 * same transaction (see `stampCatalogVersion`). A change made through this process empties the
 * cache at once; one made by another process (another server on the same PostgreSQL, or the import
 * command) is noticed at the next version check, at most `checkEveryMs` later.
 */
export type CatalogReadCache = {
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
};

export function createCatalogReadCache(options: {
  readVersion: () => Promise<string | null>;
  checkEveryMs: number;
  maxEntries?: number;
  now?: () => number;
}): CatalogReadCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 5000;
  let entries = new Map<string, Promise<unknown>>();
  let version: string | null | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<void> | null = null;

  const ensureFresh = (): Promise<void> => {
    if (now() - checkedAt < options.checkEveryMs) return Promise.resolve();
    checking ??= options
      .readVersion()
      .then((current) => {
        if (current !== version) entries = new Map();
        version = current;
        checkedAt = now();
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  };

  return {
    read: async <T>(key: string, load: () => Promise<T>): Promise<T> => {
      await ensureFresh();
      const hit = entries.get(key);
      if (hit) return hit as Promise<T>;
      if (entries.size >= maxEntries) entries = new Map();
      const generation = entries;
      // The promise itself is cached so concurrent misses load once; a failed load is not kept.
      const value = load().catch((error: unknown) => {
        if (generation.get(key) === value) generation.delete(key);
        throw error;
      });
      entries.set(key, value);
      return value;
    },
    invalidate: () => {
      entries = new Map();
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
