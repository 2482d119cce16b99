import { ZAgent, ZAgentInput, type TAgent } from '@linedesk/domain';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { AppError } from '../../../http/app-error.js';
import { findUsers } from '../../auth/use-cases/find-users.js';
import { and, byName, eq, inArray, iso, listConditions, lockRowOf, resolveCodes, type CatalogEntity } from '../catalog-entity.js';
import { agents, agentSalesPeople } from '../catalog.schema.js';

const parents = alias(agents, 'parent');

async function load(db: DbOrTx, where: Parameters<typeof and>): Promise<TAgent[]> {
  const rows = await db
    .select({ agent: agents, parentCode: parents.code })
    .from(agents)
    .leftJoin(parents, eq(parents.id, agents.parentId))
    .where(and(...where))
    .orderBy(byName(agents));
  const ids = rows.map((row) => row.agent.id);
  const sellers = ids.length ? await db.select().from(agentSalesPeople).where(inArray(agentSalesPeople.agentId, ids)) : [];
  return rows.map(({ agent, parentCode }) => ({
    id: agent.id,
    code: agent.code,
    name: agent.name,
    parentCode,
    email: agent.email,
    phone: agent.phone,
    salesPersonUserIds: sellers.filter((s) => s.agentId === agent.id).map((s) => s.userId).sort(),
    isActive: agent.isActive,
    createdAt: iso(agent.createdAt),
    updatedAt: iso(agent.updatedAt),
  }));
}

/** A parent must exist and must not be the agent itself or one of its descendants. */
async function resolveParent(tx: Tx, id: string | null, parentCode: string | null, field: string): Promise<string | null> {
  if (!parentCode) return null;
  const parentId = (await resolveCodes(tx, agents, [{ code: parentCode, field }], 'agent')).get(parentCode) ?? null;
  for (let cursor = parentId; cursor; ) {
    if (cursor === id) throw AppError.field('RULE_VIOLATED', field, 'no_cycle', 'An agent cannot sit under itself or its own sub-agents');
    cursor = (await tx.select({ parentId: agents.parentId }).from(agents).where(eq(agents.id, cursor)))[0]?.parentId ?? null;
  }
  return parentId;
}

async function assertUsersExist(tx: Tx, userIds: string[], field: string): Promise<void> {
  if (userIds.length === 0) return;
  const found = new Set((await findUsers({ db: tx, ids: userIds })).map((u) => u.id));
  const index = userIds.findIndex((id) => !found.has(id));
  if (index >= 0) throw AppError.field('RULE_VIOLATED', `${field}.${index}`, 'exists', `There is no user with id ${userIds[index]}`);
}

export const agentEntity: CatalogEntity<typeof ZAgentInput, TAgent> = {
  type: 'agent',
  path: 'agents',
  label: 'agent',
  input: ZAgentInput,
  view: ZAgent,
  keyOf: (input) => input.code,
  lock: lockRowOf(agents),
  list: (db, query) => load(db, listConditions(agents, query)),
  get: (db, ids) => load(db, [inArray(agents.id, ids)]),
  findId: async (db, input) => (await db.select({ id: agents.id }).from(agents).where(eq(agents.code, input.code)))[0]?.id ?? null,
  write: async (tx, id, input, { fieldPrefix }) => {
    const parentId = await resolveParent(tx, id, input.parentCode, `${fieldPrefix}.parentCode`);
    const userIds = [...new Set(input.salesPersonUserIds)];
    await assertUsersExist(tx, userIds, `${fieldPrefix}.salesPersonUserIds`);
    const values = { code: input.code, name: input.name, parentId, email: input.email, phone: input.phone, isActive: input.isActive, updatedAt: new Date() };
    let agentId = id;
    if (agentId) await tx.update(agents).set(values).where(eq(agents.id, agentId));
    else agentId = (await tx.insert(agents).values(values).returning({ id: agents.id }))[0]?.id ?? null;
    if (!agentId) throw new Error('insert returned no row');
    await tx.delete(agentSalesPeople).where(eq(agentSalesPeople.agentId, agentId));
    if (userIds.length) await tx.insert(agentSalesPeople).values(userIds.map((userId) => ({ agentId: agentId as string, userId })));
    return agentId;
  },
  toInput: ({ id: _id, createdAt: _c, updatedAt: _u, ...input }) => input,
};
