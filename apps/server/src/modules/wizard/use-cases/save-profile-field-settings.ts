import type { TProfileFieldSettings } from '@linedesk/domain';
import type { Db } from '../../../db/client.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import { writeSetting } from '../../system/settings.js';
import { PROFILE_FIELDS_SETTING, readProfileFieldSettings } from '../profile-field-settings.js';

/** Admin: which optional Customer Profile fields show and which are required. */
export async function saveProfileFieldSettings(options: { db: Db; audit: AuditContext; input: TProfileFieldSettings }): Promise<TProfileFieldSettings> {
  const { db, audit, input } = options;
  return db.transaction(async (tx) => {
    const before = await readProfileFieldSettings(tx);
    await writeSetting(tx, PROFILE_FIELDS_SETTING, input);
    await recordAudit(tx, audit, { entityType: 'setting', entityId: PROFILE_FIELDS_SETTING, action: 'update', before, after: input });
    return input;
  });
}
