import {
  allowedIdentifierKinds,
  defaultLineProducts,
  isoDay,
  missingIdentifierGroups,
  orderOptionsSchema,
  ZServiceAddress,
  type DeviceSource,
  type IdentifierKind,
  type Role,
  type TAddress,
  type TFieldError,
  type TWizardCarrier,
  type TWizardLineInput,
  type WizardOrderType,
} from '@linedesk/domain';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { parseOrThrow } from '../http/validate.js';
import { batchAudits, type AuditContext } from '../modules/audit/record-audit.js';
import { findOfferingIds, offeringKey } from '../modules/catalog/use-cases/find-offering-ids.js';
import { findPackageCode } from '../modules/catalog/use-cases/find-package-code.js';
import { getPackageOffer } from '../modules/catalog/use-cases/get-package-offer.js';
import { listOfferedCarriers } from '../modules/catalog/use-cases/list-offered-carriers.js';
import { addCustomerNumbers } from '../modules/customers/use-cases/add-customer-numbers.js';
import { findCustomerForOrder, type CustomerForOrder } from '../modules/customers/use-cases/find-customer-for-order.js';
import { findServiceAddresses } from '../modules/customers/use-cases/find-service-addresses.js';
import { markCustomerOrdered } from '../modules/customers/use-cases/mark-customer-ordered.js';
import { findItemsWithIdentifiers } from '../modules/inventory/use-cases/find-items-with-identifiers.js';
import { createOrder } from '../modules/orders/use-cases/create-order.js';
import type { StoredLine } from '../modules/wizard/draft-data.js';
import { buildLine } from '../modules/wizard/use-cases/save-line.js';
import type { SecretBox } from '../security/secret-box.js';
import { reserveStock, sendCreatedOrder } from './create-order-from-wizard.js';

/** One line an integrator orders: the package, the line's data as the Lines page takes it, its devices and SIMs. */
export type ApiOrderLine = {
  /** The integrator's id of the order item. */
  externalItemId: string;
  /** The package: its catalog id, or its code (of the customer's carrier). */
  packageRef: string | null;
  /** The line type; may be left out when the package is sold for one line type only. */
  lineTypeCode: string | null;
  properties: Record<string, string | number | boolean | null>;
  areaCode: string | null;
  numberZip: string | null;
  /** The number to port in and the old account; the PIN is sealed like the wizard's and never shown again. */
  portIn: {
    number: string | null;
    currentCarrier: string | null;
    accountNumber: string | null;
    pin: string | null;
    authorizedSigner: string | null;
    accountName: string | null;
  } | null;
  deviceSource: DeviceSource;
  description: string | null;
  /** Devices and SIMs: inventory item ids, or identifier values (IMEI, ICCID, EID …) that find the item. */
  resources: string[];
  /** Where the line's service is used (an address to check); null for the account's service address. */
  serviceAddress: unknown;
};

export type ApiOrderRequest = {
  /** The customer: its id, or its account number. */
  customerRef: string | null;
  /** New (new numbers) or Conversion (port-ins); by default Conversion when a line ports a number in, else New. */
  orderType: WizardOrderType | null;
  lines: ApiOrderLine[];
  requestedDueDate: string | null;
  notes: string | null;
  externalId: string | null;
};

/**
 * Thrown when the request cannot become an order: every problem found, each at a path of the request
 * (`customer`, `orderType`, `requestedDueDate`, `lines.<i>.package`, `lines.<i>.<what the Lines page names>`,
 * `lines.<i>.resources.<j>`), for the caller to name in its own terms.
 */
