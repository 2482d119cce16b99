import { readTogether, type DbOrTx } from '../../db/client.js';
import type { SecretBox } from '../../security/secret-box.js';
import { CATALOG_ENTITIES } from '../catalog/catalog-entities.js';

/** The catalog records stock refers to by code: active carriers and agents, code -> name. */
export type StockReferences = { carriers: Map<string, string>; agents: Map<string, string> };

/** Read through the catalog module's own entity descriptions: inventory never reads catalog tables. */
export async function loadStockReferences(options: { db: DbOrTx; secrets: SecretBox }): Promise<StockReferences> {
  const { db, secrets } = options;
  const [carriers, agents] = await readTogether(db, [
    () => CATALOG_ENTITIES.carriers.list(db, { status: 'active' }, secrets),
    () => CATALOG_ENTITIES.agents.list(db, { status: 'active' }, secrets),
  ]);
  return {
    carriers: new Map(carriers.map((carrier) => [carrier.code, carrier.name])),
    agents: new Map(agents.map((agent) => [agent.code, agent.name])),
  };
}

/** Problems with a carrier or agent code, for the field each came from. */
export function referenceProblems(
  refs: StockReferences,
  codes: { carrierCode: string; agentCode: string | null },
  fields: { carrier: string; agent: string },
): { field: string; rule: string; message: string }[] {
  const problems: { field: string; rule: string; message: string }[] = [];
  if (!refs.carriers.has(codes.carrierCode)) {
    problems.push({ field: fields.carrier, rule: 'unknown_carrier', message: `No active carrier has the code ${codes.carrierCode}` });
  }
  if (codes.agentCode !== null && !refs.agents.has(codes.agentCode)) {
    problems.push({ field: fields.agent, rule: 'unknown_agent', message: `No active agent has the code ${codes.agentCode}` });
  }
  return problems;
}
