import { startCarrierSim, type CarrierSim } from '@linedesk/carrier-sim/testing';
import type { TCarrierMessage, TOrderDetail, TOrderHistoryEntry, TPortInUpdate, TWizardLineInput } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carrierOrderClient, loadSimCatalog, startProvisioningRunner } from '../../test/carrier-test-app.js';
import { createWizardOrder } from '../../test/order-fixture.js';
import { createTestApp, type TestApp, type TestUser } from '../../test/test-app.js';
import { NEW_LINE, PORT_LINE } from '../../test/wizard-fixture.js';
import { selectRows } from '../db/client.js';

/*
 * Edit port-in: the carrier refuses a port-in (wrong account number, wrong PIN), the agent corrects the
 * line's account at the old carrier with the customer and sends the order again, and the carrier
 * gateway simulator (a real process) ports the number in. The PIN is write-only and sealed.
 */

/** A Verizon Wireless subscriber in the simulator's port-in fixture (apps/carrier-sim/fixtures/port-subscribers.json). */
const FIXTURE = { number: '3125550147', currentCarrier: 'Verizon Wireless', accountNumber: '482913570', pin: '4821' };

type OrderedLine = TWizardLineInput & { portIn: NonNullable<TWizardLineInput['portIn']> };
const portLine = (portIn: Partial<OrderedLine['portIn']>): OrderedLine => ({ ...PORT_LINE, portIn: { ...PORT_LINE.portIn!, ...portIn } });

