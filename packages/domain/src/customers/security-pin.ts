/**
 * An account's Security PIN: 4–8 digits, not all the same digit (1111) and not a run up or down
 * (1234, 9876), which are the first PINs anyone guesses.
 */
export type PinRule = 'digits' | 'length' | 'repeated' | 'sequence';

export function checkSecurityPin(pin: string): { ok: true } | { ok: false; rule: PinRule; message: string } {
  if (!/^\d*$/.test(pin)) return { ok: false, rule: 'digits', message: 'Use digits only' };
  if (pin.length < 4 || pin.length > 8) return { ok: false, rule: 'length', message: 'Use 4 to 8 digits' };
  if (/^(\d)\1+$/.test(pin)) return { ok: false, rule: 'repeated', message: 'Do not repeat one digit' };
  const steps = [...pin].slice(1).map((digit, i) => Number(digit) - Number(pin[i]));
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) {
    return { ok: false, rule: 'sequence', message: 'Do not use a run of digits such as 1234' };
  }
  return { ok: true };
}
