import {
  describeItemIdentifier,
  formatNanp,
  mdnResourceId,
  productStatusOf,
  tmfMoney,
  tmfProductName,
  TMF_LINE_CHARACTERISTICS,
  TMF_PRODUCT_ORDER_PATH,
  TMF_PRODUCT_PATH,
  TMF_RESOURCE_PATH,
  type TStockItem,
  type TTmfCharacteristic,
  type TTmfProduct,
  type TTmfProductPrice,
  type TTmfProductValue,
  type TTmfResourceRef,
} from '@linedesk/domain';
import { findOfferingIds, offeringKey, type OfferingId } from '../../catalog/use-cases/find-offering-ids.js';
import { findCustomerSummaries } from '../../customers/use-cases/find-customer-summaries.js';
import { findServiceAddresses } from '../../customers/use-cases/find-service-addresses.js';
import { findLineStockItems } from '../../inventory/use-cases/find-line-stock-items.js';
import { findLines, type LineWithOrder } from '../../orders/use-cases/find-lines.js';
import { tmfHref, type TmfRenderContext } from '../kernel/tmf-context.js';
import { tmfServicePlace } from '../kernel/tmf-place.js';
import { mainIdentifier } from '../resource-inventory/render-resources.js';

const CUSTOMER_PATH = 'customerManagement/v4/customer';
const PRODUCT_OFFERING_PATH = 'productCatalogManagement/v4/productOffering';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * TMF637 Products by line id, in the order asked (ids of no line are left out): each line as a bundle
 * of the products it was sold with, read through the orders, inventory, customers and catalog use
 * cases. The API's GETs and the events both answer with this.
 */
export async function renderProducts(ctx: TmfRenderContext, ids: string[]): Promise<TTmfProduct[]> {
  const { db, baseUrl } = ctx;
  const found = await findLines({ db, ids: [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))] });
  if (found.length === 0) return [];
  const customerIds = [...new Set(found.map(({ line }) => line.customerId))];
  // One after the other: `db` may be a transaction, whose one connection runs one query at a time.
  const items = await findLineStockItems({ db, lineIds: found.map(({ line }) => line.id) });
  const customers = await findCustomerSummaries({ db, ids: customerIds });
  const addresses = await findServiceAddresses({ db, customerIds });
  const offerings = await findOfferingIds({
    db,
    packages: found.map(({ line, order }) => ({ carrierCode: order.carrierCode, code: line.packageCode })),
    products: found.flatMap(({ order, products }) => products.map((product) => ({ carrierCode: order.carrierCode, code: product.productCode }))),
  });
  const itemsOf = new Map<string, TStockItem[]>();
  for (const item of items) if (item.lineId) itemsOf.set(item.lineId, [...(itemsOf.get(item.lineId) ?? []), item]);
  const customerOf = new Map(customers.map((customer) => [customer.id, customer]));

  const offeringRef = (offering: OfferingId | undefined) =>
    offering && { id: offering.id, href: tmfHref(baseUrl, PRODUCT_OFFERING_PATH, offering.id), name: offering.name, '@referredType': 'ProductOffering' };

  const byId = new Map(
    found.map((entry): [string, TTmfProduct] => {
      const { line, order } = entry;
      const status = productStatusOf(line.status, order.status);
      const lineItems = itemsOf.get(line.id) ?? [];
      const customer = customerOf.get(line.customerId);
      // Where the line is used: its own service address when the order gave one (TMF622), else the account's.
      const address = line.serviceAddress ?? addresses.get(line.customerId);
      const packageOffering = offeringRef(offerings.packages.get(offeringKey({ carrierCode: order.carrierCode, code: line.packageCode })));
      const products = entry.products.map((product): TTmfProductValue => {
        const offering = offeringRef(offerings.products.get(offeringKey({ carrierCode: order.carrierCode, code: product.productCode })));
        return {
          '@type': 'Product',
          name: product.name,
          isBundle: false,
          status,
          ...(offering ? { productOffering: offering } : {}),
          productCharacteristic: [
            { name: 'productCode', valueType: 'string', value: product.productCode },
            { name: 'kind', valueType: 'string', value: product.kind },
            { name: 'quantity', valueType: 'integer', value: product.quantity },
            { name: 'inclusion', valueType: 'string', value: product.inclusion },
          ],
          productPrice: prices(product.monthlyCents, product.oneTimeCents),
        };
      });
      const terminated = line.status === 'DISCONNECTED' || line.status === 'CANCELLED';
      return [
        line.id,
        {
          id: line.id,
          href: tmfHref(baseUrl, TMF_PRODUCT_PATH, line.id),
          '@type': 'Product',
          name: tmfProductName(line.packageName, line.mdn ? formatNanp(line.mdn) : null),
          ...(line.description ? { description: line.description } : {}),
          isBundle: true,
          isCustomerVisible: true,
          status,
          orderDate: order.createdAt.toISOString(),
          ...(line.activatedAt ? { startDate: line.activatedAt.toISOString() } : {}),
          ...(terminated ? { terminationDate: line.updatedAt.toISOString() } : {}),
          ...(packageOffering ? { productOffering: packageOffering } : {}),
          productCharacteristic: characteristics(entry, lineItems),
          productPrice: prices(line.monthlyCents, line.oneTimeCents),
          product: products,
          realizingResource: realizingResources(baseUrl, line.mdn, lineItems),
          relatedParty: [
            {
              id: line.customerId,
              href: tmfHref(baseUrl, CUSTOMER_PATH, line.customerId),
              ...(customer ? { name: customer.displayName } : {}),
              role: 'Customer',
              '@referredType': 'Customer',
            },
          ],
          place: address ? [tmfServicePlace(address)] : [],
          productOrderItem: [
            {
              productOrderId: order.id,
              productOrderHref: tmfHref(baseUrl, TMF_PRODUCT_ORDER_PATH, order.id),
              orderItemId: orderItemIdOf(line),
              orderItemAction: 'add',
              role: 'activation',
              '@referredType': 'ProductOrderItem',
            },
          ],
        },
      ];
    }),
  );
  return ids.map((id) => byId.get(id.toLowerCase())).filter((product): product is TTmfProduct => product !== undefined);
}

