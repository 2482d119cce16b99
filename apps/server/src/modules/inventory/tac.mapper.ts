import type { TTac } from '@linedesk/domain';
import type { TacRow } from './inventory.schema.js';

export function toTac(row: TacRow): TTac {
  return { tac: row.tac, make: row.make, model: row.model, updatedAt: row.updatedAt.toISOString() };
}
