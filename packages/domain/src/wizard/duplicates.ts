import { z } from 'zod';
import { CUSTOMER_STATUSES } from '../customers/customers.constants.js';

/**
 * Why an existing customer may be the one being signed up. Telgoo5 tells an exact DUPLICATE from a
 * HOUSEHOLD (same address only); we add the reasons, so the agent sees what matched.
 */
export const DUPLICATE_REASONS = ['SAME_PHONE', 'SAME_EMAIL', 'SAME_TAX_ID_SIMILAR_NAME', 'SIMILAR_NAME_SAME_ZIP', 'SAME_SERVICE_ADDRESS'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  SAME_PHONE: 'Same phone',
  SAME_EMAIL: 'Same email',
  SAME_TAX_ID_SIMILAR_NAME: 'Same SSN/Tax ID last 4 and a similar name',
  SIMILAR_NAME_SAME_ZIP: 'Similar name at the same ZIP',
  SAME_SERVICE_ADDRESS: 'Same service address (household)',
};

/** EXACT: very likely the same customer (must be acknowledged); LIKELY: worth a look; HOUSEHOLD: same address only. */
export const DUPLICATE_LEVELS = ['EXACT', 'LIKELY', 'HOUSEHOLD'] as const;
export type DuplicateLevel = (typeof DUPLICATE_LEVELS)[number];

const WEIGHTS: Record<DuplicateReason, number> = {
  SAME_TAX_ID_SIMILAR_NAME: 60,
  SAME_EMAIL: 45,
  SAME_PHONE: 40,
  SIMILAR_NAME_SAME_ZIP: 30,
  SAME_SERVICE_ADDRESS: 20,
};

/**
 * How strongly the reasons point at one person: identity evidence (Tax ID with a similar name), or
 * two independent contact or name matches, is EXACT; an address alone is a HOUSEHOLD; anything
 * else is LIKELY. The score orders candidates.
 */
export function scoreDuplicate(reasons: readonly DuplicateReason[]): { level: DuplicateLevel; score: number } {
  const distinct = [...new Set(reasons)];
  const score = Math.min(100, distinct.reduce((sum, reason) => sum + WEIGHTS[reason], 0));
  const personal = distinct.filter((r) => r === 'SAME_PHONE' || r === 'SAME_EMAIL' || r === 'SIMILAR_NAME_SAME_ZIP');
  if (distinct.includes('SAME_TAX_ID_SIMILAR_NAME') || personal.length >= 2) return { level: 'EXACT', score };
  if (distinct.length === 1 && distinct[0] === 'SAME_SERVICE_ADDRESS') return { level: 'HOUSEHOLD', score };
  return { level: 'LIKELY', score };
}

/** What a duplicate check looks for: anything typed so far in the wizard. */
export const ZDuplicateProbe = z.object({
  names: z.array(z.string().trim().min(2).max(160)).max(12).default([]),
  phones: z.array(z.string().trim().max(40)).max(20).default([]),
  emails: z.array(z.string().trim().max(200)).max(20).default([]),
  zip: z.string().trim().regex(/^\d{5}$/).nullable().default(null),
  serviceAddress: z.object({ line1: z.string().max(100), line2: z.string().max(100).nullable(), zip: z.string().regex(/^\d{5}$/) }).nullable().default(null),
  taxIdLast4: z.string().regex(/^\d{4}$/).nullable().default(null),
});
export type TDuplicateProbeInput = z.input<typeof ZDuplicateProbe>;
export type TDuplicateProbe = z.output<typeof ZDuplicateProbe>;

export const ZDuplicateCandidate = z.object({
  customerId: z.uuid(),
  accountNumber: z.string(),
  displayName: z.string(),
  status: z.enum(CUSTOMER_STATUSES),
  serviceAddress: z.string().nullable(),
  createdAt: z.string(),
  reasons: z.array(z.object({ reason: z.enum(DUPLICATE_REASONS), detail: z.string() })),
  level: z.enum(DUPLICATE_LEVELS),
  score: z.number().int(),
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

/** The agent's reason for going on although an exact duplicate was found; audited with the order. */
export const ZDuplicateAcknowledgement = z.object({
  reason: z.string().trim().min(5, { message: 'Say why this is a new customer (at least 5 characters)' }).max(500),
});
