import type { TAddress, TLdRates, TLineIdentifier, TLineProduct, TOrderOptions, WizardOrderType, DeviceSource } from '@linedesk/domain';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
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
  createdBy: string;
};

/**
 * An order (Pending while it waits for inventory, or Ready) with its lines (Pending) and each line's copy of its
 * products, prices and long-distance rates, audited. The lines keep these copies for good: a later
 * catalog edit never reaches an existing line or order.
 */
export async function createOrder(tx: Tx, audit: AuditContext, input: NewOrder): Promise<{ id: string; orderNumber: string; lineIds: string[] }> {
  const { options } = input;
  const orderNumber = await nextOrderNumber(tx);
  const monthlyCents = input.lines.reduce((sum, line) => sum + line.charges.monthlyCents, 0);
  const oneTimeCents = input.lines.reduce((sum, line) => sum + line.charges.oneTimeCents, 0);
  const shipping = options.fulfillment === 'SHIP' ? (options.shippingAddress ?? input.serviceAddress) : null;
  const [order] = await tx
    .insert(orders)
    .values({
      orderNumber,
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
      createdBy: input.createdBy,
    })
    .returning({ id: orders.id });
  const orderId = order!.id;

  const created = await tx
    .insert(lines)
    .values(
      input.lines.map((line, position) => ({
        customerId: input.customerId,
        orderId,
        position,
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
        portIn: line.portIn,
        deviceSource: line.deviceSource,
        identifiers: line.identifiers,
        ldRates: line.ldRates,
        monthlyCents: line.charges.monthlyCents,
        oneTimeCents: line.charges.oneTimeCents,
      })),
    )
    .returning({ id: lines.id, position: lines.position });
  const productRows = created.flatMap(({ id, position }) =>
    input.lines[position]!.products.map((product, productPosition) => ({ ...product, lineId: id, position: productPosition })),
  );
  if (productRows.length) await tx.insert(lineProducts).values(productRows);

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
  return { id: orderId, orderNumber, lineIds: [...created].sort((a, b) => a.position - b.position).map((line) => line.id) };
}

async function nextOrderNumber(tx: Tx): Promise<string> {
  const result = (await tx.execute(sql`select nextval(${sql.raw(`'${orderNumberSequence.seqName}'`)}) as n`)) as unknown as { rows: { n: string | number }[] };
  return `ORD-${result.rows[0]!.n}`;
}
