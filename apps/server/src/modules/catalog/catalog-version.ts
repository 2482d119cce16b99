import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { readSetting, writeSetting } from '../system/settings.js';

/** The setting that holds the catalog version (Create Order reads it with other settings, in one query). */
export const CATALOG_VERSION_SETTING = 'catalog_version';

/** Marks the catalog as changed; call it in the transaction that changes it. */
export async function stampCatalogVersion(db: DbOrTx): Promise<void> {
  await writeSetting(db, CATALOG_VERSION_SETTING, randomUUID());
}

export async function readCatalogVersion(db: DbOrTx): Promise<string | null> {
  return readSetting<string>(db, CATALOG_VERSION_SETTING);
}
