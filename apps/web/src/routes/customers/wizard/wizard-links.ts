import { WIZARD_STEP_LABELS, type TWizardDraft, type WizardStep } from '@linedesk/domain';

/** The step bar's labels, short enough for five across (the full names are their accessible names). */
export const STEP_SHORT_LABELS: Record<WizardStep, string> = {
  start: 'Carrier',
  profile: 'Customer Profile',
  names: 'Name and Addresses',
  lines: 'Lines',
  final: 'Order Options',
};

/** The steps' full names, for titles. */
export const STEP_LABELS: Record<WizardStep, string> = WIZARD_STEP_LABELS;

/** A customer's account page (Customers > the account). */
export function customerHref(customerId: string): string {
  return `/customers/${customerId}`;
}

/** Forgets every unsaved step of a draft kept in this tab (after Create Order or Discard). */
export function clearWizardStorage(draftId: string): void {
  try {
    const prefix = `linedesk.wizard.${draftId}.`;
    const keys: string[] = [];
    for (let index = 0; index < sessionStorage.length; index++) {
      const key = sessionStorage.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    for (const key of keys) sessionStorage.removeItem(key);
  } catch {
    // No storage, nothing to forget.
  }
}

/** "Visa •••• 4242 exp 12/2028", "Checking ••••6789", "Invoice". */
export function paymentText(payment: NonNullable<TWizardDraft['payment']>): string {
  if (payment.method === 'CARD') return `${brandName(payment.brand)} •••• ${payment.last4} exp ${String(payment.expMonth).padStart(2, '0')}/${payment.expYear}`;
  if (payment.method === 'BANK') return `${payment.accountType === 'SAVINGS' ? 'Savings' : 'Checking'} ${payment.accountNumber.hint ?? '••••'}`;
  return 'Invoice';
}

export function brandName(brand: string): string {
  return ({ VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'American Express', DISCOVER: 'Discover' } as Record<string, string>)[brand] ?? 'Card';
}
