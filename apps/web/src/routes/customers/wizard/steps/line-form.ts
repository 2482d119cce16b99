import {
  allowedIdentifierKinds,
  checkWizardLine,
  parseIdentifier,
  parseNanp,
  ZWizardLineInput,
  type DeviceSource,
  type IdentifierKind,
  type TPackageOffer,
  type TWizardCarrier,
  type TWizardDraft,
  type TWizardLine,
  type TWizardLineInput,
  type TWizardLineType,
  type WizardOrderType,
} from '@linedesk/domain';
import type { FieldErrors } from '../../../../lib/form-errors';
import { centsToDollarText, readCents } from '../../../../lib/money-input';
import { addressForm, addressInput, type AddressForm } from '../address-fields';
import { zodErrors } from '../form-state';

export type ProductRow = { productCode: string; quantity: number | string; override: string };

export type PortInForm = {
  number: string;
  currentCarrier: string;
  accountNumber: string;
  pin: string;
  authorizedSigner: string;
  accountName: string;
  address: AddressForm;
};

/** The line editor's form: shaped like the API's line input, so error paths line up. */
export type LineForm = {
  /** The saved line being edited; null for a new line. */
  lineId: string | null;
  /**
   * A new number (NEW) or a number ported in (CONVERSION). A New order's lines are all new; a
   * Conversion order's lines start as port-ins and may be new numbers beside them.
   */
  orderType: WizardOrderType;
  lineTypeCode: string | null;
  packageCode: string | null;
  properties: Record<string, string | boolean>;
  areaCode: string;
  numberZip: string;
  portIn: PortInForm;
  deviceSource: DeviceSource;
  /** Typed identifiers by requirement group ("IMEI", "MEID|ESN"). */
  identifiers: Record<string, string>;
  products: ProductRow[];
  description: string;
};

/** A line type's identifier needs as inputs: one per requirement group ("MEID or ESN"). */
export function identifierGroups(carrier: TWizardCarrier, lineTypeCode: string | null): IdentifierKind[][] {
  if (!lineTypeCode) return [];
  const requirement = carrier.identifierRequirements.find((r) => r.lineTypeCode === lineTypeCode);
  const groups = requirement?.requires ?? [];
  // Any allowed kind not in a group still gets an input of its own.
  const grouped = new Set(groups.flat());
  const loose = allowedIdentifierKinds(carrier, lineTypeCode).filter((kind) => !grouped.has(kind));
  return [...groups, ...loose.map((kind) => [kind])];
}

export const groupKey = (group: readonly IdentifierKind[]) => group.join('|');
export const groupLabel = (group: readonly IdentifierKind[]) => group.join(' or ');

/** Where a new line starts: the customer's service ZIP and phone area code for the number, their address for a port. */
export function newLineForm(draft: TWizardDraft): LineForm {
  const service = draft.names?.serviceAddress ?? null;
  const primary = draft.start?.contacts[0];
  const phone = primary?.phone ?? primary?.mobile ?? null;
  return {
    lineId: null,
    orderType: draft.start?.orderType ?? 'NEW',
    lineTypeCode: null,
    packageCode: null,
    properties: {},
    areaCode: phone ? phone.slice(0, 3) : '',
    numberZip: service?.zip ?? '',
    portIn: {
      number: '',
      currentCarrier: '',
      accountNumber: '',
      pin: '',
      authorizedSigner: primary ? `${primary.firstName} ${primary.lastName}` : '',
      accountName: draft.title,
      address: addressForm(service),
    },
    deviceSource: 'STOCK',
    identifiers: {},
    products: [],
    description: '',
  };
}

