import { eq, sql } from 'drizzle-orm';
import { namedQuery, type Db, type DbOrTx } from '../../../db/client.js';
import { openOrNull, type SecretBox } from '../../../security/secret-box.js';
import type { CarrierConnection } from '../../provisioning/adapters/carrier-adapter.js';
import { catalogReadCacheOf } from '../catalog-read-cache.js';
import { carriers } from '../catalog.schema.js';

// Read for every carrier call and callback: built once, sent by name.
const findConnection = namedQuery('find_carrier_connection', (db) =>
  db
    .select({
      code: carriers.code,
      adapter: carriers.provisioningAdapter,
      endpoint: carriers.provisioningEndpoint,
      accountId: carriers.provisioningAccountId,
      credentialSealed: carriers.provisioningCredentialSealed,
      webhookSecretSealed: carriers.webhookSecretSealed,
    })
    .from(carriers)
    .where(eq(carriers.code, sql.placeholder('code'))),
);

/**
 * How to reach a carrier's provisioning API: its adapter kind, endpoint and account id, and its credential
 * and webhook secret opened from their sealed columns (null when unset or sealed under another key).
 * The answer holds secrets in clear: pass it to an adapter, never log or return it.
 */
export async function findCarrierConnection(options: { db: DbOrTx; secrets: SecretBox; code: string }): Promise<CarrierConnection | null> {
  const [row] = await findConnection(options.db, { code: options.code });
  return row ? opened(row, options.secrets) : null;
}

/**
 * `findCarrierConnection` through this process's catalog read cache: every carrier call and callback needs
 * it, and a catalog change (which stamps the catalog version) is seen as the wizard's reads see it. The
 * cache keeps the row as stored, secrets sealed; they are opened for each use.
 */
export async function cachedCarrierConnection(options: { db: Db; secrets: SecretBox; code: string }): Promise<CarrierConnection | null> {
  const { db, code } = options;
  const [row] = await catalogReadCacheOf(db).read(`carrier-connection:${code}`, () => findConnection(db, { code }));
  return row ? opened(row, options.secrets) : null;
}

type ConnectionRow = Awaited<ReturnType<typeof findConnection>>[number];

function opened(row: ConnectionRow, secrets: SecretBox): CarrierConnection {
  return {
    carrierCode: row.code,
    adapter: row.adapter,
    endpoint: row.endpoint,
    accountId: row.accountId,
    credential: openOrNull(secrets, row.credentialSealed),
    webhookSecret: openOrNull(secrets, row.webhookSecretSealed),
  };
}
