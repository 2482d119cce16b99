import { CATALOG_DOCUMENT_VERSION, type TCatalogDocument } from '@linedesk/domain';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { CATALOG_ENTITIES } from '../catalog-entities.js';

/** The whole catalog, inactive records included, as one document; carriers' secrets never leave. */
export async function exportCatalog(options: { db: DbOrTx; secrets: SecretBox; now?: Date }): Promise<TCatalogDocument> {
  const { db, secrets } = options;
  const all = { status: 'all' as const };
  const e = CATALOG_ENTITIES;
  const [billProfiles, lineTypes, ldRatePlans, carriers, agents, products, packages] = await readTogether(db, [
    () => e.billProfiles.list(db, all, secrets),
    () => e.lineTypes.list(db, all, secrets),
    () => e.ldRatePlans.list(db, all, secrets),
    () => e.carriers.list(db, all, secrets),
    () => e.agents.list(db, all, secrets),
    () => e.products.list(db, all, secrets),
    () => e.packages.list(db, all, secrets),
  ]);
  const emailById = new Map((await findUsers({ db, ids: [...new Set(agents.flatMap((a) => a.salesPersonUserIds))] })).map((u) => [u.id, u.email]));
  return {
    format: 'linedesk-catalog',
    version: CATALOG_DOCUMENT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    billProfiles: billProfiles.map(e.billProfiles.toInput),
    lineTypes: lineTypes.map(e.lineTypes.toInput),
    ldRatePlans: ldRatePlans.map(e.ldRatePlans.toInput),
    carriers: carriers.map(e.carriers.toInput),
    agents: agents.map((agent) => {
      const { salesPersonUserIds, ...rest } = e.agents.toInput(agent);
      return { ...rest, salesPersonEmails: salesPersonUserIds.map((id) => emailById.get(id) ?? id).sort() };
    }),
    products: products.map(e.products.toInput),
    packages: packages.map(e.packages.toInput),
  };
}
