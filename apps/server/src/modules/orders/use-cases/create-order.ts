import type { TAddress, TLdRates, TLineIdentifier, TLineProduct, TOrderOptions, WizardOrderType, DeviceSource } from '@linedesk/domain';
import { randomUUID } from 'node:crypto';
import { namedStatement, type Tx } from '../../../db/client.js';
import { jsonRecords } from '../../../db/json-records.js';
import { recordAudits, type AuditContext } from '../../audit/record-audit.js';
import { lineProducts, lines, orderNumberSequence, orders, type PortInRecord } from '../orders.schema.js';

export type NewOrderLine = {
  lineTypeCode: string;
  lineTypeName: string;
  package: { code: string; name: string; monthlyCents: number; activationFeeCents: number };
  properties: Record<string, string | number | boolean | null>;
  description: string | null;
  areaCode: string | null;
  numberZip: string | null;
  portIn: PortInRecord | null;
  deviceSource: DeviceSource;
  identifiers: TLineIdentifier[];
  products: TLineProduct[];
  ldRates: TLdRates | null;
  charges: { monthlyCents: number; oneTimeCents: number };
  /** The integrator's id of the order item this line is (TMF622); the wizard's lines have none. */
  externalItemId?: string | null;
  /** Where the line's service is used, when given for the line; else the account's service address stands. */
  serviceAddress?: TAddress | null;
};

export type NewOrder = {
  customerId: string;
  carrierCode: string;
  carrierName: string;
  orderType: WizardOrderType;
  options: TOrderOptions;
  /** Where a shipped order goes when it ships to the service address. */
  serviceAddress: TAddress;
  lines: NewOrderLine[];
  /** Ready when every line already has the device and SIM its carrier needs; else Pending. */
  status: 'PENDING' | 'READY';
  draftId: string | null;
  duplicateAcknowledgement: string | null;
  /** The integrator's own id for the order (TMF622 `externalId`). */
  externalId?: string | null;
  /** The user creating it, or null for an integrator's API key (then named by the audit actor). */
  createdBy: string | null;
};

/**
 * An order (Pending while it waits for inventory, or Ready) with its lines (Pending) and each line's copy of its
 * products, prices and long-distance rates, audited. The lines keep these copies for good: a later
 * catalog edit never reaches an existing line or order.
 */
