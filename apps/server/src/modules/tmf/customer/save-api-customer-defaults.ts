import type { TApiCustomerDefaults } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { fieldsError } from '../../../http/validate.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { listOfferedCarriers } from '../../catalog/use-cases/list-offered-carriers.js';
import { CATALOG_ENTITIES } from '../../catalog/catalog-entities.js';
import { API_CUSTOMER_DEFAULTS_SETTING, readApiCustomerDefaults, writeSetting } from '../../system/settings.js';

/**
 * Admin: the carrier, bill profile and bill method of customers created through the TM Forum API
 * whose request does not name them. Codes must be of an active carrier and bill profile; audited.
 */
export async function saveApiCustomerDefaults(options: { db: Db; secrets: SecretBox; audit: AuditContext; input: TApiCustomerDefaults }): Promise<TApiCustomerDefaults> {
  const { db, secrets, audit, input } = options;
  return db.transaction(async (tx) => {
    const carriers = await listOfferedCarriers({ db: tx });
    const billProfiles = await CATALOG_ENTITIES.billProfiles.list(tx, { status: 'active' }, secrets);
    const problems: { path: string[]; rule: string; message: string }[] = [];
    if (input.carrierCode && !carriers.some((c) => c.code === input.carrierCode)) {
      problems.push({ path: ['carrierCode'], rule: 'unknown', message: `No active carrier has the code ${input.carrierCode}` });
    }
    if (input.billProfileCode && !billProfiles.some((p) => p.code === input.billProfileCode)) {
      problems.push({ path: ['billProfileCode'], rule: 'unknown', message: `No active bill profile has the code ${input.billProfileCode}` });
    }
    if (problems.length > 0) throw fieldsError(problems);
    const before = await readApiCustomerDefaults(tx);
    await writeSetting(tx, API_CUSTOMER_DEFAULTS_SETTING, input);
    await recordAudit(tx, audit, { entityType: 'setting', entityId: API_CUSTOMER_DEFAULTS_SETTING, action: 'update', before, after: input });
    return input;
  });
}
