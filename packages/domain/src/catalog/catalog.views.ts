import { z } from 'zod';
import { ORDER_TYPES, PACKAGE_PRODUCT_ORDER_TYPES, PRODUCT_INCLUSIONS, PROVISIONING_ADAPTERS } from './catalog.constants.js';
import {
  ZAgentInput,
  ZBillProfileInput,
  ZCarrierInput,
  ZCode,
  ZCountryRate,
  ZIdentifierRequirement,
  ZLdRatePlanInput,
  ZLineTypeInput,
  ZMaskedSecret,
  ZPackageInput,
  ZProductInput,
  ZProductKind,
  ZPropertyDefinition,
  ZWizardOrderType,
} from './catalog.schemas.js';

// What the API answers: the stored record plus its id and timestamps. Secrets come back masked.
const ZRecordMeta = z.object({ id: z.uuid(), createdAt: z.string(), updatedAt: z.string() });

export const ZBillProfile = ZBillProfileInput.extend(ZRecordMeta.shape);
export type TBillProfile = z.infer<typeof ZBillProfile>;

export const ZAgent = ZAgentInput.extend(ZRecordMeta.shape);
export type TAgent = z.infer<typeof ZAgent>;

export const ZLineType = ZLineTypeInput.extend(ZRecordMeta.shape);
export type TLineType = z.infer<typeof ZLineType>;

export const ZLdRatePlan = ZLdRatePlanInput.extend(ZRecordMeta.shape);
export type TLdRatePlan = z.infer<typeof ZLdRatePlan>;

export const ZProduct = ZProductInput.extend(ZRecordMeta.shape);
export type TProduct = z.infer<typeof ZProduct>;

export const ZPackage = ZPackageInput.extend(ZRecordMeta.shape);
export type TPackage = z.infer<typeof ZPackage>;

export const ZCarrier = z.object({
  ...ZRecordMeta.shape,
  code: ZCode,
  name: z.string(),
  displayOrder: z.number().int(),
  defaultBillProfileCode: ZCode.nullable(),
  orderTypes: z.array(z.enum(ORDER_TYPES)),
  populatesProducts: z.boolean(),
  identifierRequirements: z.array(ZIdentifierRequirement),
  numberAssignment: z.enum(['AREA_CODE', 'ZIP']),
  provisioning: z.object({
    adapter: z.enum(PROVISIONING_ADAPTERS),
    endpoint: z.string().nullable(),
    accountId: z.string().nullable(),
    credential: ZMaskedSecret,
    webhookSecret: ZMaskedSecret,
  }),
  flowThrough: z.boolean(),
  isActive: z.boolean(),
});
export type TCarrier = z.infer<typeof ZCarrier>;

/** List filters shared by every catalog admin list. */
export const ZCatalogListQuery = z.object({
  search: z.string().trim().max(120).optional(),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
  carrierCode: ZCode.optional(),
});
export type TCatalogListQuery = z.infer<typeof ZCatalogListQuery>;

/* ---------- What the wizard reads ---------- */
export const ZWizardCarrier = z.object({
  code: ZCode,
  name: z.string(),
  orderTypes: z.array(ZWizardOrderType),
  populatesProducts: z.boolean(),
  numberAssignment: z.enum(['AREA_CODE', 'ZIP']),
  identifierRequirements: z.array(ZIdentifierRequirement),
  defaultBillProfileCode: ZCode.nullable(),
  /** Orders go to the carrier by themselves once Ready: the wizard's "send automatically" default. */
  flowThrough: z.boolean(),
});
export type TWizardCarrier = z.infer<typeof ZWizardCarrier>;

export const ZWizardLineType = z.object({
  code: ZCode,
  name: z.string(),
  description: z.string(),
  properties: z.array(ZPropertyDefinition),
});
export type TWizardLineType = z.infer<typeof ZWizardLineType>;

