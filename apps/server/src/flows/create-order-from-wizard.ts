import {
  customerProfileSchema,
  isoDay,
  missingIdentifierGroups,
  namesAndAddressesSchema,
  orderOptionsSchema,
  WIZARD_STEPS,
  WIZARD_STEP_LABELS,
  type TCreateOrderResult,
  type TDuplicateCandidate,
  type TProfileFieldSettings,
} from '@linedesk/domain';
import type { Db, Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { fieldsError, parseOrThrow } from '../http/validate.js';
import { batchAudits, recordAudit, type AuditContext } from '../modules/audit/record-audit.js';
import { catalogReadCacheOf, type CatalogReadCache } from '../modules/catalog/catalog-read-cache.js';
import { CATALOG_VERSION_SETTING } from '../modules/catalog/catalog-version.js';
import { listOfferedCarriers } from '../modules/catalog/use-cases/list-offered-carriers.js';
import { listSoldPackages } from '../modules/catalog/use-cases/list-sold-packages.js';
import { createCustomer } from '../modules/customers/use-cases/create-customer.js';
import { findDuplicateCustomers } from '../modules/customers/use-cases/find-duplicate-customers.js';
import { reserveLineStock } from '../modules/inventory/use-cases/reserve-line-stock.js';
import { createOrder } from '../modules/orders/use-cases/create-order.js';
import { createPaymentMethod, type NewPaymentMethod } from '../modules/payments/use-cases/create-payment-method.js';
import { stepCompletion, type DraftData, type StoredLine, type StoredPayment } from '../modules/wizard/draft-data.js';
import { readSettings } from '../modules/system/settings.js';
import { assertOpen, lockDraft, markDraftSubmitted, type DraftPolicy } from '../modules/wizard/draft-store.js';
import { PROFILE_FIELDS_SETTING, profileFieldSettingsOf } from '../modules/wizard/profile-field-settings.js';
import { loadOrderState } from './order-state.js';
import { autoSendKey, sendLockedOrder } from './send-order.js';
import { sendRefusal } from './send-refusal.js';
import { duplicateProbeOf } from './wizard-duplicate-probe.js';

/**
 * Create Order: in one transaction, the customer account (Pending) with its contacts, addresses and
 * payment method, the order (Pending) with its lines and their snapshots, and the draft marked as
 * submitted. The draft row is locked first, so a double click, a retry or a second tab gets the
 * same account and order back instead of a second one. Every step is checked again (settings and
 * catalog may have changed since it was saved), and an exact duplicate customer must have been
 * acknowledged with a reason. Its audit rows are written together, by one insert at the end.
 */
export async function createOrderFromWizard(options: {
  db: Db;
  draftId: string;
  userId: string;
  audit: AuditContext;
  policy: DraftPolicy;
  duplicateAcknowledgement: { reason: string } | null;
}): Promise<TCreateOrderResult> {
  const { db, draftId, policy } = options;
  return db.transaction(async (tx) => {
    const current = await lockDraft(tx, draftId);
    if (current?.status === 'SUBMITTED' && current.data.result) return { ...current.data.result, created: false };
    const row = assertOpen(current, policy);
    const data = row.data;
    const checked = await recheckDraft(tx, catalogReadCacheOf(db), data, policy);
    const duplicates = await findDuplicateCustomers({ db: tx, probe: duplicateProbeOf(data) });
    const exact = duplicates.filter((d) => d.level === 'EXACT');
    if (exact.length && !options.duplicateAcknowledgement) {
      throw AppError.field(
        'RULE_VIOLATED',
        'body.duplicateAcknowledgement',
        'acknowledge_duplicate',
        `This customer may already exist (${exact.map((d) => `${d.accountNumber} ${d.displayName}`).join('; ')}): say why this is a new customer to go on`,
      );
    }

    const audits = batchAudits(options.audit);
    const audit = audits.context;
    const { start, profile, names, options: orderOptions, carrier } = checked;
    const ready = data.lines.every(
      (line) => missingIdentifierGroups(carrier.identifierRequirements.find((r) => r.lineTypeCode === line.lineTypeCode), line.identifiers.map((i) => i.kind)).length === 0,
    );
    const customer = await createCustomer(tx, audit, {
      carrierCode: start.carrierCode,
      customerClass: profile.customerClass,
      accountNumber: profile.accountNumber,
      billProfileCode: profile.billProfileCode,
      billMethod: profile.billMethod,
      billEmail: profile.billEmail,
      salesPersonUserId: profile.salesPersonUserId,
      agentCode: profile.agentCode,
      language: profile.language,
      contractStart: profile.contractStart,
      contractEnd: profile.contractEnd,
      attentionLine: profile.attentionLine,
      paymentTermsDays: profile.paymentTermsDays,
      accountType: profile.accountType,
      parentAccountNumber: profile.parentAccountNumber,
      website: profile.website,
      primaryPhone: profile.primaryPhone,
      taxExempt: profile.taxExempt,
      taxExemptCertificate: profile.taxExemptCertificate,
      securityPinSealed: data.profile!.securityPin?.sealed ?? null,
      ssn: data.profile!.ssn ? { sealed: data.profile!.ssn.sealed, last4: data.profile!.ssn.masked.slice(-4) } : null,
      taxId: data.profile!.taxId ? { sealed: data.profile!.taxId.sealed, last4: data.profile!.taxId.masked.slice(-4) } : null,
      dateOfBirth: profile.dateOfBirth,
      names,
      contacts: start.contacts,
      portInNumbers: data.lines.flatMap((line) => (line.portIn ? [line.portIn.number] : [])),
      createdBy: options.userId,
    });
    await createPaymentMethod(tx, audit, customer.id, paymentMethodOf(data.payment!));
    const order = await createOrder(tx, audit, {
      customerId: customer.id,
      carrierCode: start.carrierCode,
      carrierName: checked.carrierName,
      orderType: start.orderType,
      options: orderOptions,
      serviceAddress: names.serviceAddress,
      lines: data.lines.map((line) => ({
        ...line,
        portIn: line.portIn ? { ...line.portIn, pinSealed: line.portIn.pin?.sealed ?? null } : null,
      })),
      status: ready ? 'READY' : 'PENDING',
      draftId,
      duplicateAcknowledgement: exact.length ? (options.duplicateAcknowledgement?.reason ?? null) : null,
      createdBy: options.userId,
    });
    await reserveStock(tx, audit, { orderId: order.id, lineIds: order.lineIds, carrierCode: start.carrierCode, lines: data.lines });
    if (ready && (orderOptions.sendAutomatically || carrier.flowThrough)) await sendCreatedOrder(tx, audit, order.id);
    if (exact.length) await auditAcknowledgement(tx, audit, order.id, exact, options.duplicateAcknowledgement!.reason);

    const result = { customerId: customer.id, accountNumber: customer.accountNumber, orderId: order.id, orderNumber: order.orderNumber };
    await markDraftSubmitted(tx, draftId, result);
    await recordAudit(tx, audit, { entityType: 'wizard_draft', entityId: draftId, action: 'submit', after: { accountNumber: customer.accountNumber, orderNumber: order.orderNumber } });
    await audits.flush(tx);
    return { ...result, created: true };
  });
}

/** Every step once more, as of now: complete, valid under today's settings, and each line's package still sold. */
async function recheckDraft(tx: Tx, catalog: CatalogReadCache, data: DraftData, policy: DraftPolicy) {
  const completion = stepCompletion(data);
  const missing = WIZARD_STEPS.filter((step) => !completion[step]);
  if (missing.length) {
    throw fieldsError(missing.map((step) => ({ path: [step], rule: 'incomplete', message: `Complete ${WIZARD_STEP_LABELS[step]} first` })), 'steps');
  }
  const start = data.start!;
  const stored = data.profile!;
  const today = policy.now?.() ?? new Date();
  const { securityPin, ssn, taxId, ...plainProfile } = stored;
  const storedSecrets = [securityPin && 'securityPin', ssn && 'ssn', taxId && 'taxId'].filter(Boolean) as ('securityPin' | 'ssn' | 'taxId')[];
  // The profile settings and the catalog version in one query; the catalog itself from the cache, as of that version.
  const settings = await readSettings(tx, [PROFILE_FIELDS_SETTING, CATALOG_VERSION_SETTING]);
  const profileSettings = profileFieldSettingsOf(settings.get(PROFILE_FIELDS_SETTING) as Partial<TProfileFieldSettings> | null);
  const catalogVersion = settings.get(CATALOG_VERSION_SETTING) as string | null;
  const day = isoDay(today);
  const profileSchema = memoized(`profile ${day} ${storedSecrets.join()} ${JSON.stringify(profileSettings)}`, () =>
    customerProfileSchema({ settings: profileSettings, today, storedSecrets }),
  );
  const profile = parseOrThrow(profileSchema, plainProfile, 'profile');
  const names = parseOrThrow(memoized(`names ${profile.customerClass}`, () => namesAndAddressesSchema(profile.customerClass)), data.names, 'names');
  const orderOptions = parseOrThrow(memoized(`options ${day}`, () => orderOptionsSchema(day)), data.options, 'options');
  const carriers = await catalog.readAsOf(catalogVersion, 'create-order:carriers', () => listOfferedCarriers({ db: tx }));
  const carrier = carriers.find((c) => c.code === start.carrierCode);
  if (!carrier) throw AppError.field('RULE_VIOLATED', 'start.carrierCode', 'offered', `${start.carrierCode} is no longer an active carrier`);
  if (start.orderType === 'CONVERSION' && !data.lines.some((line) => line.orderType === 'CONVERSION')) {
    throw AppError.field('RULE_VIOLATED', 'lines', 'port_in_needed', 'A Conversion order ports at least one number: add a port-in line, or make it a New order');
  }
  const sold = await catalog.readAsOf(catalogVersion, `create-order:sold:${start.carrierCode}`, () => listSoldPackages({ db: tx, carrierCode: start.carrierCode }));
  const problems = data.lines.flatMap((line, index) =>
    sold.get(line.package.code)?.includes(line.orderType)
      ? []
      : [{ path: [index, 'packageCode'], rule: 'offered', message: `${line.package.name} is no longer sold; edit line ${index + 1}` }],
  );
  if (problems.length) throw fieldsError(problems, 'lines');
  return { start, profile, names, options: orderOptions, carrierName: carrier.name, carrier };
}

// The step schemas Create Order checks against depend only on the settings, the day and the customer
// class: built once each, not per order (zod compiles a schema on its first parse).
const schemas = new Map<string, unknown>();
function memoized<T>(key: string, build: () => T): T {
  if (!schemas.has(key)) {
    if (schemas.size >= 64) schemas.clear();
    schemas.set(key, build());
  }
  return schemas.get(key) as T;
}

/**
 * Flow-through: an order created Ready (all its stock scanned in the wizard, or given by an integrator) goes to
 * its carrier in the same transaction, as one that becomes Ready by a scan does. Called only for an order that
 * sends by itself, so the others read nothing more.
 */
export async function sendCreatedOrder(tx: Tx, audit: AuditContext, orderId: string): Promise<void> {
  const state = await loadOrderState({ db: tx, orderId, lock: true });
  if (!sendRefusal(state)) await sendLockedOrder(tx, audit, state, { idempotencyKey: autoSendKey(orderId) });
}

/**
 * Reserves every scanned identifier for its line; one refusal anywhere refuses Create Order, naming the line
 * and identifier (`lines.<index>.identifiers.<index>`).
 */
export async function reserveStock(
  tx: Tx,
  audit: AuditContext,
  order: { orderId: string; lineIds: string[]; carrierCode: string; lines: Pick<StoredLine, 'deviceSource' | 'identifiers'>[] },
): Promise<void> {
  const problems: { path: (string | number)[]; rule: string; message: string }[] = [];
  for (const [index, line] of order.lines.entries()) {
    if (line.identifiers.length === 0) continue;
    const refused = await reserveLineStock(tx, audit, {
      lineId: order.lineIds[index]!,
      orderId: order.orderId,
      carrierCode: order.carrierCode,
      deviceSource: line.deviceSource,
      identifiers: line.identifiers,
    });
    for (const problem of refused) {
      const at = line.identifiers.indexOf(problem.identifier);
      problems.push({ path: [index, 'identifiers', at], rule: problem.rule, message: `Line ${index + 1}: ${problem.message}` });
    }
  }
  if (problems.length) {
    const error = fieldsError(problems, 'lines');
    throw new AppError('RULE_VIOLATED', `Scanned stock cannot be reserved: ${problems.map((p) => p.message).join('; ')}`, { fields: error.fields ?? [] });
  }
}

function paymentMethodOf(payment: StoredPayment): NewPaymentMethod {
  if (payment.method === 'CARD') return payment;
  if (payment.method === 'INVOICE') return payment;
  if (!payment.accountNumber) throw AppError.field('RULE_VIOLATED', 'payment.accountNumber', 'required', 'Enter the bank account number');
  return {
    method: 'BANK',
    nameOnAccount: payment.nameOnAccount,
    routingNumber: payment.routingNumber,
    accountType: payment.accountType,
    accountSealed: payment.accountNumber.sealed,
    accountLast4: payment.accountNumber.masked.slice(-4),
  };
}

async function auditAcknowledgement(tx: Tx, audit: AuditContext, orderId: string, exact: TDuplicateCandidate[], reason: string): Promise<void> {
  await recordAudit(tx, audit, {
    entityType: 'order',
    entityId: orderId,
    action: 'acknowledge_duplicate',
    after: { candidates: exact.map((d) => d.accountNumber), reasons: exact.map((d) => d.reasons.map((r) => r.reason).join('+')), reason },
  });
}
