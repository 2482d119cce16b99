import { namedStatement, type DbOrTx } from '../../../db/client.js';

/**
 * This process's memory of which APIs have hubs, so a change to a record nobody subscribed to costs no
 * statement at all. Kept `HUB_CACHE_TTL_MS` (like the session cache: another process sees a new or deleted
 * hub within that time); a hub created or deleted in this process forgets it at once.
 */
export const HUB_CACHE_TTL_MS = 3000;

let cached: { apis: ReadonlySet<string>; until: number } | null = null;
let generation = 0;

const hubApis = namedStatement<{ api: string }>('tmf_hub_apis', 'select distinct api from tmf_hubs');

/** The APIs with at least one hub, read with `db` (the caller's transaction) when the memory is stale. */
export async function apisWithHubs(db: DbOrTx): Promise<ReadonlySet<string>> {
  const now = Date.now();
  if (cached && cached.until > now) return cached.apis;
  const started = generation;
  const apis = new Set((await hubApis(db, [])).map((row) => row.api));
  // A read that began before a hub was created or deleted answers its own caller but is not kept.
  if (started === generation) cached = { apis, until: now + HUB_CACHE_TTL_MS };
  return apis;
}

/** Forgets the memory: call after a hub is created or deleted (committed). */
export function forgetHubApis(): void {
  cached = null;
  generation += 1;
}
