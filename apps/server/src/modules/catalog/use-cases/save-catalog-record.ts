import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import type { CatalogEntity } from '../catalog-entity.js';
import { stampCatalogVersion } from '../catalog-version.js';

type SaveOptions<S extends z.ZodType, V extends { id: string; code: string }> = {
  db: DbOrTx;
  audit: AuditContext;
  secrets: SecretBox;
  entity: CatalogEntity<S, V>;
  input: z.output<S>;
  /** Where field errors point: `body` for the API, `packages.3` for an import. */
  fieldPrefix?: string;
};

/** Creates a catalog record; its code (per carrier for products and packages) must be new. */
export async function createCatalogRecord<S extends z.ZodType, V extends { id: string; code: string }>(
  options: SaveOptions<S, V>,
): Promise<V> {
  const { db, entity, input, fieldPrefix = 'body' } = options;
  return db.transaction(async (tx) => {
    if (await entity.findId(tx, input)) {
      throw AppError.field('ALREADY_EXISTS', `${fieldPrefix}.code`, 'unique', `A ${entity.label} ${entity.keyOf(input)} already exists`);
    }
    const id = await entity.write(tx, null, input, { secrets: options.secrets, fieldPrefix });
    return audited(tx, options, id, null);
  });
}

/**
 * Replaces a catalog record by id. Its code never changes: lines and orders name it. With
 * `expectedUpdatedAt` (the `updatedAt` the editor started from) a record someone else saved in the
 * meantime is refused instead of silently overwritten.
 */
export async function updateCatalogRecord<S extends z.ZodType, V extends { id: string; code: string; updatedAt?: string }>(
  options: SaveOptions<S, V> & { id: string; expectedUpdatedAt?: string },
): Promise<V> {
  const { db, entity, input, id, fieldPrefix = 'body' } = options;
  return db.transaction(async (tx) => {
    const [before] = await entity.get(tx, [id], options.secrets);
    if (!before) throw new AppError('NOT_FOUND', `No ${entity.label} with id ${id}`);
    if (options.expectedUpdatedAt && before.updatedAt !== options.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `This ${entity.label} was changed by someone else since you opened it; reload it and try again`);
    }
    if (entity.keyOf(entity.toInput(before)) !== entity.keyOf(input)) {
      throw AppError.field('RULE_VIOLATED', `${fieldPrefix}.code`, 'immutable', `A ${entity.label}'s code (and carrier) cannot change once created`);
    }
    await entity.write(tx, id, input, { secrets: options.secrets, fieldPrefix });
    return audited(tx, options, id, before);
  });
}

async function audited<S extends z.ZodType, V extends { id: string; code: string }>(
  tx: DbOrTx,
  options: SaveOptions<S, V>,
  id: string,
  before: V | null,
): Promise<V> {
  const { entity, secrets, input } = options;
  const [after] = await entity.get(tx, [id], secrets);
  if (!after) throw new Error(`${entity.label} ${id} vanished while saving`);
  await stampCatalogVersion(tx);
  await recordAudit(tx, options.audit, {
    entityType: entity.type,
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? (entity.toInput(before) as Record<string, unknown>) : null,
    after: { ...(entity.toInput(after) as Record<string, unknown>), ...entity.secretChanges?.(input) },
  });
  return after;
}