export const ZWizardPackage = z.object({
  code: ZCode,
  name: z.string(),
  description: z.string(),
  lineTypeCodes: z.array(ZCode),
  monthlyCents: z.number().int(),
  activationFeeCents: z.number().int(),
});
export type TWizardPackage = z.infer<typeof ZWizardPackage>;

/** One product as it would go on a line: unit prices and the line's prices for its quantity. */
export const ZOfferedProduct = z.object({
  productCode: ZCode,
  name: z.string(),
  kind: ZProductKind,
  quantity: z.number().int(),
  unitMonthlyCents: z.number().int(),
  unitOneTimeCents: z.number().int(),
  monthlyCents: z.number().int(),
  oneTimeCents: z.number().int(),
  isTaxable: z.boolean(),
  inclusion: z.enum(PRODUCT_INCLUSIONS),
  orderType: z.enum(PACKAGE_PRODUCT_ORDER_TYPES),
});
export type TOfferedProduct = z.infer<typeof ZOfferedProduct>;

export const ZLdRates = z.object({
  planCode: ZCode,
  planName: z.string(),
  domesticPerMinuteMillicents: z.number().int(),
  internationalRates: z.array(ZCountryRate),
});
export type TLdRates = z.infer<typeof ZLdRates>;

/**
 * A package as offered for one order type: what selecting it puts on the line (Products and Long
 * Distance Rates, unless the carrier does not populate them) and what the agent may add.
 * Taken as a snapshot, this is what a line keeps: later catalog edits never change it.
 */
export const ZPackageOffer = z.object({
  carrierCode: ZCode,
  orderType: ZWizardOrderType,
  package: ZWizardPackage,
  populatesProducts: z.boolean(),
  products: z.array(ZOfferedProduct),
  availableProducts: z.array(ZOfferedProduct),
  ldRates: ZLdRates.nullable(),
  totals: z.object({ monthlyCents: z.number().int(), oneTimeCents: z.number().int() }),
});
export type TPackageOffer = z.infer<typeof ZPackageOffer>;

export const ZWizardPackagesQuery = z.object({
  carrierCode: ZCode,
  lineTypeCode: ZCode.optional(),
  orderType: ZWizardOrderType,
});
export type TWizardPackagesQuery = z.infer<typeof ZWizardPackagesQuery>;

/** The Customer Profile's choices from the catalog: bill profiles (with their defaults) and agents. */
export const ZWizardProfileChoices = z.object({
  billProfiles: z.array(ZBillProfileInput.pick({ code: true, name: true, defaultBillMethod: true, termsDays: true, isDefaultResidential: true, isDefaultBusiness: true })),
  agents: z.array(z.object({ code: ZCode, name: z.string(), parentCode: ZCode.nullable(), salesPersonUserIds: z.array(z.uuid()) })),
});
export type TWizardProfileChoices = z.infer<typeof ZWizardProfileChoices>;

/* ---------- The whole catalog as one document (export / import) ---------- */
export const CATALOG_DOCUMENT_VERSION = 1;
export const ZCatalogDocument = z.object({
  format: z.literal('linedesk-catalog'),
  version: z.literal(CATALOG_DOCUMENT_VERSION),
  exportedAt: z.string().optional(),
  billProfiles: z.array(ZBillProfileInput).default([]),
  agents: z.array(ZAgentInput.omit({ salesPersonUserIds: true }).extend({ salesPersonEmails: z.array(z.email()).default([]) })).default([]),
  lineTypes: z.array(ZLineTypeInput).default([]),
  ldRatePlans: z.array(ZLdRatePlanInput).default([]),
  // Exports never carry secrets; an import leaves a carrier's stored secrets as they are.
  carriers: z.array(ZCarrierInput).default([]),
  products: z.array(ZProductInput).default([]),
  packages: z.array(ZPackageInput).default([]),
});
export type TCatalogDocument = z.output<typeof ZCatalogDocument>;
export type TCatalogDocumentInput = z.input<typeof ZCatalogDocument>;