describe('Edit port-in: correcting a port-in the carrier refused, then Send again', () => {
  let sim: CarrierSim;
  let t: TestApp;
  let agent: TestUser;
  let session: string;

  let client: ReturnType<typeof carrierOrderClient>;

  beforeAll(async () => {
    sim = await startCarrierSim();
    t = await createTestApp({ LOG_LEVEL: 'error', CARRIER_POLL_SECONDS: '0.2' });
    await loadSimCatalog(t, sim);
    agent = await t.createUser('agent', { name: 'Alex Agent' });
    session = await t.sessionFor(agent);
    client = carrierOrderClient(t, agent, session);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.stop();
  });

  const page = (orderId: string) => client.page(orderId);
  const editPortIn = (orderId: string, lineId: string, payload: Partial<TPortInUpdate>, as = session) =>
    t.request({ method: 'PUT', url: `/api/orders/${orderId}/lines/${lineId}/port-in`, session: as, payload });
  const send = (orderId: string) => client.send(orderId);
  const waitForStatus = (orderId: string, statuses: TOrderDetail['status'][]) => client.waitForStatus(orderId, statuses, 20_000);
  /** A one-line port-in order (the customer's own device) with its SIM and device scanned: Ready. */
  const readyPortOrder = async (line: TWizardLineInput, portInNumber?: string) => page((await client.readyOrder([line], portInNumber ? { portInNumber } : {})).orderId);
  const storedPortIn = async (lineId: string) =>
    (await selectRows<{ port_in: { pinSealed: string | null; accountNumber: string; currentCarrier: string }; carrier_rejection: unknown }>(
      t.database.db,
      sql`select port_in, carrier_rejection from lines where id = ${lineId}`,
    ))[0]!;
  const auditRows = (lineId: string) =>
    selectRows<{ action: string; actor_user_id: string | null; changes: Record<string, { from: unknown; to: unknown }> }>(
      t.database.db,
      sql`select action, actor_user_id, changes from audit_log where entity_type = 'line' and entity_id = ${lineId} and action = 'edit_port_in' order by id`,
    );
  const correction = { currentCarrier: FIXTURE.currentCarrier, accountNumber: FIXTURE.accountNumber, pin: FIXTURE.pin, authorizedSigner: 'Dana Whitfield', accountName: 'Dana Whitfield' };

  it('should let the agent correct the account number and PIN the carrier refused, then Send again: the carrier ports the number in', async () => {
    const runner = startProvisioningRunner(t);
    // Sold with the wrong account number and PIN at the old carrier.
    const ready = await readyPortOrder(portLine({ currentCarrier: 'Verizon', accountNumber: '000000000', pin: '9999' }), FIXTURE.number);
    try {
      const [line] = ready.lines;
      expect(line!.portIn).toEqual({ number: FIXTURE.number, currentCarrier: 'Verizon', accountNumber: '000000000', authorizedSigner: 'Dana Whitfield', accountName: 'Dana Whitfield', pin: { isSet: true, hint: null } });
      await send(ready.id);
      const refused = await waitForStatus(ready.id, ['ERROR', 'COMPLETE']);
      expect(refused.status).toBe('ERROR');
      expect(refused.lines[0]!.carrierRejection).toMatchObject({ code: 'PORT_ACCOUNT_MISMATCH' });
      expect(refused.carrier.error).toMatchObject({ code: 'PORT_ACCOUNT_MISMATCH' });
      const sealedBefore = (await storedPortIn(line!.id)).port_in.pinSealed;

      // The agent corrects the old carrier's name, the account number and the PIN with the customer.
      const response = await editPortIn(ready.id, line!.id, correction);
      expect(response.statusCode, response.body).toBe(200);
      const fixed: TOrderDetail = response.json();
      expect(fixed).toEqual(await page(ready.id));
      expect(fixed.status).toBe('ERROR');
      expect(fixed.send).toEqual({ allowed: true, reason: null });
      expect(fixed.lines[0]).toMatchObject({
        status: 'PENDING',
        number: FIXTURE.number,
        carrierRejection: null,
        portIn: { number: FIXTURE.number, currentCarrier: FIXTURE.currentCarrier, accountNumber: FIXTURE.accountNumber, pin: { isSet: true, hint: null } },
      });
      // The PIN is sealed at rest, and never in the answer.
      expect(response.body).not.toContain(FIXTURE.pin);
      const stored = await storedPortIn(line!.id);
      expect(stored.carrier_rejection).toBeNull();
      expect(stored.port_in).toMatchObject({ currentCarrier: FIXTURE.currentCarrier, accountNumber: FIXTURE.accountNumber });
      expect(stored.port_in.pinSealed).toMatch(/^v1:/);
      expect(stored.port_in.pinSealed).not.toBe(sealedBefore);
      expect(JSON.stringify(stored.port_in)).not.toContain(FIXTURE.pin);
      expect(t.secrets.open(stored.port_in.pinSealed!)).toBe(FIXTURE.pin);

      // Audited by the agent: the PIN and the account number only as changed.
      const [audit, ...more] = await auditRows(line!.id);
      expect(more).toEqual([]);
      expect(audit).toMatchObject({ actor_user_id: agent.id });
      expect(audit!.changes).toEqual({
        currentCarrier: { from: 'Verizon', to: FIXTURE.currentCarrier },
        accountNumber: { from: '[redacted]', to: '[redacted]' },
        pin: { from: '[redacted]', to: '[redacted]' },
        carrierRejection: { from: refused.lines[0]!.carrierRejection, to: null },
      });
      const allAudit = JSON.stringify(await selectRows(t.database.db, sql`select changes from audit_log where entity_id = ${line!.id}`));
      expect(allAudit).not.toContain(FIXTURE.pin);
      expect(allAudit).not.toContain(stored.port_in.pinSealed!);
      const history: TOrderHistoryEntry[] = (await t.request({ method: 'GET', url: `/api/orders/${ready.id}/history`, session })).json();
      expect(history[0]).toMatchObject({
        actor: 'Alex Agent',
        subject: 'Line 1',
        action: 'Port-in details changed',
        summary: 'Current carrier Verizon → Verizon Wireless; Account number changed; PIN changed; carrier refusal PORT_ACCOUNT_MISMATCH cleared',
      });

      // Send again: attempt 2, with the corrected details; the carrier ports the number in.
      expect((await send(ready.id)).status).toBe('SENT');
      const complete = await waitForStatus(ready.id, ['COMPLETE', 'ERROR', 'PARTIAL']);
      expect(complete.status).toBe('COMPLETE');
      expect(complete.carrier).toMatchObject({ attempts: 2, error: null });
      expect(complete.lines[0]).toMatchObject({ status: 'ACTIVE', number: FIXTURE.number, activatedAt: expect.any(String), carrierRejection: null });
      expect((await sim.stats()).activationsByLineRef[line!.id]).toBe(1);

      // The second request carried the corrected account, the PIN redacted; the carrier's report shows the number as people read it.
      const messages: TCarrierMessage[] = (await t.request({ method: 'GET', url: `/api/orders/${ready.id}/carrier-messages`, session })).json();
      const requests = messages.filter((m) => m.direction === 'REQUEST');
      expect(requests.map((m) => m.attempt)).toEqual([1, 2]);
      expect((requests[1]!.payload as { lines: { portIn: unknown }[] }).lines[0]!.portIn).toMatchObject({ accountNumber: FIXTURE.accountNumber, pin: '[redacted]' });
      expect(JSON.stringify(messages)).not.toContain(`"${FIXTURE.pin}"`);
      expect(messages.find((m) => m.direction === 'POLL' && m.attempt === 2 && m.summary.includes('completed'))!.summary).toContain('Line 1 Active (312) 555-0147');
    } finally {
      await runner.stop();
    }

    // Once Complete the port is done: its details no longer change.
    const late = await editPortIn(ready.id, ready.lines[0]!.id, correction);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'The order is Complete, so its port-in details cannot change' });
  });

  it('should keep the PIN on file when none is given, change nothing for the same details, and check each field', async () => {
    const created = await createWizardOrder(t, session, agent.id, [NEW_LINE, PORT_LINE]);
    const order = await page(created.orderId);
    expect(order.status).toBe('PENDING');
    const [newLine, line] = order.lines;
    const sealed = (await storedPortIn(line!.id)).port_in.pinSealed;
    expect(t.secrets.open(sealed!)).toBe(PORT_LINE.portIn!.pin);

    // Pending (its inventory not scanned yet): the signer changes, the PIN left blank stays as it was.
    const response = await editPortIn(created.orderId, line!.id, { ...correction, currentCarrier: PORT_LINE.portIn!.currentCarrier, accountNumber: PORT_LINE.portIn!.accountNumber, pin: '', authorizedSigner: 'Sam Whitfield' });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as TOrderDetail).lines[1]!.portIn).toMatchObject({ authorizedSigner: 'Sam Whitfield', pin: { isSet: true, hint: null } });
    expect((response.json() as TOrderDetail).status).toBe('PENDING');
    expect((await storedPortIn(line!.id)).port_in.pinSealed).toBe(sealed);
    expect((await auditRows(line!.id)).map((row) => row.changes)).toEqual([{ authorizedSigner: { from: 'Dana Whitfield', to: 'Sam Whitfield' } }]);

    // The same details again (the PIN left out): nothing to write, nothing audited.
    const { pin: _pin, ...samePin } = { ...correction, currentCarrier: PORT_LINE.portIn!.currentCarrier, accountNumber: PORT_LINE.portIn!.accountNumber, authorizedSigner: 'Sam Whitfield' };
    const again = await editPortIn(created.orderId, line!.id, samePin);
    expect(again.statusCode, again.body).toBe(200);
    expect(await auditRows(line!.id)).toHaveLength(1);

    // Each field is checked, and a refused edit writes nothing.
    const blank = await editPortIn(created.orderId, line!.id, { ...correction, currentCarrier: ' ', accountNumber: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'body.currentCarrier', message: 'Enter the current carrier' }),
        expect.objectContaining({ field: 'body.accountNumber', message: 'Enter the account number at the current carrier' }),
      ]),
    });
    const long = await editPortIn(created.orderId, line!.id, { ...correction, pin: '1'.repeat(21) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toEqual([expect.objectContaining({ field: 'body.pin' })]);
    expect((await storedPortIn(line!.id)).port_in.pinSealed).toBe(sealed);

    // A new-number line has no port-in; a line of another order, or no line, is not found.
    const notPort = await editPortIn(created.orderId, newLine!.id, correction);
    expect(notPort.statusCode).toBe(409);
    expect(notPort.json()).toMatchObject({ code: 'CONFLICT', reason: 'Line 1 takes a new number: it has no port-in details to change' });
    const other = await createWizardOrder(t, session, agent.id, [PORT_LINE]);
    expect((await editPortIn(other.orderId, line!.id, correction)).statusCode).toBe(404);
    expect((await editPortIn(created.orderId, '00000000-0000-4000-8000-000000000000', correction)).statusCode).toBe(404);
    expect((await editPortIn(created.orderId, 'not-a-line', correction)).json().fields).toEqual([expect.objectContaining({ field: 'params.lineId' })]);
  });

  it('should refuse to change a port-in while the order is at the carrier, or cancelled, and let only the roles that sell change it', async () => {
    // No worker runs here: the order stays Sent.
    const ready = await readyPortOrder(PORT_LINE);
    const lineId = ready.lines[0]!.id;
    for (const role of ['viewer', 'inventory'] as const) {
      const forbidden = await editPortIn(ready.id, lineId, correction, await t.sessionFor(await t.createUser(role)));
      expect(forbidden.statusCode).toBe(403);
    }
    const sent = await send(ready.id);
    expect(sent.status).toBe('SENT');
    expect(sent.send).toEqual({ allowed: false, reason: 'Sent to Northwind Mobile; waiting for the carrier' });
    const refused = await editPortIn(ready.id, lineId, correction);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'The order is Sent: the carrier has its port-in details now; change them if it refuses the port' });

    const created = await createWizardOrder(t, session, agent.id, [PORT_LINE]);
    const cancelled = await t.request({ method: 'POST', url: `/api/orders/${created.orderId}/cancel`, session, payload: { reason: 'The customer keeps the old carrier' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const cancelledLine = (cancelled.json() as TOrderDetail).lines[0]!.id;
    const late = await editPortIn(created.orderId, cancelledLine, correction);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'The order is cancelled, so its port-in details cannot change' });
    expect(await auditRows(lineId)).toEqual([]);
    expect(await auditRows(cancelledLine)).toEqual([]);
    expect((await page(ready.id)).lines[0]!.portIn).toMatchObject({ currentCarrier: PORT_LINE.portIn!.currentCarrier, accountNumber: PORT_LINE.portIn!.accountNumber });
  });
});