export async function createOrder(tx: Tx, audit: AuditContext, input: NewOrder): Promise<{ id: string; orderNumber: string; lineIds: string[] }> {
  const { options } = input;
  const monthlyCents = input.lines.reduce((sum, line) => sum + line.charges.monthlyCents, 0);
  const oneTimeCents = input.lines.reduce((sum, line) => sum + line.charges.oneTimeCents, 0);
  const shipping = options.fulfillment === 'SHIP' ? (options.shippingAddress ?? input.serviceAddress) : null;
  // The ids are made here so the order, its lines and their products go in one statement.
  const orderId = randomUUID();
  const created = input.lines.map((_, position) => ({ id: randomUUID(), position }));
  const [order] = await insertOrder(tx, [
    ORDER.encode([
      {
        id: orderId,
        customerId: input.customerId,
        carrierCode: input.carrierCode,
        carrierName: input.carrierName,
        orderType: input.orderType,
        status: input.status,
        requestedDueDate: options.requestedDueDate,
        fulfillment: options.fulfillment,
        shippingAddress: shipping,
        sendAutomatically: options.sendAutomatically,
        notes: options.notes,
        depositCents: options.depositCents,
        monthlyCents,
        oneTimeCents,
        draftId: input.draftId,
        duplicateAcknowledgement: input.duplicateAcknowledgement,
        externalId: input.externalId,
        createdBy: input.createdBy,
        createdByLabel: input.createdBy ? null : audit.actorLabel,
      },
    ]),
    LINES.encode(
      input.lines.map((line, position) => ({
        id: created[position]!.id,
        customerId: input.customerId,
        orderId,
        position,
        externalItemId: line.externalItemId,
        status: 'PENDING' as const,
        lineTypeCode: line.lineTypeCode,
        lineTypeName: line.lineTypeName,
        packageCode: line.package.code,
        packageName: line.package.name,
        packageMonthlyCents: line.package.monthlyCents,
        packageActivationFeeCents: line.package.activationFeeCents,
        properties: line.properties,
        description: line.description,
        areaCode: line.areaCode,
        numberZip: line.numberZip,
        serviceAddress: line.serviceAddress,
        portIn: line.portIn,
        deviceSource: line.deviceSource,
        identifiers: line.identifiers,
        ldRates: line.ldRates,
        monthlyCents: line.charges.monthlyCents,
        oneTimeCents: line.charges.oneTimeCents,
      })),
    ),
    LINE_PRODUCTS.encode(
      created.flatMap(({ id, position }) => input.lines[position]!.products.map((product, productPosition) => ({ ...product, lineId: id, position: productPosition }))),
    ),
  ]);
  const orderNumber = order!.order_number;

  await recordAudits(tx, audit, [
    {
      entityType: 'order',
      entityId: orderId,
      action: 'create',
      after: { orderNumber, customerId: input.customerId, orderType: input.orderType, carrierCode: input.carrierCode, status: input.status, lines: input.lines.length, monthlyCents, oneTimeCents },
    },
    ...created.map(({ id, position }) => {
      const line = input.lines[position]!;
      return {
        entityType: 'line',
        entityId: id,
        action: 'create',
        after: { orderNumber, lineType: line.lineTypeCode, package: line.package.code, status: 'PENDING', products: line.products.map((p) => p.productCode), portIn: line.portIn ? 'yes' : 'no' },
      };
    }),
  ]);
  return { id: orderId, orderNumber, lineIds: created.map((line) => line.id) };
}

const ORDER = jsonRecords(orders, [
  'id', 'customerId', 'carrierCode', 'carrierName', 'orderType', 'status', 'requestedDueDate', 'fulfillment', 'shippingAddress', 'sendAutomatically',
  'notes', 'depositCents', 'monthlyCents', 'oneTimeCents', 'draftId', 'duplicateAcknowledgement', 'createdBy', 'createdByLabel',
  'externalId',
]);
const LINES = jsonRecords(lines, [
  'id', 'customerId', 'orderId', 'position', 'status', 'lineTypeCode', 'lineTypeName', 'packageCode', 'packageName', 'packageMonthlyCents',
  'packageActivationFeeCents', 'properties', 'description', 'areaCode', 'numberZip', 'portIn', 'deviceSource', 'identifiers', 'ldRates',
  'monthlyCents', 'oneTimeCents', 'externalItemId', 'serviceAddress',
]);
const LINE_PRODUCTS = jsonRecords(lineProducts, [
  'lineId', 'position', 'productCode', 'name', 'kind', 'quantity', 'unitMonthlyCents', 'unitOneTimeCents', 'monthlyCents', 'oneTimeCents',
  'isTaxable', 'inclusion', 'isPriceOverridden',
]);
/** The order ($1, numbered from the sequence: ORD-200001 …), its lines ($2) and their products ($3), in one statement. */
const insertOrder = namedStatement<{ order_number: string }>(
  'create_order',
  `with new_order as (
      insert into orders ("order_number", ${ORDER.columns})
      select 'ORD-' || nextval('${orderNumberSequence.seqName}'), ${ORDER.columnsOf('r')} from ${ORDER.from('$1')} r
      returning order_number
    ),
    new_lines as (insert into lines (${LINES.columns}) select ${LINES.columnsOf('r')} from ${LINES.from('$2')} r),
    new_products as (insert into line_products (${LINE_PRODUCTS.columns}) select ${LINE_PRODUCTS.columnsOf('r')} from ${LINE_PRODUCTS.from('$3')} r)
    select order_number from new_order`,
);
