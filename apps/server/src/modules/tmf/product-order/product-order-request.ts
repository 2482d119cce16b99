import {
  TMF_LINE_CHARACTERISTICS,
  TMF_SERVICE_ADDRESS_ROLE,
  type TFieldError,
  type TTmfOrderPlaceInput,
  type TTmfProductOrderCreate,
  type TTmfProductOrderItemInput,
  type WizardOrderType,
} from '@linedesk/domain';
import type { ApiOrderLine, ApiOrderRequest } from '../../../flows/create-api-order.js';

const C = TMF_LINE_CHARACTERISTICS;
const CUSTOMER_TYPES = ['customer', 'individual', 'organization'];
const PORT_IN_NAMES = [C.portInNumber, C.portInCurrentCarrier, C.portInAccountNumber, C.portInPin, C.portInAuthorizedSigner, C.portInAccountName] as string[];
const RESERVED = new Set<string>(Object.values(C));

/** Where each part of the request sat, to name the request's own fields in refusals. */
export type RequestLayout = { partyIndex: number | null; placeIndex: (number | null)[] };

/**
 * A TMF622 productOrder as the order LineDesk makes: the customer from `relatedParty` (role Customer, or a
 * Customer/Individual/Organization), one line per `productOrderItem` (action add): the package from
 * `productOffering.id`, the line type, number request, device source, port-in and the line type's properties
 * from `product.productCharacteristic`, the service address from `product.place`, devices and SIMs from
 * `product.realizingResource`. What cannot be read is reported at the request's field.
 */
export function apiOrderRequestOf(body: TTmfProductOrderCreate): { request: ApiOrderRequest; layout: RequestLayout; problems: TFieldError[] } {
  const problems: TFieldError[] = [];
  const refuse = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const parties = body.relatedParty ?? [];
  let partyIndex = parties.findIndex((p) => p.role?.toLowerCase() === 'customer');
  if (partyIndex < 0) partyIndex = parties.findIndex((p) => CUSTOMER_TYPES.includes((p['@referredType'] ?? '').toLowerCase()));

  let orderType: WizardOrderType | null = null;
  if (body.category) {
    const category = body.category.toLowerCase().replace(/[\s_-]/g, '');
    if (['new', 'newactivation', 'activation'].includes(category)) orderType = 'NEW';
    else if (['conversion', 'portin'].includes(category)) orderType = 'CONVERSION';
    else refuse('category', 'option', 'Use NEW (new numbers) or CONVERSION (numbers ported in)');
  }
  const notes = [body.description, ...(body.note ?? []).map((note) => note.text)].filter((text): text is string => Boolean(text?.trim())).join('\n\n');
  const placeIndex: (number | null)[] = [];
  const lines = body.productOrderItem.map((item, index) => {
    const { line, place } = lineOf(item, `productOrderItem[${index}]`, refuse);
    placeIndex.push(place);
    return line;
  });
  return {
    request: {
      customerRef: partyIndex >= 0 ? parties[partyIndex]!.id : null,
      orderType,
      lines,
      requestedDueDate: body.requestedCompletionDate ? body.requestedCompletionDate.slice(0, 10) : null,
      notes: notes || null,
      externalId: body.externalId ?? null,
    },
    layout: { partyIndex: partyIndex >= 0 ? partyIndex : null, placeIndex },
    problems,
  };
}

function lineOf(item: TTmfProductOrderItemInput, at: string, refuse: (field: string, rule: string, message: string) => void): { line: ApiOrderLine; place: number | null } {
  if (item.action !== 'add') refuse(`${at}.action`, 'add_only', `Only add is taken: each item orders a new line (${item.action} is not done through the API)`);
  if (item.quantity !== undefined && item.quantity !== 1) refuse(`${at}.quantity`, 'one', 'Each item is one line: order several items for several lines');
  const product = item.product ?? {};
  const values = new Map<string, unknown>();
  const properties: Record<string, string | number | boolean | null> = {};
  for (const characteristic of product.productCharacteristic ?? []) {
    const name = characteristic.name;
    const field = `${at}.product.productCharacteristic.${name}`;
    if (values.has(name) || name in properties) {
      refuse(field, 'repeated', `Give ${name} once`);
      continue;
    }
    if (name === C.mdn) {
      refuse(field, 'read_only', 'The number is the carrier’s to assign: ask for an areaCode or numberZip, or port a number in');
      continue;
    }
    const value = characteristic.value;
    if (value !== null && value !== undefined && !['string', 'number', 'boolean'].includes(typeof value)) {
      refuse(field, 'value_type', 'Give a text, number or true/false value');
      continue;
    }
    if (RESERVED.has(name)) values.set(name, value);
    else properties[name] = (value ?? null) as string | number | boolean | null;
  }
  const text = (name: string): string | null => {
    const value = values.get(name);
    if (value === undefined || value === null || value === '') return null;
    return String(value).trim();
  };
  const deviceSource = (text(C.deviceSource) ?? 'STOCK').toUpperCase();
  if (deviceSource !== 'STOCK' && deviceSource !== 'BYOD') {
    refuse(`${at}.product.productCharacteristic.${C.deviceSource}`, 'option', 'Use STOCK (a device from stock) or BYOD (the customer’s own device)');
  }
  const portsIn = PORT_IN_NAMES.some((name) => text(name) !== null);
  const places = product.place ?? [];
  let place = places.findIndex((p) => p.role?.toLowerCase() === TMF_SERVICE_ADDRESS_ROLE.toLowerCase());
  if (place < 0 && places.length === 1) place = 0;
  if (place < 0 && places.length > 1) refuse(`${at}.product.place`, 'service_address', `Mark the service address with role ${TMF_SERVICE_ADDRESS_ROLE}`);
  const chosen = place >= 0 ? places[place]! : null;
  if (chosen?.country && !['us', 'usa', 'united states'].includes(chosen.country.trim().toLowerCase())) {
    refuse(`${at}.product.place[${place}].country`, 'us_only', 'Service addresses are in the United States');
  }
  return {
    line: {
      externalItemId: item.id,
      packageRef: item.productOffering?.id ?? null,
      lineTypeCode: text(C.lineType)?.toUpperCase() ?? null,
      properties,
      areaCode: text(C.areaCode),
      numberZip: text(C.numberZip),
      portIn: portsIn
        ? {
            number: text(C.portInNumber),
            currentCarrier: text(C.portInCurrentCarrier),
            accountNumber: text(C.portInAccountNumber),
            pin: text(C.portInPin),
            authorizedSigner: text(C.portInAuthorizedSigner),
            accountName: text(C.portInAccountName),
          }
        : null,
      deviceSource: deviceSource === 'BYOD' ? 'BYOD' : 'STOCK',
      description: product.description?.trim() || null,
      resources: (product.realizingResource ?? []).map((ref) => (ref.value ?? ref.id).trim()),
      serviceAddress: chosen ? addressOf(chosen) : null,
    },
    place: place >= 0 ? place : null,
  };
}