/** A saved line back in the editor. Secrets (the port-out PIN) are never sent back: blank keeps them. */
export function lineFormFromLine(line: TWizardLine, draft: TWizardDraft, carrier: TWizardCarrier): LineForm {
  const base = newLineForm(draft);
  const groups = identifierGroups(carrier, line.lineTypeCode);
  const identifiers: Record<string, string> = {};
  for (const identifier of line.identifiers) {
    const group = groups.find((candidate) => candidate.includes(identifier.kind));
    if (group) identifiers[groupKey(group)] = identifier.display;
  }
  const properties: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(line.properties)) {
    if (value === null) continue;
    properties[key] = typeof value === 'boolean' ? value : String(value);
  }
  return {
    lineId: line.id,
    orderType: line.orderType,
    lineTypeCode: line.lineTypeCode,
    packageCode: line.package.code,
    properties,
    areaCode: line.areaCode ?? base.areaCode,
    numberZip: line.numberZip ?? base.numberZip,
    portIn: line.portIn
      ? {
          number: phoneDisplay(line.portIn.number),
          currentCarrier: line.portIn.currentCarrier,
          accountNumber: line.portIn.accountNumber,
          pin: '',
          authorizedSigner: line.portIn.authorizedSigner,
          accountName: line.portIn.accountName,
          address: addressForm(line.portIn.address),
        }
      : base.portIn,
    deviceSource: line.deviceSource,
    identifiers,
    products: line.products.map((product) => ({
      productCode: product.productCode,
      quantity: product.quantity,
      override: product.isPriceOverridden ? centsToDollarText(product.unitMonthlyCents) : '',
    })),
    description: line.description ?? '',
  };
}

function phoneDisplay(value: string): string {
  const parsed = parseNanp(value);
  return parsed.ok ? parsed.display : value;
}

export type LineContext = {
  carrier: TWizardCarrier;
  /** The line's own order type (the form's `orderType`): it decides the catalog and the number fields. */
  orderType: WizardOrderType;
  lineType: TWizardLineType | undefined;
  offer: TPackageOffer | undefined;
  canOverridePrices: boolean;
  /** The line being edited already has a port-out PIN stored. */
  hasStoredPin: boolean;
};

/** The line type's declared property that is the device source, if it declares one (then it decides). */
export function deviceSourceProperty(lineType: TWizardLineType | undefined) {
  return lineType?.properties.find((property) => property.key === 'deviceSource');
}

/**
 * The API input for the form, with what the form itself could not read (a number property that is
 * not a number, a dollar price override) and, per identifier sent, the form path it came from.
 */
