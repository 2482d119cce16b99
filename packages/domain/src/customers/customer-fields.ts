import { z } from 'zod';
import { parseNanp } from './nanp.js';

/** A NANP phone number in, its ten digits out; the message names the broken rule. */
export const ZPhone = z.string().trim().transform((value, ctx) => {
  const parsed = parseNanp(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message, params: { rule: `phone_${parsed.rule}` } });
    return z.NEVER;
  }
  return parsed.digits;
});

/** Empty text is "not given": forms send '' for an untouched input. */
export const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
export const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
export const optionalPhone = z.preprocess(blankToNull, ZPhone.nullable().default(null));
export const optionalEmail = z.preprocess(blankToNull, z.email({ message: 'Enter a valid email address' }).trim().toLowerCase().nullable().default(null));
export const ZIsoDate = z.iso.date({ message: 'Use a date as YYYY-MM-DD' });
export const optionalDate = z.preprocess(blankToNull, ZIsoDate.nullable().default(null));

export const ZNamePart = z.string().trim().min(1, { message: "Enter a name" }).max(60);

/**
 * Secrets (SSN, Tax ID, a port-out PIN, a bank account number) are write-only: send the value to set
 * it, null to clear it, leave it out to keep what is stored. They come back masked (`ZMaskedSecret`).
 */

/** US Social Security Number: 9 digits; never area 000, 666 or 9xx, group 00 or serial 0000. */
export const ZSsn = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{9}$/, { message: 'Enter the 9 digits of the SSN' })
      .refine((ssn) => !/^(000|666|9\d\d)/.test(ssn) && ssn.slice(3, 5) !== '00' && ssn.slice(5) !== '0000', {
        message: 'This is not an SSN the Social Security Administration issues',
      }),
  );

/** US Employer Identification Number (Tax ID): 9 digits, shown XX-XXXXXXX; the prefix is never 00. */
export const ZTaxId = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{9}$/, { message: 'Enter the 9 digits of the Tax ID (EIN)' })
      .refine((ein) => !ein.startsWith('00'), { message: 'An EIN never starts with 00' }),
  );

/** Whole years between a date of birth and today (UTC dates). */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/** Today's date as YYYY-MM-DD in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** '••-•••6789': a Tax ID (EIN) shown by its last four digits; a full number may be passed safely. */
export function maskTaxId(value: string): string {
  return `••-•••${value.replace(/\D/g, '').slice(-4)}`;
}