/** The item of its productOrder a line is (as TMF622 numbers them): the integrator's item id, else its position from 1. */
function orderItemIdOf(line: LineWithOrder['line']): string {
  return line.externalItemId ?? String(line.position + 1);
}

function prices(monthlyCents: number, oneTimeCents: number): TTmfProductPrice[] {
  return [
    { name: 'Monthly', priceType: 'recurring', recurringChargePeriod: 'month', price: { dutyFreeAmount: tmfMoney(monthlyCents) } },
    { name: 'One-time', priceType: 'oneTime', price: { dutyFreeAmount: tmfMoney(oneTimeCents) } },
  ];
}

/**
 * The line's characteristics, named as a productOrder item's (TMF622): its line type and the type's
 * properties (by their keys), area code and number ZIP, where its device comes from, its number, and a
 * port-in's number, carrier, account and signer. The port-out PIN is never rendered. A customer's own
 * device (not stock, so not a TMF639 resource) is named here by its identifiers.
 */
function characteristics(entry: LineWithOrder, lineItems: TStockItem[]): TTmfCharacteristic[] {
  const { line } = entry;
  const C = TMF_LINE_CHARACTERISTICS;
  const list: TTmfCharacteristic[] = [{ name: C.lineType, valueType: 'string', value: line.lineTypeCode }];
  for (const [key, value] of Object.entries(line.properties)) {
    if (value === null) continue;
    list.push({ name: key, valueType: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string', value });
  }
  if (line.areaCode) list.push({ name: C.areaCode, valueType: 'string', value: line.areaCode });
  if (line.numberZip) list.push({ name: C.numberZip, valueType: 'string', value: line.numberZip });
  list.push({ name: C.deviceSource, valueType: 'string', value: line.deviceSource });
  if (line.mdn) list.push({ name: C.mdn, valueType: 'string', value: line.mdn });
  if (line.portIn) {
    list.push(
      { name: C.portInNumber, valueType: 'string', value: line.portIn.number },
      { name: C.portInCurrentCarrier, valueType: 'string', value: line.portIn.currentCarrier },
      { name: C.portInAccountNumber, valueType: 'string', value: line.portIn.accountNumber },
      { name: C.portInAuthorizedSigner, valueType: 'string', value: line.portIn.authorizedSigner },
      { name: C.portInAccountName, valueType: 'string', value: line.portIn.accountName },
    );
  }
  const stockValues = new Set(lineItems.flatMap((item) => item.identifiers.map((identifier) => identifier.value)));
  const ownDevice = line.identifiers.filter((identifier) => !stockValues.has(identifier.value));
  if (line.deviceSource === 'BYOD' && ownDevice.length > 0) {
    list.push({
      name: 'customerOwnedDevice',
      valueType: 'object',
      value: Object.fromEntries(ownDevice.map((identifier) => [identifier.kind, identifier.value])),
    });
  }
  return list;
}

/** The stock items on the line (TMF639 PhysicalResources) and its number (a LogicalResource). */
function realizingResources(baseUrl: string, mdn: string | null, lineItems: TStockItem[]): TTmfResourceRef[] {
  const refs: TTmfResourceRef[] = lineItems.map((item) => {
    const main = mainIdentifier(item.identifiers);
    return {
      id: item.id,
      href: tmfHref(baseUrl, TMF_RESOURCE_PATH, item.id),
      ...(main ? { name: describeItemIdentifier(main) } : {}),
      '@referredType': 'PhysicalResource',
    };
  });
  if (mdn) refs.push({ id: mdnResourceId(mdn), href: tmfHref(baseUrl, TMF_RESOURCE_PATH, mdnResourceId(mdn)), name: formatNanp(mdn), '@referredType': 'LogicalResource' });
  return refs;
}

