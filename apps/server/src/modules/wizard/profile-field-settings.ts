import { DEFAULT_PROFILE_FIELD_SETTINGS, ZProfileFieldSettings, type TProfileFieldSettings } from '@linedesk/domain';
import type { DbOrTx } from '../../db/client.js';
import { readSetting } from '../system/settings.js';

export const PROFILE_FIELDS_SETTING = 'wizard.profileFields';

/** Which optional Customer Profile fields this installation shows and requires (defaults for any field not set). */
export async function readProfileFieldSettings(db: DbOrTx): Promise<TProfileFieldSettings> {
  return profileFieldSettingsOf(await readSetting<Partial<TProfileFieldSettings>>(db, PROFILE_FIELDS_SETTING));
}

/** The settings from the stored value of `PROFILE_FIELDS_SETTING` (null when never saved). */
export function profileFieldSettingsOf(stored: Partial<TProfileFieldSettings> | null): TProfileFieldSettings {
  const merged = { ...DEFAULT_PROFILE_FIELD_SETTINGS, ...(stored ?? {}) };
  const parsed = ZProfileFieldSettings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_PROFILE_FIELD_SETTINGS;
}
