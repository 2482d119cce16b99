import { z } from 'zod';

/**
 * The Customer Profile page differs between installations (Rev.io calls it "customizable per
 * client"): an admin decides which of these optional fields show and which are required. Class,
 * Bill Profile, Bill Method (with its email) and Sales Person always show.
 */
export const PROFILE_FIELDS = [
  'accountNumber',
  'agent',
  'securityPin',
  'language',
  'contractDates',
  'attentionLine',
  'paymentTerms',
  'accountType',
  'website',
  'primaryPhone',
  'taxExempt',
  'taxIdentity',
  'dateOfBirth',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const PROFILE_FIELD_LABELS: Record<ProfileField, string> = {
  accountNumber: 'Account number',
  agent: 'Agent',
  securityPin: 'Security PIN',
  language: 'Language',
  contractDates: 'Contract Start and End',
  attentionLine: 'Attention line',
  paymentTerms: 'Payment terms',
  accountType: 'Account type',
  website: 'Website',
  primaryPhone: 'Primary phone',
  taxExempt: 'Tax exempt',
  taxIdentity: 'SSN (residential) or Tax ID (business)',
  dateOfBirth: 'Date of birth (residential)',
};

export const FIELD_VISIBILITIES = ['hidden', 'optional', 'required'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITIES)[number];

export const ZProfileFieldSettings = z.object(
  Object.fromEntries(PROFILE_FIELDS.map((field) => [field, z.enum(FIELD_VISIBILITIES)])) as Record<ProfileField, z.ZodEnum<{ [K in FieldVisibility]: K }>>,
);
export type TProfileFieldSettings = z.infer<typeof ZProfileFieldSettings>;

export const DEFAULT_PROFILE_FIELD_SETTINGS: TProfileFieldSettings = {
  accountNumber: 'optional',
  agent: 'optional',
  securityPin: 'optional',
  language: 'optional',
  contractDates: 'optional',
  attentionLine: 'optional',
  paymentTerms: 'optional',
  accountType: 'optional',
  website: 'optional',
  primaryPhone: 'optional',
  taxExempt: 'optional',
  taxIdentity: 'optional',
  dateOfBirth: 'optional',
};
