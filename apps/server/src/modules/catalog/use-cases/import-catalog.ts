import { isDeepStrictEqual } from 'node:util';
import type { TCatalogDocument, TAgentData } from '@linedesk/domain';
import type { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import type { SecretBox } from '../../../security/secret-box.js';
import type { AuditContext } from '../../audit/record-audit.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import type { CatalogEntity } from '../catalog-entity.js';
import { CATALOG_ENTITIES } from '../catalog-entities.js';
import { createCatalogRecord, updateCatalogRecord } from './save-catalog-record.js';

export type ImportSummary = { created: number; updated: number; unchanged: number };

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
  const { db, document } = options;
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  await db.transaction(async (tx) => {
    const step = async <S extends z.ZodType, V extends { id: string; code: string }>(
      entity: CatalogEntity<S, V>,
      section: string,
      items: { input: z.output<S>; index: number }[],
    ) => {
      for (const { input, index } of items) {
        const save = { db: tx, audit: options.audit, secrets: options.secrets, entity, input, fieldPrefix: `${section}.${index}` };
        const id = await entity.findId(tx, input);
        if (!id) {
          await createCatalogRecord(save);
          summary.created += 1;
          continue;
        }
        const [existing] = await entity.get(tx, [id], options.secrets);
        if (existing && isDeepStrictEqual(entity.toInput(existing), input)) summary.unchanged += 1;
        else {
          await updateCatalogRecord({ ...save, id });
          summary.updated += 1;
        }
      }
    };
    const indexed = <T>(items: T[]) => items.map((input, index) => ({ input, index }));
    const e = CATALOG_ENTITIES;
    await step(e.billProfiles, 'billProfiles', indexed(document.billProfiles));
    await step(e.lineTypes, 'lineTypes', indexed(document.lineTypes));
    await step(e.ldRatePlans, 'ldRatePlans', indexed(document.ldRatePlans));
    await step(e.carriers, 'carriers', indexed(document.carriers));
    await step(e.agents, 'agents', parentsFirst(await withSalesPersonIds(tx, document.agents)));
    await step(e.products, 'products', indexed(document.products));
    await step(e.packages, 'packages', indexed(document.packages));
  });
  return summary;
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
