import { randomUUID } from 'node:crypto';
import { luhnCheckDigit, parseIdentifier, type TWizardDraft } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../../apps/server/src/app.js';
import { selectRows } from '../../../apps/server/src/db/client.js';
import { createOrderFromWizard } from '../../../apps/server/src/flows/create-order-from-wizard.js';
import { SYSTEM_ACTOR } from '../../../apps/server/src/modules/audit/record-audit.js';
import { sessions } from '../../../apps/server/src/modules/auth/auth.schema.js';
import { SESSION_COOKIE, newSessionToken } from '../../../apps/server/src/modules/auth/session-token.js';
import { addStockItems, type NewStockItem } from '../../../apps/server/src/modules/inventory/use-cases/add-stock-items.js';
import { sealSecret, type DraftData } from '../../../apps/server/src/modules/wizard/draft-data.js';
import { draftTitle } from '../../../apps/server/src/modules/wizard/draft-store.js';
import { wizardDrafts } from '../../../apps/server/src/modules/wizard/wizard.schema.js';
import { FINAL, NAMES, NEW_LINE, START, profileFor } from '../../../apps/server/test/wizard-fixture.js';
import { inParallel } from './orders-api.js';
import type { ProcessDatabase } from './postgres-database.js';

export type ReadyOrder = { orderId: string; orderNumber: string; lineId: string };

const AGENT_EMAIL = 'agent@demo.linedesk.app';
const HOST = 'linedesk.process-test';

/*
 * Identifiers that pass their check digits, unique within the test process (so within its databases),
 * apart from the demo stockroom's (Aurora X5 IMEIs 35209900176141…, SIMs 8901260000077001…).
 */