export function toLineInput(values: LineForm, context: LineContext): { input: TWizardLineInput; parseErrors: FieldErrors; identifierPaths: string[] } {
  const parseErrors: FieldErrors = {};
  const { lineType, orderType, carrier } = context;
  const properties: Record<string, string | number | boolean | null> = {};
  for (const definition of lineType?.properties ?? []) {
    const raw = values.properties[definition.key];
    if (definition.kind === 'boolean') {
      properties[definition.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      properties[definition.key] = null;
    } else if (definition.kind === 'number') {
      const number = Number(text);
      if (Number.isFinite(number)) properties[definition.key] = number;
      else {
        parseErrors[`properties.${definition.key}`] = 'Enter a number';
        properties[definition.key] = null;
      }
    } else if (definition.kind === 'phone') {
      const parsed = parseNanp(text);
      properties[definition.key] = parsed.ok ? parsed.digits : text;
    } else {
      properties[definition.key] = text;
    }
  }
  const sourceProperty = deviceSourceProperty(lineType);
  const sourceValue = sourceProperty ? properties[sourceProperty.key] : null;
  const deviceSource: DeviceSource = sourceValue === 'BYOD' || sourceValue === 'STOCK' ? sourceValue : values.deviceSource;

  const identifiers: string[] = [];
  const identifierPaths: string[] = [];
  for (const group of identifierGroups(carrier, values.lineTypeCode)) {
    const key = groupKey(group);
    const typed = values.identifiers[key]?.trim();
    if (!typed) continue;
    identifiers.push(typed);
    identifierPaths.push(`identifiers.${key}`);
  }

  const products = values.products.map((row, index) => {
    const override = context.canOverridePrices ? readCents(row.override, null) : { value: null };
    if ('error' in override && override.error) parseErrors[`products.${index}.unitMonthlyOverrideCents`] = override.error;
    const quantity = typeof row.quantity === 'number' ? row.quantity : Number(row.quantity || NaN);
    return { productCode: row.productCode, quantity: Number.isFinite(quantity) ? quantity : 0, unitMonthlyOverrideCents: override.value };
  });

  const port = values.portIn;
  const pin = port.pin.trim();
  const input: TWizardLineInput = {
    orderType,
    lineTypeCode: values.lineTypeCode ?? '',
    packageCode: values.packageCode ?? '',
    properties,
    areaCode: orderType === 'NEW' && carrier.numberAssignment === 'AREA_CODE' ? values.areaCode : null,
    numberZip: orderType === 'NEW' && carrier.numberAssignment === 'ZIP' ? values.numberZip : null,
    portIn:
      orderType === 'CONVERSION'
        ? {
            number: port.number,
            currentCarrier: port.currentCarrier,
            accountNumber: port.accountNumber,
            // Blank keeps a stored PIN (left out); a typed one replaces it.
            ...(pin || !context.hasStoredPin ? { pin } : {}),
            authorizedSigner: port.authorizedSigner,
            accountName: port.accountName,
            address: addressInput(port.address),
          }
        : null,
    deviceSource,
    identifiers,
    products,
    description: values.description,
  };
  return { input, parseErrors, identifierPaths };
}

/** Maps an error path of the API input (`identifiers.1`) to the form's (`identifiers.MEID|ESN`). */
export function formPath(path: string, identifierPaths: readonly string[]): string {
  const match = /^identifiers\.(\d+)$/.exec(path);
  if (match) return identifierPaths[Number(match[1])] ?? 'identifiers';
  return path;
}

/** Every client-side rule for the line: the input schema, then the catalog's checks (`checkWizardLine`). */
export function validateLine(values: LineForm, context: LineContext): FieldErrors {
  const errors: FieldErrors = {};
  const { input, parseErrors, identifierPaths } = toLineInput(values, context);
  if (!values.lineTypeCode) errors.lineTypeCode = 'Choose the line type';
  if (!values.packageCode) errors.packageCode = 'Choose the package';
  const parsed = ZWizardLineInput.safeParse(input);
  for (const [path, message] of Object.entries(zodErrors(ZWizardLineInput, input))) {
    if (path === 'lineTypeCode' || path === 'packageCode') continue;
    errors[formPath(path, identifierPaths)] ??= message;
  }
  // Each identifier input knows which kinds it takes: say so before the whole-line check.
  for (const group of identifierGroups(context.carrier, values.lineTypeCode)) {
    const key = groupKey(group);
    const typed = values.identifiers[key]?.trim();
    if (!typed) continue;
    const result = parseIdentifier(typed, { expect: group });
    if (!result.ok) errors[`identifiers.${key}`] ??= result.message;
  }
  if (parsed.success && context.lineType && context.offer) {
    for (const issue of checkWizardLine(parsed.data, {
      orderType: context.orderType,
      carrier: context.carrier,
      lineType: context.lineType,
      offer: context.offer,
      canOverridePrices: context.canOverridePrices,
      hasStoredPortInPin: context.hasStoredPin,
    })) {
      errors[formPath(issue.path.join('.'), identifierPaths)] ??= issue.message;
    }
  }
  return { ...errors, ...parseErrors };
}

/**
 * The order types a line may have on a draft of `draftOrderType`: a New order's lines are new; a
 * Conversion order's lines port a number in or, when the carrier sells new lines, add one.
 */
export function lineOrderTypes(draftOrderType: WizardOrderType, carrier: TWizardCarrier): WizardOrderType[] {
  if (draftOrderType === 'NEW') return ['NEW'];
  return carrier.orderTypes.includes('NEW') ? ['CONVERSION', 'NEW'] : ['CONVERSION'];
}

/** What rests in sessionStorage: never the port-out PIN. */
export function persistableLine(values: LineForm): LineForm {
  return { ...values, portIn: { ...values.portIn, pin: '' } };
}
