import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import { recordAudit, type AuditContext } from '../../audit/record-audit.js';
import type { CatalogEntity } from '../catalog-entity.js';
import { stampCatalogVersion } from '../catalog-version.js';

type View = { id: string; code: string; updatedAt?: string };

export type SaveOptions<S extends z.ZodType, V extends View> = {
  db: DbOrTx;
  audit: AuditContext;
  secrets: SecretBox;
  entity: CatalogEntity<S, V>;
  input: z.output<S>;
  /** Where field errors point: `body` for the API, `packages.3` for an import. */
  fieldPrefix?: string;
};

/** Creates a catalog record; its code (per carrier for products and packages) must be new. */
export async function createCatalogRecord<S extends z.ZodType, V extends View>(options: SaveOptions<S, V>): Promise<V> {
  const { db, entity, input, fieldPrefix = 'body' } = options;
  return db.transaction(async (tx) => {
    if (await entity.findId(tx, input)) {
      throw AppError.field('ALREADY_EXISTS', `${fieldPrefix}.code`, 'unique', `A ${entity.label} ${entity.keyOf(input)} already exists`);
    }
    const saved = await writeAudited(tx, options, null);
    await stampCatalogVersion(tx);
    return saved;
  });
}

/**
 * Replaces a catalog record by id. Its code never changes: lines and orders name it. With
 * `expectedUpdatedAt` (the `updatedAt` the editor started from) a record someone else saved in the
 * meantime is refused instead of silently overwritten.
 */
export async function updateCatalogRecord<S extends z.ZodType, V extends View>(
  options: SaveOptions<S, V> & { id: string; expectedUpdatedAt?: string },
): Promise<V> {
  const { db, entity, input, id, fieldPrefix = 'body' } = options;
  return db.transaction(async (tx) => {
    // The row lock makes the If-Match check and the write one step for concurrent saves.
    await entity.lock(tx, id);
    const [before] = await entity.get(tx, [id], options.secrets);
    if (!before) throw new AppError('NOT_FOUND', `No ${entity.label} with id ${id}`);
    if (options.expectedUpdatedAt && before.updatedAt !== options.expectedUpdatedAt) {
      throw new AppError('CONFLICT', `This ${entity.label} was changed by someone else since you opened it; reload it and try again`);
    }
    if (entity.keyOf(entity.toInput(before)) !== entity.keyOf(input)) {
      throw AppError.field('RULE_VIOLATED', `${fieldPrefix}.code`, 'immutable', `A ${entity.label}'s code (and carrier) cannot change once created`);
    }
    const saved = await writeAudited(tx, options, before);
    await stampCatalogVersion(tx);
    return saved;
  });
}

/**
 * Writes a record (new when `before` is null) and its audit row, in the caller's transaction.
 * The caller has checked the code and stamps the catalog version.
 */
export async function writeAudited<S extends z.ZodType, V extends View>(
  tx: Tx,
  options: Omit<SaveOptions<S, V>, 'db'>,
  before: V | null,
): Promise<V> {
  const { entity, secrets, input, fieldPrefix = 'body' } = options;
  const id = await entity.write(tx, before?.id ?? null, input, { secrets, fieldPrefix });
  const [after] = await entity.get(tx, [id], secrets);
  if (!after) throw new Error(`${entity.label} ${id} vanished while saving`);
  await recordAudit(tx, options.audit, {
    entityType: entity.type,
    entityId: id,
    action: before ? 'update' : 'create',
    before: before ? (entity.toInput(before) as Record<string, unknown>) : null,
    after: { ...(entity.toInput(after) as Record<string, unknown>), ...entity.secretChanges?.(input) },
  });
  return after;
}
