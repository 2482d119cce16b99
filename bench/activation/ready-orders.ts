import { luhnCheckDigit, ZCustomerProfileInput, ZFinalStepInput, ZNamesAndAddressesInput, ZWizardLineInput, ZWizardStart } from '@linedesk/domain';
import { createOrderFromWizard } from '../../apps/server/src/flows/create-order-from-wizard.js';
import { SYSTEM_ACTOR } from '../../apps/server/src/modules/audit/record-audit.js';
import { loadStockReferences } from '../../apps/server/src/modules/inventory/stock-references.js';
import { importStockCsv } from '../../apps/server/src/modules/inventory/use-cases/import-stock-csv.js';
import { createDraft } from '../../apps/server/src/modules/wizard/use-cases/create-draft.js';
import { saveFinalStep } from '../../apps/server/src/modules/wizard/use-cases/save-final-step.js';
import { saveLine } from '../../apps/server/src/modules/wizard/use-cases/save-line.js';
import { saveNamesStep } from '../../apps/server/src/modules/wizard/use-cases/save-names-step.js';
import { saveProfileStep } from '../../apps/server/src/modules/wizard/use-cases/save-profile-step.js';
import { saveStartStep } from '../../apps/server/src/modules/wizard/use-cases/save-start-step.js';
import type { TestApp } from '../../apps/server/test/test-app.js';
import { FINAL, NEW_LINE, profileFor } from '../../apps/server/test/wizard-fixture.js';
import { customer } from '../bench-customers.js';

/** Identifiers of this run: device `n`'s IMEI and SIM `n`'s ICCID, valid (Luhn) and new to a kept database. */
export function stockOf(run: number, n: number) {
  const imeiBody = `35${String(run % 1_000_000).padStart(6, '0')}${String(n).padStart(6, '0')}`;
  const iccidBody = `8901260${String(run).padStart(6, '0')}${String(n).padStart(6, '0')}`.slice(0, 19);
  return { imei: imeiBody + luhnCheckDigit(imeiBody), iccid: iccidBody + luhnCheckDigit(iccidBody) };
}

/** A device and a SIM per order, imported as a delivery file through the Import CSV use case. */
export async function receiveStock(t: TestApp, run: number, count: number): Promise<void> {
  const rows = ['kind,carrier,imei,iccid,make,model'];
  for (let n = 1; n <= count; n += 1) {
    const { imei, iccid } = stockOf(run, n);
    rows.push(`Device,NWM,${imei},,Aurora,Aurora X5 128 GB`, `SIM,NWM,,${iccid},Northwind,Nano SIM (4FF)`);
  }
  const refs = await loadStockReferences({ db: t.database.db, secrets: t.secrets });
  const report = await importStockCsv({ db: t.database.db, audit: SYSTEM_ACTOR, refs, fileName: `bench-activation-${run}.csv`, csv: `${rows.join('\n')}\n` });
  if (report.accepted !== 2 * count) throw new Error(`stock import: ${JSON.stringify({ ...report, entries: report.entries.filter((e) => e.outcome === 'REFUSED').slice(0, 3) })}`);
}

/**
 * `count` Ready orders, one Northwind smartphone line each with its device and SIM scanned in the wizard,
 * each for a customer of its own: the wizard's use cases (what its routes call, input parsed as they
 * parse it), then Create Order, 8 at a time.
 */
export async function makeReadyOrders(t: TestApp, agent: { id: string; email: string }, run: number, firstCustomer: number, count: number): Promise<string[]> {
  const db = t.database.db;
  const audit = { actorUserId: agent.id, actorLabel: agent.email, requestId: null };
  const policy = { expiryDays: t.config.draftExpiryDays };
  const orderIds: string[] = [];
  let claimed = 0;
  const client = async () => {
    while (claimed < count) {
      claimed += 1;
      const n = claimed;
      const person = customer(firstCustomer + n);
      const { imei, iccid } = stockOf(run, n);
      const draft = await createDraft({ db, userId: agent.id, audit, policy });
      const change = { db, id: draft.id, audit, policy };
      await saveStartStep({ ...change, input: ZWizardStart.parse({ ...person.start, orderType: 'NEW' }) });
      await saveProfileStep({ ...change, input: ZCustomerProfileInput.parse({ ...profileFor(agent.id), ...person.profile }), secrets: t.secrets });
      await saveNamesStep({ ...change, input: ZNamesAndAddressesInput.parse(person.names) });
      await saveLine({ ...change, input: ZWizardLineInput.parse({ ...NEW_LINE, identifiers: [imei, iccid] }), role: 'agent', secrets: t.secrets });
      await saveFinalStep({ ...change, input: ZFinalStepInput.parse(FINAL), secrets: t.secrets });
      const result = await createOrderFromWizard({
        db,
        draftId: draft.id,
        userId: agent.id,
        audit,
        policy,
        // Every customer is a different one; a similar name at the same ZIP can still happen by chance.
        duplicateAcknowledgement: { reason: 'Benchmark: a different customer' },
      });
      orderIds.push(result.orderId);
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return orderIds;
}