let serial = 0;
const imei = (n: number) => {
  const body = `35209900${String(300_000 + n).padStart(6, '0')}`;
  return body + luhnCheckDigit(body);
};
const iccid = (n: number) => {
  const body = `8901260${String(30_000_000 + n).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};

const FIRST = ['Ingrid', 'Oswaldo', 'Priya', 'Tadeusz', 'Xiomara', 'Bartholomew', 'Keiko', 'Lwazi', 'Mireille', 'Rasmus', 'Yevgenia', 'Cormac', 'Anouk', 'Hamid', 'Solveig', 'Ximena', 'Teodor'];
const LAST = ['Abernathy', 'Kowalczyk', 'Nakamura', 'Okonkwo', 'Villanueva', 'Fairweather', 'Lindqvist', 'Brzezinski', 'Delacroix', 'Mbeki', 'Thorsdottir', 'Quisenberry', 'Yamamoto', 'Ferreira', 'Haverkamp', 'Ostrowski', 'Achterberg', 'Castellanos', 'Pemberton'];

/** Customer number `n`: a name, phone, email, SSN and street of its own. */
function customer(n: number) {
  const firstName = FIRST[n % FIRST.length]!;
  const lastName = `${LAST[Math.floor(n / FIRST.length) % LAST.length]}${n >= FIRST.length * LAST.length ? `-${LAST[n % LAST.length]}` : ''}`;
  const exchange = 200 + (Math.floor(n / 10_000) % 300);
  const phone = `406${exchange % 100 === 11 ? exchange + 1 : exchange}${String(n % 10_000).padStart(4, '0')}`;
  const email = `${firstName}.${lastName}.${n}@example.net`.toLowerCase();
  const ssn = `${String(100 + (n % 500)).padStart(3, '0')}-${String(1 + (Math.floor(n / 9999) % 99)).padStart(2, '0')}-${String(1 + (n % 9999)).padStart(4, '0')}`;
  return { firstName, lastName, phone, email, ssn, street: `${1 + n} Process Test Way` };
}

/**
 * `count` Ready one-line orders (a Northwind Mobile smartphone, a new number in area code 312), as an
 * agent makes them in the New Customer Wizard with the device and SIM scanned on the line, so that Create
 * Order reserves them and the order is Ready at once. Runs the server's own code in this process against
 * the processes' database (migrated and seeded in demo mode by a server: the demo agent sells).
 *
 * Fast enough for a thousand: stock is received in batches; one draft goes through the wizard's API step
 * by step, and the others are copies of its saved document, each with a customer and stock of its own
 * (name, contact, SSN sealed with the processes' key, address, the line's IMEI and ICCID). Create Order
 * (`createOrderFromWizard`, what the route calls) then checks each copy again as it checks any draft.
 */
export async function makeReadyOrders(world: ProcessDatabase, count: number, options: { concurrency?: number } = {}): Promise<ReadyOrder[]> {
  const { database, config, secrets } = world;
  const { db } = database;
  const [agent] = await selectRows<{ id: string }>(db, sql`select id from users where email = ${AGENT_EMAIL}`);
  if (!agent) throw new Error(`no ${AGENT_EMAIL}: start a server in demo mode (DEMO_MODE=on) on this database first`);
  const audit = { actorUserId: agent.id, actorLabel: AGENT_EMAIL, requestId: null };

  const numbers = Array.from({ length: count }, () => (serial += 1));
  const stock: NewStockItem[] = numbers.flatMap((n) => [
    { kind: 'DEVICE' as const, carrierCode: 'NWM', make: 'Aurora', model: 'Aurora X5 128 GB', location: 'Process test store', identifiers: [imei(n)] },
    { kind: 'SIM' as const, carrierCode: 'NWM', make: 'Northwind', model: 'Nano SIM (4FF)', location: 'Process test store', identifiers: [iccid(n)] },
  ]);
  for (let from = 0; from < stock.length; from += 500) {
    await db.transaction((tx) => addStockItems(tx, SYSTEM_ACTOR, stock.slice(from, from + 500)));
  }

  const [first, ...rest] = numbers;
  if (first === undefined) return [];
  const template = await draftThroughTheApi(world, agent.id, first);
  const expiresAt = new Date(Date.now() + config.draftExpiryDays * 86_400_000);
  const draftIds = [template.id];
  for (let from = 0; from < rest.length; from += 250) {
    const rows = rest.slice(from, from + 250).map((n) => {
      const data = draftFor(template.data, n, (ssn) => sealSecret(secrets, ssn, `•••-••-${ssn.slice(-4)}`));
      return { data, title: draftTitle(data), createdBy: agent.id, expiresAt };
    });
    const inserted = await db.insert(wizardDrafts).values(rows).returning({ id: wizardDrafts.id });
    draftIds.push(...inserted.map((row) => row.id));
  }

  const orderIds = await inParallel(draftIds, options.concurrency ?? 6, async (draftId) => {
    const result = await createOrderFromWizard({
      db,
      draftId,
      userId: agent.id,
      audit,
      policy: { expiryDays: config.draftExpiryDays },
      // Generated customers can resemble each other; an agent would say why this one is new.
      duplicateAcknowledgement: { reason: 'Process test: a different customer' },
    });
    return result.orderId;
  });

  const rows = await selectRows<{ id: string; order_number: string; status: string; line_id: string }>(
    db,
    sql`select o.id, o.order_number, o.status, l.id as line_id from orders o join lines l on l.order_id = o.id
         where o.id = any(${sql.param(orderIds)}::uuid[]) order by o.order_number`,
  );
  const notReady = rows.filter((row) => row.status !== 'READY');
  if (rows.length !== count || notReady.length) {
    throw new Error(`expected ${count} Ready one-line orders, got ${rows.length} lines, ${notReady.length} not Ready (${notReady[0]?.status})`);
  }
  return rows.map((row) => ({ orderId: row.id, orderNumber: row.order_number, lineId: row.line_id }));
}

/** A complete draft for customer `n` through the wizard's HTTP API (in process), as the agent: its id and saved document. */
async function draftThroughTheApi(world: ProcessDatabase, agentId: string, n: number): Promise<{ id: string; data: DraftData }> {
  const { database, config, secrets } = world;
  const app = await buildApp({ database, config, secrets });
  await app.ready();
  try {
    const { token, tokenHash } = newSessionToken();
    await database.db.insert(sessions).values({ tokenHash, userId: agentId, expiresAt: new Date(Date.now() + 600_000) });
    const call = async <T>(method: 'POST' | 'PUT', url: string, payload: object = {}): Promise<T> => {
      const response = await app.inject({ method, url, payload, headers: { host: HOST, origin: `http://${HOST}`, cookie: `${SESSION_COOKIE}=${token}` } });
      if (response.statusCode >= 300) throw new Error(`${method} ${url} → ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const person = customer(n);
    const draft = await call<TWizardDraft>('POST', '/api/wizard/drafts');
    const base = `/api/wizard/drafts/${draft.id}`;
    await call('PUT', `${base}/start`, { ...START, orderType: 'NEW', contacts: [{ contactType: 'PRIMARY', firstName: person.firstName, lastName: person.lastName, phone: person.phone, email: person.email }] });
    await call('PUT', `${base}/profile`, { ...profileFor(agentId), ssn: person.ssn, billEmail: person.email });
    await call('PUT', `${base}/names`, { ...NAMES, firstName: person.firstName, lastName: person.lastName, serviceAddress: { ...NAMES.serviceAddress, line1: person.street } });
    await call('POST', `${base}/lines`, { ...NEW_LINE, properties: { userName: person.firstName, deviceProtection: false }, identifiers: [imei(n), iccid(n)] });
    await call('PUT', `${base}/final`, FINAL);
    const [row] = await database.db.select({ data: wizardDrafts.data }).from(wizardDrafts).where(sql`${wizardDrafts.id} = ${draft.id}`);
    return { id: draft.id, data: row!.data };
  } finally {
    await app.close();
  }
}

/** The template's saved document with customer `n`'s details and stock. */
function draftFor(template: DraftData, n: number, sealSsn: (ssn: string) => NonNullable<DraftData['profile']>['ssn']): DraftData {
  const person = customer(n);
  const { start, profile, names, lines } = template;
  if (!start || !profile || !names || lines.length !== 1) throw new Error('the template draft is not a complete one-line draft');
  const scanned = [imei(n), iccid(n)].map((value) => {
    const parsed = parseIdentifier(value);
    if (!parsed.ok) throw new Error(`${value}: ${parsed.message}`);
    return { kind: parsed.kind, value: parsed.value, display: parsed.display };
  });
  return {
    ...template,
    start: { ...start, contacts: start.contacts.map((contact) => ({ ...contact, firstName: person.firstName, lastName: person.lastName, phone: person.phone, email: person.email })) },
    profile: { ...profile, ssn: sealSsn(person.ssn), billEmail: person.email },
    names: { ...names, firstName: person.firstName, lastName: person.lastName, serviceAddress: { ...names.serviceAddress, line1: person.street } },
    lines: lines.map((line) => ({ ...line, id: randomUUID(), properties: { ...line.properties, userName: person.firstName }, identifiers: scanned })),
    result: null,
  };
}
