import { z } from 'zod';
import {
  BILL_METHODS,
  IDENTIFIER_KINDS,
  NUMBER_ASSIGNMENTS,
  ORDER_TYPES,
  PACKAGE_PRODUCT_ORDER_TYPES,
  PRODUCT_INCLUSIONS,
  PRODUCT_KINDS,
  PROPERTY_KINDS,
  PROVISIONING_ADAPTERS,
  WIZARD_ORDER_TYPES,
} from './catalog.constants.js';

// Codes identify catalog records across installations (import is idempotent on them), and product
// codes are what the carrier receives (its SOC/USOC), so they are strict.
export const ZCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'Use 1–40 letters, digits, - or _ (starting with a letter or digit)' });
export const ZName = z.string().trim().min(1, { message: 'Enter a name' }).max(120);
export const ZDescription = z.string().trim().max(2000).default('');
export const ZCents = z.number().int({ message: 'Use whole cents' }).min(-10_000_000).max(10_000_000);
export const ZNonNegativeCents = ZCents.min(0, { message: 'Cannot be negative' });
export const ZMillicents = z.number().int({ message: 'Use whole millicents' }).min(0).max(100_000_000);
export const ZDisplayOrder = z.number().int().min(0).max(100_000).default(100);

export const ZOrderType = z.enum(ORDER_TYPES);
export const ZWizardOrderType = z.enum(WIZARD_ORDER_TYPES);
export const ZIdentifierKind = z.enum(IDENTIFIER_KINDS);
export const ZProductKind = z.enum(PRODUCT_KINDS);
export const ZBillMethod = z.enum(BILL_METHODS);

const unique = <T>(items: T[], key: (item: T) => string) => new Set(items.map(key)).size === items.length;

/* ---------- Bill profile ---------- */
export const ZBillProfileInput = z.object({
  code: ZCode,
  name: ZName,
  defaultBillMethod: ZBillMethod.default('EMAIL'),
  termsDays: z.number().int().min(0).max(120).default(30),
  isDefaultResidential: z.boolean().default(false),
  isDefaultBusiness: z.boolean().default(false),
  isActive: z.boolean().default(true),
});
export type TBillProfileInput = z.input<typeof ZBillProfileInput>;
export type TBillProfileData = z.output<typeof ZBillProfileInput>;

/* ---------- Agent (dealer) ---------- */
export const ZAgentInput = z.object({
  code: ZCode,
  name: ZName,
  parentCode: ZCode.nullable().default(null),
  email: z.email().nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  /** Users who sell for this agent: the wizard's Sales Person list. */
  salesPersonUserIds: z.array(z.uuid()).default([]),
  isActive: z.boolean().default(true),
});
export type TAgentInput = z.input<typeof ZAgentInput>;
export type TAgentData = z.output<typeof ZAgentInput>;

/* ---------- Line type ---------- */
export const ZPropertyOption = z.object({ value: z.string().trim().min(1).max(60), label: z.string().trim().min(1).max(120) });

/** One input a line type asks for in the wizard's Properties section, declared as data. */
export const ZPropertyDefinition = z
  .object({
    key: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { message: 'Use a camelCase key such as userName' }),
    label: z.string().trim().min(1).max(80),
    kind: z.enum(PROPERTY_KINDS),
    required: z.boolean().default(false),
    options: z.array(ZPropertyOption).default([]),
    pattern: z.string().max(200).nullable().default(null),
    patternMessage: z.string().max(200).nullable().default(null),
    minLength: z.number().int().min(0).max(1000).nullable().default(null),
    maxLength: z.number().int().min(1).max(1000).nullable().default(null),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    helpText: z.string().max(300).nullable().default(null),
  })
  .refine((p) => p.kind !== 'select' || p.options.length > 0, { message: 'A select needs options', path: ['options'] })
  .refine((p) => p.pattern === null || isValidRegex(p.pattern), { message: 'Not a valid regular expression', path: ['pattern'] });
export type TPropertyDefinition = z.output<typeof ZPropertyDefinition>;

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export const ZLineTypeInput = z.object({
  code: ZCode,
  name: ZName,
  description: ZDescription,
  properties: z
    .array(ZPropertyDefinition)
    .max(40)
    .default([])
    .refine((list) => unique(list, (p) => p.key), { message: 'Property keys must be unique' }),
  displayOrder: ZDisplayOrder,
  isActive: z.boolean().default(true),
});
export type TLineTypeInput = z.input<typeof ZLineTypeInput>;
export type TLineTypeData = z.output<typeof ZLineTypeInput>;

/* ---------- Long-distance rate plan ---------- */
export const ZCountryRate = z.object({
  countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { message: 'Use the two-letter ISO country code' }),
  countryName: z.string().trim().min(1).max(80),
  perMinuteMillicents: ZMillicents,
});
export type TCountryRate = z.output<typeof ZCountryRate>;
export const ZLdRatePlanInput = z.object({
  code: ZCode,
  name: ZName,
  domesticPerMinuteMillicents: ZMillicents,
  internationalRates: z
    .array(ZCountryRate)
    .max(300)
    .default([])
    .refine((list) => unique(list, (r) => r.countryCode), { message: 'Each country may appear once' }),
  isActive: z.boolean().default(true),
});
export type TLdRatePlanInput = z.input<typeof ZLdRatePlanInput>;
export type TLdRatePlanData = z.output<typeof ZLdRatePlanInput>;