/** A TMF place by value as a US address to check (street1, or streetNr + streetName + streetType). */
function addressOf(place: TTmfOrderPlaceInput): Record<string, unknown> {
  const street = place.street1 ?? [place.streetNr, place.streetName, place.streetType].filter(Boolean).join(' ');
  return { line1: street, line2: place.street2 ?? null, city: place.city ?? '', state: place.stateOrProvince ?? '', zip: place.postCode ?? place.postcode ?? '' };
}

const LINE_FIELDS: Record<string, string> = {
  package: 'productOffering.id',
  packageCode: 'productOffering.id',
  products: 'productOffering.id',
  lineTypeCode: `product.productCharacteristic.${C.lineType}`,
  areaCode: `product.productCharacteristic.${C.areaCode}`,
  numberZip: `product.productCharacteristic.${C.numberZip}`,
  deviceSource: `product.productCharacteristic.${C.deviceSource}`,
  description: 'product.description',
  properties: 'product.productCharacteristic',
  portIn: `product.productCharacteristic.${C.portInNumber}`,
  'portIn.number': `product.productCharacteristic.${C.portInNumber}`,
  'portIn.currentCarrier': `product.productCharacteristic.${C.portInCurrentCarrier}`,
  'portIn.accountNumber': `product.productCharacteristic.${C.portInAccountNumber}`,
  'portIn.pin': `product.productCharacteristic.${C.portInPin}`,
  'portIn.authorizedSigner': `product.productCharacteristic.${C.portInAuthorizedSigner}`,
  'portIn.accountName': `product.productCharacteristic.${C.portInAccountName}`,
};
const ADDRESS_FIELDS: Record<string, string> = { line1: 'street1', line2: 'street2', city: 'city', state: 'stateOrProvince', zip: 'postCode', zip4: 'postCode' };

/** A refusal's field (as the order flow names it) as the field of the TMF622 request. */
export function tmfFieldOf(field: string, layout: RequestLayout): string {
  if (field === 'customer') return layout.partyIndex === null ? 'relatedParty' : `relatedParty[${layout.partyIndex}].id`;
  if (field === 'orderType') return 'category';
  if (field === 'requestedDueDate') return 'requestedCompletionDate';
  if (field === 'notes') return 'description';
  const match = /^lines\.(\d+)(?:\.(.*))?$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]);
  const rest = match[2] ?? '';
  const item = `productOrderItem[${index}]`;
  if (!rest) return item;
  if (LINE_FIELDS[rest]) return `${item}.${LINE_FIELDS[rest]}`;
  const [head, ...tail] = rest.split('.');
  if (head === 'properties') return `${item}.product.productCharacteristic.${tail.join('.')}`;
  if (head === 'identifiers' || head === 'resources') return `${item}.product.realizingResource${tail.length ? `[${tail[0]}]` : ''}`;
  if (head === 'serviceAddress' || (head === 'portIn' && tail[0] === 'address')) {
    const place = layout.placeIndex[index];
    const part = head === 'serviceAddress' ? tail[0] : tail[1];
    return `${item}.product.place${place === null || place === undefined ? '' : `[${place}]`}${part ? `.${ADDRESS_FIELDS[part] ?? part}` : ''}`;
  }
  if (head === 'portIn') return `${item}.${LINE_FIELDS[`portIn.${tail[0]}`] ?? LINE_FIELDS.portIn}`;
  if (head === 'products') return `${item}.productOffering.id`;
  if (head === 'orderType') return 'category';
  return `${item}.${rest}`;
}

/** The request as kept with a rejected order: port-out PINs (write-only) taken out. */
export function withoutSecrets(body: TTmfProductOrderCreate): Record<string, unknown> {
  return {
    ...body,
    productOrderItem: body.productOrderItem.map((item) =>
      item.product?.productCharacteristic
        ? { ...item, product: { ...item.product, productCharacteristic: item.product.productCharacteristic.filter((c) => c.name.toLowerCase() !== C.portInPin.toLowerCase()) } }
        : item,
    ),
  };
}
