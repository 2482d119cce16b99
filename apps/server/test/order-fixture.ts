import { luhnCheckDigit, type TCreateOrderResult, type TWizardLineInput } from '@linedesk/domain';
import { SYSTEM_ACTOR } from '../src/modules/audit/record-audit.js';
import { addStockItems, type NewStockItem } from '../src/modules/inventory/use-cases/add-stock-items.js';
import { createTestApp, type TestApp, type TestUser } from './test-app.js';
import { FINAL, NAMES, NEW_LINE, PORT_LINE, START, loadDemoCatalog, profileFor, wizardClient } from './wizard-fixture.js';

/*
 * Orders made the way an agent makes them (the wizard's API, then Create Order), and stock with
 * identifiers that pass their check digits, unique within a test file.
 */

/** The app on its own database with the demo catalog, an agent who makes the orders (and their session), and a viewer's session. */
export async function createOrderTestApp(): Promise<{ t: TestApp; agent: TestUser; agentSession: string; viewerSession: string }> {
  const t = await createTestApp({ LOG_LEVEL: 'error' });
  await loadDemoCatalog(t);
  const agent = await t.createUser('agent', { name: 'Alex Agent' });
  const agentSession = await t.sessionFor(agent);
  const viewerSession = await t.sessionFor(await t.createUser('viewer'));
  return { t, agent, agentSession, viewerSession };
}

let serial = 0;
const next = () => (serial += 1);

export const newImei = (tac = '35209900') => {
  const body = tac + String(next()).padStart(6, '0');
  return body + luhnCheckDigit(body);
};
export const newIccid = () => {
  const body = `8901260${String(next()).padStart(11, '0')}`;
  return body + luhnCheckDigit(body);
};
export const newEid = () => {
  const body = `890490320010${String(next()).padStart(18, '0')}`;
  return body + String(98n - (BigInt(`${body}00`) % 97n)).padStart(2, '0');
};

/** Puts items into stock (Available) and returns their ids. */
export async function addStock(t: TestApp, items: (Partial<NewStockItem> & Pick<NewStockItem, 'kind' | 'identifiers'>)[]): Promise<string[]> {
  return t.database.db.transaction((tx) => addStockItems(tx, SYSTEM_ACTOR, items.map((item) => ({ carrierCode: 'NWM', ...item }))));
}

/** The TAC of the customers' own devices in these tests (an Aurora A2): a device not in stock, brought to a line. */
export const OWN_DEVICE_TAC = '35332011';

export const aDevice = (imei = newImei()) => ({ kind: 'DEVICE' as const, make: 'Aurora', model: 'Aurora X5 128 GB', identifiers: [imei] });
export const aSim = (iccid = newIccid()) => ({ kind: 'SIM' as const, make: 'Northwind', model: 'Nano SIM (4FF)', identifiers: [iccid] });

const FIRST = ['Ingrid', 'Oswaldo', 'Priya', 'Tadeusz', 'Xiomara', 'Bartholomew', 'Keiko', 'Lwazi', 'Mireille', 'Rasmus', 'Yevgenia', 'Cormac', 'Anouk', 'Hamid'];
const LAST = ['Abernathy', 'Kowalczyk', 'Nakamura', 'Okonkwo', 'Villanueva', 'Fairweather', 'Lindqvist', 'Brzezinski', 'Delacroix', 'Mbeki', 'Thorsdottir', 'Quisenberry', 'Yamamoto', 'Ferreira'];

/**
 * An order from a completed wizard draft, for a customer nobody else in the file resembles: by default a
 * Conversion order with line 1 a new number and a device from stock, line 2 a port-in with the customer's
 * own device (Northwind Mobile smartphones: each line needs an IMEI and an ICCID).
 */
export async function createWizardOrder(
  t: TestApp,
  session: string,
  salesPersonUserId: string,
  lines: TWizardLineInput[] = [NEW_LINE, PORT_LINE],
  options: { sendAutomatically?: boolean; /** The number to port in, such as one in the carrier simulator's fixture; else one unique in the file. */ portInNumber?: string } = {},
): Promise<TCreateOrderResult & { draftId: string; portInNumber: string | null }> {
  const n = next();
  const tail = String(n % 100).padStart(2, '0');
  const hundreds = String(Math.floor(n / 100) % 10);
  const [firstName, lastName] = [FIRST[n % FIRST.length]!, LAST[(n * 5) % LAST.length]!];
  const wizard = wizardClient(t, session);
  const draft = await wizard.newDraft();
  const base = `/api/wizard/drafts/${draft.id}`;
  const email = `${firstName}.${n}@example.net`.toLowerCase();
  const portInNumber = options.portInNumber ?? `(503) 555-0${hundreds}${tail}`;
  await wizard.ok('PUT', `${base}/start`, { ...START, orderType: lines.some((line) => line.portIn) ? 'CONVERSION' : 'NEW', contacts: [{ contactType: 'PRIMARY', firstName, lastName, phone: `(406) 555-0${hundreds}${tail}`, email }] });
  await wizard.ok('PUT', `${base}/profile`, { ...profileFor(salesPersonUserId), ssn: `123-45-${String(1000 + n)}`, billEmail: email });
  await wizard.ok('PUT', `${base}/names`, { ...NAMES, firstName, lastName, serviceAddress: { line1: `${n} Scan Street`, city: 'Helena', state: 'MT', zip: '59601' } });
  for (const line of lines) {
    await wizard.ok('POST', `${base}/lines`, line.portIn ? { ...line, portIn: { ...line.portIn, number: portInNumber } } : line);
  }
  await wizard.ok('PUT', `${base}/final`, { ...FINAL, options: { ...FINAL.options, sendAutomatically: options.sendAutomatically ?? FINAL.options.sendAutomatically } });
  const result: TCreateOrderResult = await wizard.ok('POST', `${base}/create-order`, { duplicateAcknowledgement: null });
  return { ...result, draftId: draft.id, portInNumber: lines.some((line) => line.portIn) ? portInNumber.replace(/\D/g, '') : null };
}