/* ---------- Product ---------- */
export const ZProductInput = z
  .object({
    carrierCode: ZCode,
    /** The carrier's SOC/USOC, sent when provisioning; unique within the carrier. */
    code: ZCode,
    name: ZName,
    description: ZDescription,
    kind: ZProductKind,
    monthlyCents: ZCents.default(0),
    oneTimeCents: ZCents.default(0),
    isTaxable: z.boolean().default(true),
    isActive: z.boolean().default(true),
  })
  .refine((p) => p.kind === 'discount' || p.monthlyCents >= 0, { message: 'Only a discount may have a negative price', path: ['monthlyCents'] })
  .refine((p) => p.kind === 'discount' || p.oneTimeCents >= 0, { message: 'Only a discount may have a negative price', path: ['oneTimeCents'] });
export type TProductInput = z.input<typeof ZProductInput>;
export type TProductData = z.output<typeof ZProductInput>;

/* ---------- Package ---------- */
export const ZPackageProductInput = z.object({
  productCode: ZCode,
  quantity: z.number().int().min(1).max(99).default(1),
  /** Replaces the product's monthly price on this package; null keeps the catalog price. */
  monthlyOverrideCents: ZCents.nullable().default(null),
  inclusion: z.enum(PRODUCT_INCLUSIONS).default('required'),
  orderType: z.enum(PACKAGE_PRODUCT_ORDER_TYPES).default('ALL'),
});
export type TPackageProductInput = z.output<typeof ZPackageProductInput>;

export const ZPackageInput = z.object({
  carrierCode: ZCode,
  code: ZCode,
  name: ZName,
  description: ZDescription,
  lineTypeCodes: z.array(ZCode).min(1, { message: 'Choose at least one line type' }),
  orderTypes: z.array(ZOrderType).min(1, { message: 'Choose at least one order type' }),
  monthlyCents: ZNonNegativeCents.default(0),
  activationFeeCents: ZNonNegativeCents.default(0),
  ldRatePlanCode: ZCode.nullable().default(null),
  products: z
    .array(ZPackageProductInput)
    .max(100)
    .default([])
    .refine((list) => unique(list, (p) => `${p.productCode}|${p.orderType}`), {
      message: 'A product may appear once per order-type restriction',
    }),
  displayOrder: ZDisplayOrder,
  isActive: z.boolean().default(true),
});
export type TPackageInput = z.input<typeof ZPackageInput>;
export type TPackageData = z.output<typeof ZPackageInput>;

/* ---------- Carrier ---------- */
/** One line type's identifier needs: every group must be met, by any one kind in it ([['MEID','ESN']] = MEID or ESN). */
export const ZIdentifierRequirement = z.object({
  lineTypeCode: ZCode,
  requires: z.array(z.array(ZIdentifierKind).min(1)).max(4),
});
export type TIdentifierRequirement = z.output<typeof ZIdentifierRequirement>;

/** Secrets are write-only: send a value to set it, null to clear it, leave it out to keep it. */
const ZSecretInput = z.string().min(1).max(500).nullable().optional();

export const ZProvisioningInput = z.object({
  adapter: z.enum(PROVISIONING_ADAPTERS).default('manual'),
  endpoint: z.url().nullable().default(null),
  accountId: z.string().trim().max(120).nullable().default(null),
  credential: ZSecretInput,
  webhookSecret: ZSecretInput,
});

export const ZCarrierInput = z
  .object({
    code: ZCode,
    name: ZName,
    displayOrder: ZDisplayOrder,
    defaultBillProfileCode: ZCode.nullable().default(null),
    orderTypes: z.array(ZOrderType).min(1, { message: 'Choose at least one order type' }),
    /** Choosing a package fills the line's Products and Long Distance Rates ("for most carriers"). */
    populatesProducts: z.boolean().default(true),
    identifierRequirements: z
      .array(ZIdentifierRequirement)
      .default([])
      .refine((list) => unique(list, (r) => r.lineTypeCode), { message: 'One rule per line type' }),
    numberAssignment: z.enum(NUMBER_ASSIGNMENTS).default('AREA_CODE'),
    provisioning: ZProvisioningInput.default({ adapter: 'manual', endpoint: null, accountId: null }),
    flowThrough: z.boolean().default(false),
    isActive: z.boolean().default(true),
  })
  .refine((c) => c.provisioning.adapter !== 'carrier-gateway' || c.provisioning.endpoint !== null, {
    message: 'The carrier gateway needs an endpoint',
    path: ['provisioning', 'endpoint'],
  });
export type TCarrierInput = z.input<typeof ZCarrierInput>;
export type TCarrierData = z.output<typeof ZCarrierInput>;

/** How a stored secret is shown: whether it is set, and its last characters. */
export const ZMaskedSecret = z.object({ isSet: z.boolean(), hint: z.string().nullable() });
export type TMaskedSecret = z.infer<typeof ZMaskedSecret>;
