import { parseIdentifier, type IdentifierKind, type InventoryStatus } from '@linedesk/domain';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { findStockItems } from './find-stock-items.js';
import { describeDevice, type DeviceModel } from './resolve-device-models.js';

export type IdentifierLookup = {
  kind: IdentifierKind;
  value: string;
  display: string;
  notes: string[];
  stock: { status: InventoryStatus; carrierCode: string; make: string | null; model: string | null } | null;
  /** For an IMEI: the device's make and model, its stock item's own or else the TAC table's (a customer's own device too). */
  device: DeviceModel | null;
};

/** What a scanned value is (kind, normalised value) and what stock says of it: for the wizard's live check and Receive. */
export async function lookUpIdentifier(options: { db: DbOrTx; value: string; expect?: IdentifierKind[] }): Promise<IdentifierLookup> {
  const parsed = parseIdentifier(options.value, { expect: options.expect ?? [] });
  if (!parsed.ok) throw AppError.field('VALIDATION_FAILED', 'query.value', parsed.rule, parsed.message);
  const [item] = await findStockItems({ db: options.db, values: [parsed.value] });
  const device = parsed.kind === 'IMEI' ? await describeDevice({ db: options.db, imei: parsed.value, item: item ?? null }) : null;
  return {
    kind: parsed.kind,
    value: parsed.value,
    display: parsed.display,
    notes: parsed.notes,
    stock: item ? { status: item.status, carrierCode: item.carrierCode, make: item.make, model: item.model } : null,
    device: device && device.source ? device : null,
  };
}
