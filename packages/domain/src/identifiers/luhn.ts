/**
 * Luhn check digits (ISO/IEC 7812-1 Annex B): card numbers, IMEIs and ICCIDs use base 10, hex MEIDs use
 * the same walk in base 16. Inputs are bare digits of the base; callers strip spaces and dashes first.
 */
export type LuhnBase = 10 | 16;

const DIGITS_OF_BASE: Record<LuhnBase, RegExp> = { 10: /^[0-9]+$/, 16: /^[0-9A-Fa-f]+$/ };

/** True when the last digit is the right check digit for the ones before it; false for anything that is not digits of the base. */
export function isLuhnValid(digits: string, base: LuhnBase = 10): boolean {
  return DIGITS_OF_BASE[base].test(digits) && luhnRemainder(digits, base) === 0;
}

/** The check digit to append to `digits` (an uppercase hex digit in base 16). Throws a RangeError for anything that is not digits of the base. */
export function luhnCheckDigit(digits: string, base: LuhnBase = 10): string {
  if (!DIGITS_OF_BASE[base].test(digits)) throw new RangeError(`A Luhn check digit needs base-${base} digits, got "${digits}"`);
  return ((base - luhnRemainder(`${digits}0`, base)) % base).toString(base).toUpperCase();
}

/** Walking from the right, every second digit is doubled and the doubled value's own base-N digits are added. */
function luhnRemainder(digits: string, base: LuhnBase): number {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    const digit = parseInt(digits.charAt(digits.length - 1 - fromRight), base);
    if (fromRight % 2 === 0) {
      sum += digit;
    } else {
      const doubled = 2 * digit;
      sum += Math.floor(doubled / base) + (doubled % base);
    }
  }
  return sum % base;
}