export class ApiOrderRefused extends AppError {
  constructor(readonly problems: TFieldError[]) {
    super('VALIDATION_FAILED', `The order cannot be created: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, { fields: problems });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An order an integrator sends for an existing customer, made as Create Order makes the wizard's, inside the
 * caller's transaction: each line checked and kept by the Lines page's own `buildLine` (catalog, properties,
 * number request or port-in with its PIN sealed, identifiers), the order created Pending (or Ready when every
 * line already has its device and SIM), the stock reserved as the wizard reserves it, and — as orders from
 * the API send automatically — sent to the carrier in the same transaction once Ready. The carrier is the
 * package's, which must be the customer's; a prospect's account becomes Pending. Audited as one batch. Refused with `ApiOrderRefused` naming every problem.
 */
export async function createApiOrderIn(
  tx: Tx,
  options: { audit: AuditContext; secrets: SecretBox; role: Role; request: ApiOrderRequest; now?: Date },
): Promise<{ orderId: string; orderNumber: string }> {
  const { request, secrets } = options;
  const problems: TFieldError[] = [];
  const refuse = (field: string, rule: string, message: string) => problems.push({ field, rule, message });

  const customer = await findCustomer(tx, request.customerRef);
  if (!request.customerRef) refuse('customer', 'required', 'Name the customer (a LineDesk customer id or account number)');
  else if (!customer) refuse('customer', 'not_found', 'No customer with this id');
  else if (customer.status === 'CLOSED') refuse('customer', 'closed', `Account ${customer.accountNumber} is closed`);

  const packages = await findPackages(tx, request.lines, customer?.carrierCode ?? null);
  request.lines.forEach((line, index) => {
    const found = packages[index];
    const field = `lines.${index}.package`;
    if (!line.packageRef) refuse(field, 'required', 'Name the package: its id or code');
    else if (found === null && customer) refuse(field, 'not_found', `No package ${line.packageRef} in the catalog of ${customer.carrierCode}`);
    else if (found && customer && found.carrierCode !== customer.carrierCode) {
      refuse(field, 'other_carrier', `Package ${found.code} is sold by ${found.carrierCode}; account ${customer.accountNumber} is with ${customer.carrierCode}`);
    }
  });
  if (problems.length || !customer) throw new ApiOrderRefused(problems);

  const carrierCode = customer.carrierCode;
  const carrier = (await listOfferedCarriers({ db: tx })).find((c) => c.code === carrierCode);
  if (!carrier) throw new ApiOrderRefused([{ field: 'customer', rule: 'offered', message: `${carrierCode} is no longer an active carrier` }]);
  const orderType = request.orderType ?? (request.lines.some((line) => line.portIn) ? 'CONVERSION' : 'NEW');
  const accountAddress = (await findServiceAddresses({ db: tx, customerIds: [customer.id] })).get(customer.id) ?? null;
  const now = options.now ?? new Date();
  const orderOptions = collect(problems, '', () =>
    parseOrThrow(
      orderOptionsSchema(isoDay(now)),
      { requestedDueDate: request.requestedDueDate, fulfillment: 'PICKUP', sendAutomatically: true, notes: request.notes, depositCents: 0 },
      '',
    ),
  );

  const built: (StoredLine & { serviceAddress: TAddress | null })[] = [];
  const itemIdentifiers = await identifiersOfItems(tx, request.lines.flatMap((line) => line.resources.filter((ref) => UUID.test(ref))));
  for (const [index, line] of request.lines.entries()) {
    const at = `lines.${index}`;
    const pkg = packages[index]!;
    const lineOrderType: WizardOrderType = line.portIn ? 'CONVERSION' : 'NEW';
    const offer = await getPackageOffer({ db: tx, carrierCode, packageCode: pkg.code, orderType: lineOrderType }).catch(() => null);
    if (!offer) {
      refuse(`${at}.package`, 'offered', `${pkg.name} is not sold for ${lineOrderType === 'NEW' ? 'new lines' : 'port-ins'} on ${carrier.name}`);
      continue;
    }
    const lineTypeCode = line.lineTypeCode ?? (offer.package.lineTypeCodes.length === 1 ? offer.package.lineTypeCodes[0]! : null);
    if (!lineTypeCode) {
      refuse(`${at}.lineTypeCode`, 'required', `Name the line type: ${offer.package.name} is sold for ${offer.package.lineTypeCodes.join(', ')}`);
      continue;
    }
    const serviceAddress = line.serviceAddress ? collect(problems, `${at}.serviceAddress`, () => parseOrThrow(ZServiceAddress, line.serviceAddress, '')) : null;
    if (line.serviceAddress && !serviceAddress) continue;
    const identifiers: string[] = [];
    const allowed = allowedIdentifierKinds(carrier, lineTypeCode);
    line.resources.forEach((ref, j) => {
      if (!UUID.test(ref)) return void identifiers.push(ref);
      const found = itemIdentifiers.get(ref.toLowerCase());
      if (!found) return void refuse(`${at}.resources.${j}`, 'not_found', 'No inventory item with this id');
      identifiers.push(pickIdentifier(found, allowed));
    });
    const address = serviceAddress ?? accountAddress;
    const portIn = line.portIn
      ? {
          ...line.portIn,
          accountName: line.portIn.accountName ?? customer.displayName,
          address: address ?? { line1: '', city: '', state: '', zip: '' },
        }
      : null;
    const stored = await collectAsync(problems, at, () =>
      buildLine(tx, { carrierCode, orderType }, {
        input: {
          orderType: lineOrderType,
          lineTypeCode,
          packageCode: offer.package.code,
          properties: line.properties,
          areaCode: line.areaCode,
          numberZip: line.numberZip,
          // Blank port-in fields go to the line's own check, which refuses each by name.
          portIn: portIn as TWizardLineInput['portIn'],
          deviceSource: line.deviceSource,
          identifiers,
          products: defaultLineProducts(offer),
          description: line.description,
        },
        role: options.role,
        secrets,
        existing: undefined,
        id: randomUUID(),
      }),
    );
    if (stored) built.push({ ...stored, serviceAddress });
  }
  const orderAddress = built.find((line) => line.serviceAddress)?.serviceAddress ?? accountAddress;
  if (!orderAddress && problems.length === 0) {
    refuse('lines.0.serviceAddress', 'required', `Account ${customer.accountNumber} has no service address: give the line's service address`);
  }
  if (problems.length || !orderOptions || !orderAddress) throw new ApiOrderRefused(problems);

  const audits = batchAudits(options.audit);
  const audit = audits.context;
  const ready = built.every((line) => missingIdentifierGroups(requirementOf(carrier, line.lineTypeCode), line.identifiers.map((i) => i.kind)).length === 0);
  const order = await createOrder(tx, audit, {
    customerId: customer.id,
    carrierCode,
    carrierName: carrier.name,
    orderType,
    options: orderOptions,
    serviceAddress: orderAddress,
    lines: built.map((line, index) => ({
      ...line,
      portIn: line.portIn ? { ...line.portIn, pinSealed: line.portIn.pin?.sealed ?? null } : null,
      externalItemId: request.lines[index]!.externalItemId,
    })),
    status: ready ? 'READY' : 'PENDING',
    draftId: null,
    duplicateAcknowledgement: null,
    externalId: request.externalId,
    createdBy: options.audit.actorUserId,
  });
  // A prospect (an account made through the API) is Pending from its first order, as a wizard-made account starts;
  // numbers being ported in are searchable as the account's from the start, as Create Order makes them.
  if (customer.status === 'PROSPECT') await markCustomerOrdered(tx, audit, { customerId: customer.id, orderNumber: order.orderNumber });
  await addCustomerNumbers(tx, { customerId: customer.id, numbers: built.flatMap((line) => (line.portIn ? [line.portIn.number] : [])) });
  try {
    await reserveStock(tx, audit, { orderId: order.id, lineIds: order.lineIds, carrierCode, lines: built });
  } catch (error) {
    if (error instanceof AppError && error.fields) throw new ApiOrderRefused(error.fields);
    throw error;
  }
  if (ready) await sendCreatedOrder(tx, audit, order.id);
  await audits.flush(tx);
  return { orderId: order.id, orderNumber: order.orderNumber };
}

function findCustomer(tx: Tx, ref: string | null): Promise<CustomerForOrder | null> {
  if (!ref) return Promise.resolve(null);
  return findCustomerForOrder(UUID.test(ref) ? { db: tx, id: ref.toLowerCase() } : { db: tx, accountNumber: ref });
}

type FoundPackage = { carrierCode: string; code: string; name: string };

/** Each line's package (null when there is none by that id or code; undefined when it cannot be looked for). */
async function findPackages(tx: Tx, lines: ApiOrderLine[], carrierCode: string | null): Promise<(FoundPackage | null | undefined)[]> {
  const byId = new Map<string, FoundPackage | null>();
  for (const ref of new Set(lines.flatMap((line) => (line.packageRef && UUID.test(line.packageRef) ? [line.packageRef.toLowerCase()] : [])))) {
    const code = await findPackageCode({ db: tx, id: ref });
    byId.set(ref, code ? { ...code, name: code.code } : null);
  }
  const codes = lines.flatMap((line) => (line.packageRef && !UUID.test(line.packageRef) && carrierCode ? [{ carrierCode, code: line.packageRef }] : []));
  const byCode = codes.length ? (await findOfferingIds({ db: tx, packages: codes, products: [] })).packages : new Map();
  return lines.map((line) => {
    if (!line.packageRef) return undefined;
    if (UUID.test(line.packageRef)) return byId.get(line.packageRef.toLowerCase()) ?? null;
    if (!carrierCode) return undefined;
    const found = byCode.get(offeringKey({ carrierCode, code: line.packageRef }));
    return found ? { carrierCode: found.carrierCode, code: found.code, name: found.name } : null;
  });
}

/** Each stock item's identifiers (kind and value, in slot order), by item id. */
async function identifiersOfItems(tx: Tx, ids: string[]): Promise<Map<string, { kind: IdentifierKind; value: string }[]>> {
  if (ids.length === 0) return new Map();
  const items = await findItemsWithIdentifiers({ db: tx, ids: [...new Set(ids.map((id) => id.toLowerCase()))] });
  return new Map(items.map((item) => [item.id, [...item.identifiers].sort((a, b) => a.slot - b.slot).map((i) => ({ kind: i.kind, value: i.value }))]));
}

/** The identifier of an item that the line takes (its IMEI rather than its second IMEI); else its first, for the line's check to refuse. */
function pickIdentifier(identifiers: { kind: IdentifierKind; value: string }[], allowed: readonly IdentifierKind[]): string {
  return (identifiers.find((i) => allowed.includes(i.kind)) ?? identifiers[0])?.value ?? '';
}

function requirementOf(carrier: TWizardCarrier, lineTypeCode: string) {
  return carrier.identifierRequirements.find((r) => r.lineTypeCode === lineTypeCode);
}

/** Runs a check; its field problems are added under `prefix` (the check's own `body.` or blank prefix replaced). */
function collect<T>(problems: TFieldError[], prefix: string, check: () => T): T | null {
  try {
    return check();
  } catch (error) {
    addProblems(problems, prefix, error);
    return null;
  }
}

async function collectAsync<T>(problems: TFieldError[], prefix: string, check: () => Promise<T>): Promise<T | null> {
  try {
    return await check();
  } catch (error) {
    addProblems(problems, prefix, error);
    return null;
  }
}

function addProblems(problems: TFieldError[], prefix: string, error: unknown): void {
  if (!(error instanceof AppError) || error.code === 'INTERNAL') throw error;
  const under = (field: string) => {
    const relative = field.replace(/^body\.?/, '').replace(/^\./, '');
    return [prefix, relative].filter(Boolean).join('.');
  };
  if (error.fields?.length) problems.push(...error.fields.map((field) => ({ ...field, field: under(field.field) })));
  else problems.push({ field: prefix || 'body', rule: error.code.toLowerCase(), message: error.reason });
}
