import { z } from 'zod';
import { parseNanp } from '../customers/nanp.js';
import { ZPhone, blankToNull, optionalText } from '../customers/customer-fields.js';
import { ZCents, ZCode, ZIdentifierKind, ZMaskedSecret, ZWizardOrderType } from '../catalog/catalog.schemas.js';
import { type IdentifierKind, type WizardOrderType } from '../catalog/catalog.constants.js';
import { ZLdRates, ZOfferedProduct, type TPackageOffer, type TWizardCarrier, type TWizardLineType } from '../catalog/catalog.views.js';
import type { TPropertyDefinition } from '../catalog/catalog.schemas.js';
import { lineTotals } from '../catalog/pricing.js';
import { parseIdentifier } from '../identifiers/identifiers.js';
import { ZAddressInput } from './wizard-steps.js';

/** Where a line's device comes from: the store's stock, or the customer's own (bring your own device). */
export const DEVICE_SOURCES = ['STOCK', 'BYOD'] as const;
export type DeviceSource = (typeof DEVICE_SOURCES)[number];
export const DEVICE_SOURCE_LABELS: Record<DeviceSource, string> = { STOCK: 'New device from stock', BYOD: 'Bring your own device' };

/** The roles allowed to override a product's price on a line. */
export const PRICE_OVERRIDE_ROLES = ['admin'] as const;

export const ZPortInInput = z.object({
  /** The number to port in: a valid NANP number. */
  number: ZPhone,
  currentCarrier: z.string().trim().min(1, { message: 'Enter the current carrier' }).max(80),
  accountNumber: z.string().trim().min(1, { message: 'Enter the account number at the current carrier' }).max(40),
  /** The port-out PIN or password at the current carrier: write-only, sealed at rest. */
  pin: z.preprocess(blankToNull, z.string().trim().min(1).max(20).nullable().optional()),
  authorizedSigner: z.string().trim().min(1, { message: 'Enter who authorises the port' }).max(120),
  accountName: z.string().trim().min(1, { message: 'Enter the name on the old account' }).max(120),
  address: ZAddressInput,
});
export type TPortInInput = z.input<typeof ZPortInInput>;

export const ZLineProductInput = z.object({
  productCode: ZCode,
  quantity: z.number().int().min(1, { message: 'At least 1' }).max(99),
  /** A monthly unit price replacing the package's; only roles in PRICE_OVERRIDE_ROLES may send one. */
  unitMonthlyOverrideCents: ZCents.nullable().default(null),
});
export type TLineProductInput = z.input<typeof ZLineProductInput>;

export const ZPropertyValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const ZWizardLineInput = z.object({
  /**
   * New number or port-in (Conversion) for this line; left out, the order's type. A Conversion
   * order may add new lines beside the ported ones; a New order ports nothing.
   */
  orderType: ZWizardOrderType.optional(),
  lineTypeCode: ZCode,
  packageCode: ZCode,
  /** The values of the properties the line type declares, by key. */
  properties: z.record(z.string(), ZPropertyValue).default({}),
  /** For a new number: the area code or ZIP it should come from, as the carrier assigns numbers. */
  areaCode: z.preprocess(blankToNull, z.string().trim().nullable().default(null)),
  numberZip: z.preprocess(blankToNull, z.string().trim().nullable().default(null)),
  portIn: ZPortInInput.nullable().default(null),
  deviceSource: z.enum(DEVICE_SOURCES).default('STOCK'),
  /** Device and SIM identifiers scanned on this page (optional here; reserved at Create Order). */
  identifiers: z.array(z.string().trim().min(1).max(80)).max(4).default([]),
  products: z.array(ZLineProductInput).max(100).default([]),
  description: optionalText(200),
});
export type TWizardLineInput = z.input<typeof ZWizardLineInput>;
export type TWizardLineData = z.output<typeof ZWizardLineInput>;

/** One product as the line keeps it: a copy of its offer, never changed by later catalog edits. */
export const ZLineProduct = ZOfferedProduct.omit({ orderType: true }).extend({ isPriceOverridden: z.boolean() });
export type TLineProduct = z.infer<typeof ZLineProduct>;

export const ZLineCharges = z.object({ monthlyCents: z.number().int(), oneTimeCents: z.number().int() });
export type TLineCharges = z.infer<typeof ZLineCharges>;

export const ZLineIdentifier = z.object({ kind: ZIdentifierKind, value: z.string(), display: z.string() });
export type TLineIdentifier = z.infer<typeof ZLineIdentifier>;

export const ZPackageSnapshot = z.object({
  code: ZCode,
  name: z.string(),
  monthlyCents: z.number().int(),
  activationFeeCents: z.number().int(),
});

