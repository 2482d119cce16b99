import type { Db, DbOrTx } from '../../db/client.js';
import { readCatalogVersion } from './catalog-version.js';

/**
 * The wizard reads the catalog on every step of every sign-up, while admins change it a few times a
 * day; so those reads are kept in memory. Every catalog change stamps a new catalog version in the
 * same transaction (see `stampCatalogVersion`). A change made through this process empties the
 * cache at once; one made by another process (another server on the same PostgreSQL, or the import
 * command) is noticed at the next version check, at most `checkEveryMs` later.
 */
export type CatalogReadCache = {
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * For a transaction that must see the catalog as of now (Create Order's last check): it reads the
   * version itself, in the transaction, and passes it; entries of any other version are dropped, and
   * a miss is loaded by `load` (through that transaction).
   */
  readAsOf<T>(version: string | null, key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
};

/** How long another process's catalog change may take to reach this process's wizard reads. */
const CATALOG_VERSION_CHECK_MS = 1000;
const caches = new WeakMap<Db, CatalogReadCache>();

/** This process's catalog read cache of a database, shared by the wizard's catalog routes and Create Order. */
export function catalogReadCacheOf(db: Db): CatalogReadCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = createCatalogReadCache({ readVersion: () => readCatalogVersion(db), checkEveryMs: CATALOG_VERSION_CHECK_MS });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Empties this process's cache of `db` at once, for a catalog change made outside the catalog routes (an
 * import, the demo seed): the change is seen by the next read here, not a version check later. A no-op
 * for a database (or transaction) no cache was made for.
 */
export function invalidateCatalogReadCache(db: DbOrTx): void {
  caches.get(db as Db)?.invalidate();
}

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

  const get = <T>(key: string, load: () => Promise<T>): Promise<T> => {
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
  };

  return {
    read: async <T>(key: string, load: () => Promise<T>): Promise<T> => {
      await ensureFresh();
      return get(key, load);
    },
    readAsOf: <T>(current: string | null, key: string, load: () => Promise<T>): Promise<T> => {
      if (current !== version) entries = new Map();
      version = current;
      checkedAt = now();
      return get(key, load);
    },
    invalidate: () => {
      entries = new Map();
      checkedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
