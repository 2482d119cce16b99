import { z } from 'zod';
import { ZCode } from '../catalog/catalog.schemas.js';
import { ZWizardStart, ZCustomerProfileView, ZNamesAndAddressesInput, WIZARD_STEPS } from './wizard-steps.js';
import { ZWizardLine } from './wizard-lines.js';
import { ZOrderCharges, ZOrderOptions, ZPaymentView } from './order-final.js';
import { ZDuplicateAcknowledgement } from './duplicates.js';

export const DRAFT_STATUSES = ['OPEN', 'SUBMITTED'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const ZStepKey = z.enum(WIZARD_STEPS);

/** A wizard draft as the server holds it: every step saved so far, which steps are complete, and the charges. */
export const ZWizardDraft = z.object({
  id: z.uuid(),
  status: z.enum(DRAFT_STATUSES),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  /** Carrier name and the customer's name so far, for lists. */
  title: z.string(),
  carrierName: z.string().nullable(),
  start: ZWizardStart.nullable(),
  profile: ZCustomerProfileView.nullable(),
  names: ZNamesAndAddressesInput.nullable(),
  lines: z.array(ZWizardLine),
  options: ZOrderOptions.nullable(),
  payment: ZPaymentView.nullable(),
  /** Decided by the server: a step is complete when it and every step before it is saved and valid. */
  completion: z.record(ZStepKey, z.boolean()),
  /** The first step that is not complete (or `final` when all are). */
  nextStep: ZStepKey,
  charges: ZOrderCharges,
  result: z.object({ customerId: z.uuid(), accountNumber: z.string(), orderId: z.uuid(), orderNumber: z.string() }).nullable(),
});
export type TWizardDraft = z.infer<typeof ZWizardDraft>;

export const ZDraftSummary = ZWizardDraft.pick({ id: true, status: true, createdBy: true, createdAt: true, updatedAt: true, expiresAt: true, title: true, carrierName: true, nextStep: true }).extend({
  lineCount: z.number().int(),
});
export type TDraftSummary = z.infer<typeof ZDraftSummary>;

export const ZNewDraftInput = z.object({ carrierCode: ZCode.optional() });

export const ZCreateOrderInput = z.object({ duplicateAcknowledgement: ZDuplicateAcknowledgement.nullable().default(null) });
export type TCreateOrderInput = z.input<typeof ZCreateOrderInput>;

export const ZCreateOrderResult = z.object({
  customerId: z.uuid(),
  accountNumber: z.string(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  /** False when this draft had already been submitted: the same account and order come back. */
  created: z.boolean(),
});
export type TCreateOrderResult = z.infer<typeof ZCreateOrderResult>;
