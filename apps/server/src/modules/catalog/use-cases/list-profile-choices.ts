import type { TWizardProfileChoices } from '@linedesk/domain';
import { asc, eq } from 'drizzle-orm';
import { readTogether, type DbOrTx } from '../../../db/client.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { billProfiles } from '../catalog.schema.js';
import { CATALOG_ENTITIES } from '../catalog-entities.js';

/** Active bill profiles and agents, for the Customer Profile page (any signed-in seller, not only admins). */
export async function listProfileChoices(options: { db: DbOrTx; secrets: SecretBox }): Promise<TWizardProfileChoices> {
  const { db, secrets } = options;
  const [profiles, agentRecords] = await readTogether(db, [
    () => db.select().from(billProfiles).where(eq(billProfiles.isActive, true)).orderBy(asc(billProfiles.name)),
    () => CATALOG_ENTITIES.agents.list(db, { status: 'active' }, secrets),
  ]);
  return {
    billProfiles: profiles.map(({ code, name, defaultBillMethod, termsDays, isDefaultResidential, isDefaultBusiness }) => ({
      code,
      name,
      defaultBillMethod,
      termsDays,
      isDefaultResidential,
      isDefaultBusiness,
    })),
    agents: agentRecords.map(({ code, name, parentCode, salesPersonUserIds }) => ({ code, name, parentCode, salesPersonUserIds })),
  };
}
