import { isDeepStrictEqual } from 'node:util';
import type { TAgentData, TCatalogDocument } from '@linedesk/domain';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import type { CatalogEntity } from '../catalog-entity.js';
import { CATALOG_ENTITIES } from '../catalog-entities.js';
import { invalidateCatalogReadCache } from '../catalog-read-cache.js';
import { stampCatalogVersion } from '../catalog-version.js';
import { writeAudited } from './save-catalog-record.js';

export type ImportSummary = { created: number; updated: number; unchanged: number };

type Context = { audit: AuditContext; secrets: SecretBox; summary: ImportSummary };

/**
 * Writes a whole catalog document in one transaction, matching records by code: a record that is
 * new is created, one that differs is replaced, one that matches is left alone. Importing the same
 * document twice therefore changes nothing the second time.
 */
export async function importCatalog(options: {
  db: DbOrTx;
  audit: AuditContext;
  secrets: SecretBox;
  document: TCatalogDocument;
}): Promise<ImportSummary> {
  const { document } = options;
  const context: Context = { audit: options.audit, secrets: options.secrets, summary: { created: 0, updated: 0, unchanged: 0 } };
  await options.db.transaction(async (tx) => {
    const indexed = <T>(items: T[]) => items.map((input, index) => ({ input, index }));
    const e = CATALOG_ENTITIES;
    await importSection(tx, context, e.billProfiles, 'billProfiles', indexed(document.billProfiles));
    await importSection(tx, context, e.lineTypes, 'lineTypes', indexed(document.lineTypes));
    await importSection(tx, context, e.ldRatePlans, 'ldRatePlans', indexed(document.ldRatePlans));
    await importSection(tx, context, e.carriers, 'carriers', indexed(document.carriers));
    await importSection(tx, context, e.agents, 'agents', parentsFirst(await withSalesPersonIds(tx, document.agents)));
    await importSection(tx, context, e.products, 'products', indexed(document.products));
    await importSection(tx, context, e.packages, 'packages', indexed(document.packages));
    if (context.summary.created + context.summary.updated > 0) await stampCatalogVersion(tx);
  });
  if (context.summary.created + context.summary.updated > 0) invalidateCatalogReadCache(options.db);
  return context.summary;
}

async function importSection<S extends z.ZodType, V extends { id: string; code: string }>(
  tx: Tx,
  context: Context,
  entity: CatalogEntity<S, V>,
  section: string,
  items: { input: z.output<S>; index: number }[],
): Promise<void> {
  const seen = new Set<string>();
  const canonical = (input: z.output<S>) => entity.canonical?.(input) ?? input;
  for (const { input, index } of items) {
    const fieldPrefix = `${section}.${index}`;
    const key = entity.keyOf(input);
    if (seen.has(key)) throw AppError.field('VALIDATION_FAILED', `${fieldPrefix}.code`, 'unique', `${key} appears twice in ${section}`);
    seen.add(key);
    const save = { audit: context.audit, secrets: context.secrets, entity, input, fieldPrefix };
    const id = await entity.findId(tx, input);
    const [existing] = id ? await entity.get(tx, [id], context.secrets) : [];
    if (!existing) {
      await writeAudited(tx, save, null);
      context.summary.created += 1;
    } else if (
      isDeepStrictEqual(canonical(entity.toInput(existing)), canonical(input)) &&
      !(await entity.secretsDiffer?.(tx, existing.id, input, context.secrets))
    ) {
      context.summary.unchanged += 1;
    } else {
      await writeAudited(tx, save, existing);
      context.summary.updated += 1;
    }
  }
}

type DocumentAgent = TCatalogDocument['agents'][number];

/** A document names sales people by email, so it travels between installations; here they become user ids. */
async function withSalesPersonIds(db: DbOrTx, agents: DocumentAgent[]): Promise<TAgentData[]> {
  const emails = [...new Set(agents.flatMap((agent) => agent.salesPersonEmails.map((e) => e.toLowerCase())))];
  const byEmail = new Map((await findUsers({ db, emails })).map((user) => [user.email, user.id]));
  return agents.map(({ salesPersonEmails, ...agent }, index) => {
    const missing = salesPersonEmails.findIndex((email) => !byEmail.has(email.toLowerCase()));
    if (missing >= 0) {
      throw AppError.field('RULE_VIOLATED', `agents.${index}.salesPersonEmails.${missing}`, 'exists', `There is no user ${salesPersonEmails[missing]}`);
    }
    return { ...agent, salesPersonUserIds: salesPersonEmails.map((email) => byEmail.get(email.toLowerCase()) as string).sort() };
  });
}

/** Agents ordered so each parent is written before its sub-agents; the index stays the document's. */
function parentsFirst(agents: TAgentData[]): { input: TAgentData; index: number }[] {
  const pending = agents.map((input, index) => ({ input, index }));
  const ordered: typeof pending = [];
  const placed = new Set<string>();
  while (pending.length) {
    const next = pending.findIndex(({ input }) => !input.parentCode || placed.has(input.parentCode) || !agents.some((a) => a.code === input.parentCode));
    // A cycle inside the document: write the rest as they come and let the cycle check name the field.
    const [item] = pending.splice(next >= 0 ? next : 0, 1);
    if (!item) break;
    ordered.push(item);
    placed.add(item.input.code);
  }
  return ordered;
}
