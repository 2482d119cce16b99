import {
  orderCharges,
  WIZARD_STEPS,
  type TCustomerProfile,
  type TNamesAndAddresses,
  type TOrderOptions,
  type TPaymentView,
  type TWizardDraft,
  type TWizardLine,
  type TWizardStart,
  type WizardStep,
} from '@linedesk/domain';
import type { SecretBox } from '../../security/secret-box.js';
import type { wizardDrafts } from './wizard.schema.js';

/** A secret as a draft keeps it: sealed, with the masked text people may see. */
export type SealedSecret = { sealed: string; masked: string };

export type StoredProfile = Omit<TCustomerProfile, 'securityPin' | 'ssn' | 'taxId'> & {
  securityPin: SealedSecret | null;
  ssn: SealedSecret | null;
  taxId: SealedSecret | null;
};

export type StoredLine = Omit<TWizardLine, 'portIn'> & {
  portIn: (Omit<NonNullable<TWizardLine['portIn']>, 'pin'> & { pin: SealedSecret | null }) | null;
};

export type StoredPayment =
  | (Extract<TPaymentView, { method: 'CARD' }> & { gateway: string; token: string })
  | (Omit<Extract<TPaymentView, { method: 'BANK' }>, 'accountNumber'> & { accountNumber: SealedSecret | null })
  | { method: 'INVOICE' };

/** Every step of a draft, as stored in its one JSON document. */
export type DraftData = {
  start: TWizardStart | null;
  profile: StoredProfile | null;
  names: TNamesAndAddresses | null;
  lines: StoredLine[];
  options: TOrderOptions | null;
  payment: StoredPayment | null;
  /** Names of the carrier chosen, for lists. */
  carrierName: string | null;
  /** What Create Order made of the draft. */
  result: TWizardDraft['result'];
};

export const EMPTY_DRAFT: DraftData = { start: null, profile: null, names: null, lines: [], options: null, payment: null, carrierName: null, result: null };

export type DraftRow = typeof wizardDrafts.$inferSelect;

export function sealSecret(box: SecretBox, plain: string, masked: string): SealedSecret {
  return { sealed: box.seal(plain), masked };
}

/**
 * A write-only secret's next stored value: a new value is sealed, null clears it, and a value left
 * out keeps the stored one.
 */
export function nextSecret(box: SecretBox, input: string | null | undefined, stored: SealedSecret | null, mask: (plain: string) => string): SealedSecret | null {
  if (input === undefined) return stored;
  if (input === null) return null;
  return sealSecret(box, input, mask(input));
}

const maskedView = (secret: SealedSecret | null) => ({ isSet: secret !== null, hint: secret?.masked ?? null });

/** Which steps are complete: saved, and every step before them complete (lines need at least one line). */
export function stepCompletion(data: DraftData): Record<WizardStep, boolean> {
  const saved: Record<WizardStep, boolean> = {
    start: data.start !== null,
    profile: data.profile !== null,
    names: data.names !== null,
    lines: data.lines.length > 0,
    final: data.options !== null && data.payment !== null,
  };
  let allBefore = true;
  return Object.fromEntries(
    WIZARD_STEPS.map((step) => {
      allBefore = allBefore && saved[step];
      return [step, allBefore];
    }),
  ) as Record<WizardStep, boolean>;
}

export function toDraftView(row: DraftRow, creatorName: string): TWizardDraft {
  const data = row.data;
  const completion = stepCompletion(data);
  const profile = data.profile;
  return {
    id: row.id,
    status: row.status,
    createdBy: { id: row.createdBy, name: creatorName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    title: row.title,
    carrierName: data.carrierName,
    start: data.start,
    profile: profile
      ? { ...profile, securityPin: maskedView(profile.securityPin), ssn: maskedView(profile.ssn), taxId: maskedView(profile.taxId) }
      : null,
    names: data.names,
    lines: data.lines.map((line) => ({ ...line, portIn: line.portIn ? { ...line.portIn, pin: maskedView(line.portIn.pin) } : null })),
    options: data.options,
    payment: paymentView(data.payment),
    completion,
    nextStep: WIZARD_STEPS.find((step) => !completion[step]) ?? 'final',
    charges: orderCharges(data.lines, data.options?.depositCents ?? 0),
    result: data.result,
  };
}

function paymentView(payment: StoredPayment | null): TPaymentView | null {
  if (!payment) return null;
  if (payment.method === 'CARD') {
    const { gateway: _gateway, token: _token, ...card } = payment;
    return card;
  }
  if (payment.method === 'BANK') return { ...payment, accountNumber: maskedView(payment.accountNumber) };
  return payment;
}