/** A saved line on the Lines page (and the snapshot Create Order puts on the order). */
export const ZWizardLine = z.object({
  id: z.uuid(),
  orderType: ZWizardOrderType,
  lineTypeCode: ZCode,
  lineTypeName: z.string(),
  package: ZPackageSnapshot,
  properties: z.record(z.string(), ZPropertyValue),
  areaCode: z.string().nullable(),
  numberZip: z.string().nullable(),
  portIn: ZPortInInput.omit({ pin: true }).extend({ pin: ZMaskedSecret }).nullable(),
  deviceSource: z.enum(DEVICE_SOURCES),
  identifiers: z.array(ZLineIdentifier),
  products: z.array(ZLineProduct),
  ldRates: ZLdRates.nullable(),
  charges: ZLineCharges,
  description: z.string().nullable(),
});
export type TWizardLine = z.infer<typeof ZWizardLine>;

/** A problem with a line, at a path inside the line's input (for example `products.1.quantity`). */
export type LineIssue = { path: (string | number)[]; rule: string; message: string };

export type LineContext = {
  orderType: WizardOrderType;
  carrier: TWizardCarrier;
  lineType: TWizardLineType;
  offer: TPackageOffer;
  canOverridePrices: boolean;
  /** Whether a port-in PIN is already stored for this line (editing keeps it). */
  hasStoredPortInPin?: boolean;
};

/**
 * Everything the catalog says about a line: its properties as the line type declares them, the
 * number request the carrier needs (area code or ZIP) or the port-in block for a Conversion, the
 * identifiers the carrier takes for this line type, and products only from the package's offer
 * with every required one kept. The Lines page and the server run the same checks.
 */
export function checkWizardLine(line: TWizardLineData, context: LineContext): LineIssue[] {
  return [
    ...checkProperties(context.lineType.properties, line.properties),
    ...checkNumber(line, context),
    ...checkIdentifiers(line.identifiers, allowedIdentifierKinds(context.carrier, line.lineTypeCode)),
    ...checkProducts(line.products, context),
  ];
}

export function checkProperties(definitions: readonly TPropertyDefinition[], values: Record<string, unknown>): LineIssue[] {
  const issues: LineIssue[] = [];
  const known = new Set(definitions.map((d) => d.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) issues.push({ path: ['properties', key], rule: 'unknown_property', message: 'This line type does not ask for this property' });
  }
  for (const definition of definitions) {
    const message = propertyProblem(definition, values[definition.key]);
    if (message) issues.push({ path: ['properties', definition.key], rule: message.rule, message: message.text });
  }
  return issues;
}

function propertyProblem(definition: TPropertyDefinition, value: unknown): { rule: string; text: string } | null {
  const isEmpty = value === undefined || value === null || value === '';
  if (isEmpty) return definition.required && definition.kind !== 'boolean' ? { rule: 'required', text: `Enter ${definition.label}` } : null;
  switch (definition.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : { rule: 'boolean', text: 'Choose yes or no' };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { rule: 'number', text: 'Enter a number' };
      if (definition.min !== null && value < definition.min) return { rule: 'min', text: `At least ${definition.min}` };
      if (definition.max !== null && value > definition.max) return { rule: 'max', text: `At most ${definition.max}` };
      return null;
    }
    case 'select':
      return typeof value === 'string' && definition.options.some((o) => o.value === value) ? null : { rule: 'option', text: 'Choose one of the options' };
    case 'phone':
      return typeof value === 'string' && parseNanp(value).ok ? null : { rule: 'phone', text: 'Enter a valid 10-digit phone number' };
    case 'zip':
      return typeof value === 'string' && /^\d{5}$/.test(value) ? null : { rule: 'zip', text: 'Use a 5-digit ZIP code' };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : { rule: 'date', text: 'Use a date as YYYY-MM-DD' };
    case 'text': {
      if (typeof value !== 'string') return { rule: 'text', text: 'Enter text' };
      if (definition.minLength !== null && value.length < definition.minLength) return { rule: 'min_length', text: `Use at least ${definition.minLength} characters` };
      if (definition.maxLength !== null && value.length > definition.maxLength) return { rule: 'max_length', text: `Use at most ${definition.maxLength} characters` };
      if (definition.pattern !== null && !new RegExp(definition.pattern).test(value)) return { rule: 'pattern', text: definition.patternMessage ?? 'Not in the expected format' };
      return null;
    }
  }
}

/** A requestable area code: NPA rules (first digit 2–9, no N9X, no N11). */
export function isRequestableAreaCode(value: string): boolean {
  return /^[2-9][0-8]\d$/.test(value) && !value.endsWith('11');
}

function checkNumber(line: TWizardLineData, context: LineContext): LineIssue[] {
  if (context.orderType === 'CONVERSION') {
    if (!line.portIn) return [{ path: ['portIn'], rule: 'required', message: 'A Conversion line needs the number to port in and the old account' }];
    if (!line.portIn.pin && !context.hasStoredPortInPin) return [{ path: ['portIn', 'pin'], rule: 'required', message: 'Enter the PIN or password at the current carrier' }];
    return [];
  }
  if (line.portIn) return [{ path: ['portIn'], rule: 'conversion_only', message: 'Porting a number in needs a Conversion order' }];
  if (context.carrier.numberAssignment === 'AREA_CODE') {
    if (!line.areaCode) return [{ path: ['areaCode'], rule: 'required', message: 'Enter the area code for the new number' }];
    if (!isRequestableAreaCode(line.areaCode)) return [{ path: ['areaCode'], rule: 'area_code', message: 'Enter a valid 3-digit area code such as 312' }];
    return [];
  }
  if (!line.numberZip) return [{ path: ['numberZip'], rule: 'required', message: 'Enter the ZIP code for the new number' }];
  if (!/^\d{5}$/.test(line.numberZip)) return [{ path: ['numberZip'], rule: 'zip', message: 'Use a 5-digit ZIP code' }];
  return [];
}

/** The identifier kinds a carrier takes on a line type (any kind from any of its groups). */
export function allowedIdentifierKinds(carrier: TWizardCarrier, lineTypeCode: string): IdentifierKind[] {
  const requirement = carrier.identifierRequirements.find((r) => r.lineTypeCode === lineTypeCode);
  return [...new Set((requirement?.requires ?? []).flat())];
}

/** Identifiers scanned on the line, parsed; the issues say which ones were refused and why. */
export function parseLineIdentifiers(raw: readonly string[], allowed: readonly IdentifierKind[]): { identifiers: TLineIdentifier[]; issues: LineIssue[] } {
  const identifiers: TLineIdentifier[] = [];
  const issues: LineIssue[] = [];
  raw.forEach((value, index) => {
    if (allowed.length === 0) {
      return void issues.push({ path: ['identifiers', index], rule: 'kind_not_used', message: 'This carrier takes no device or SIM identifiers on this line type' });
    }
    // Told what the line takes, a 14-digit decimal MEID is not read as an IMEI.
    const parsed = parseIdentifier(value, { expect: allowed });
    const path = ['identifiers', index];
    if (!parsed.ok) return void issues.push({ path, rule: parsed.rule, message: parsed.message });
    if (identifiers.some((known) => known.kind === parsed.kind)) {
      return void issues.push({ path, rule: 'one_per_kind', message: `This line already has an ${parsed.kind}` });
    }
    identifiers.push({ kind: parsed.kind, value: parsed.value, display: parsed.display });
  });
  return { identifiers, issues };
}

function checkIdentifiers(raw: readonly string[], allowed: readonly IdentifierKind[]): LineIssue[] {
  return parseLineIdentifiers(raw, allowed).issues;
}

function checkProducts(products: TWizardLineData['products'], context: LineContext): LineIssue[] {
  const { offer, canOverridePrices } = context;
  const issues: LineIssue[] = [];
  const offered = [...offer.products, ...offer.availableProducts];
  const seen = new Set<string>();
  products.forEach((product, index) => {
    if (seen.has(product.productCode)) issues.push({ path: ['products', index, 'productCode'], rule: 'duplicate', message: 'This product is already on the line; change its quantity instead' });
    seen.add(product.productCode);
    if (!offered.some((o) => o.productCode === product.productCode)) {
      issues.push({ path: ['products', index, 'productCode'], rule: 'not_offered', message: `${product.productCode} is not offered with ${offer.package.name}` });
    }
    if (product.unitMonthlyOverrideCents !== null && !canOverridePrices) {
      issues.push({ path: ['products', index, 'unitMonthlyOverrideCents'], rule: 'override_not_allowed', message: 'Your role cannot override prices' });
    }
  });
  for (const required of offer.products.filter((p) => p.inclusion === 'required')) {
    if (!seen.has(required.productCode)) issues.push({ path: ['products'], rule: 'required_product', message: `${required.name} is required with ${offer.package.name}` });
  }
  return issues;
}

/**
 * The line's copy of its products, priced from the offer with the agent's quantities and any
 * allowed override, and its charges: what the line keeps however the catalog changes later.
 */
export function snapshotLineProducts(products: TWizardLineData['products'], offer: TPackageOffer): { products: TLineProduct[]; charges: TLineCharges } {
  const offered = [...offer.products, ...offer.availableProducts];
  const snapshot = products.flatMap((chosen): TLineProduct[] => {
    const product = offered.find((o) => o.productCode === chosen.productCode);
    if (!product) return [];
    const unitMonthlyCents = chosen.unitMonthlyOverrideCents ?? product.unitMonthlyCents;
    return [
      {
        productCode: product.productCode,
        name: product.name,
        kind: product.kind,
        quantity: chosen.quantity,
        unitMonthlyCents,
        unitOneTimeCents: product.unitOneTimeCents,
        monthlyCents: unitMonthlyCents * chosen.quantity,
        oneTimeCents: product.unitOneTimeCents * chosen.quantity,
        isTaxable: product.isTaxable,
        inclusion: product.inclusion,
        isPriceOverridden: chosen.unitMonthlyOverrideCents !== null && chosen.unitMonthlyOverrideCents !== product.unitMonthlyCents,
      },
    ];
  });
  return { products: snapshot, charges: lineTotals(offer.package, snapshot) };
}

/** The products a freshly chosen package puts on a line: the offer's, at their quantities, no overrides. */
export function defaultLineProducts(offer: TPackageOffer): TLineProductInput[] {
  return offer.products.map((p) => ({ productCode: p.productCode, quantity: p.quantity, unitMonthlyOverrideCents: null }));
}
