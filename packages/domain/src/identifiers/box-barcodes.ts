/**
 * The other barcodes on a device box or SIM kit, which a scan picks up beside the IMEI, EID or ICCID: the
 * product code (UPC/EAN, GS1 data) and the box's serial number. classifyScan recognises them so they are
 * set aside with a note instead of being refused as mistyped identifiers, or worse, read as one.
 */

/** Barcode formats, named as the Barcode Detection API names them, that only ever carry a product code. */
const PRODUCT_FORMATS: Readonly<Record<string, string>> = {
  ean_13: 'EAN-13',
  upc_a: 'UPC-A',
  ean_8: 'EAN-8',
  upc_e: 'UPC-E',
  ean_upc: 'UPC/EAN',
  isbn: 'ISBN',
  itf: 'ITF-14',
  itf_14: 'ITF-14',
};

/** Formats whose content is GS1 element strings (product number, batch, expiry…) rather than an identifier. */
const GS1_FORMATS = new Set(['databar', 'databar_omni', 'databar_stacked', 'databar_stacked_omni', 'databar_expanded', 'databar_expanded_stacked', 'databar_limited']);

/**
 * AIM symbology identifiers that scanners can send first: E (EAN/UPC) and I (ITF) only carry product codes;
 * C1, d2, Q3, e0 and J1 mark GS1 content in Code 128, DataMatrix, QR, DataBar and Code One.
 */
const AIM_PRODUCT = /^\]([EI])([0-9A-Za-z])/;
const AIM_GS1 = /^\](?:C1|d2|Q3|e[0-9]|J1)/;

export type BoxBarcode = { type: 'product_code'; name: string; code: string } | { type: 'gs1_data' };

/**
 * What `raw` (one scanned value) is when it is a product code or GS1 data rather than an identifier; null
 * otherwise. `format` is the barcode format when the scan came from a camera.
 */
export function readBoxBarcode(raw: string, format?: string): BoxBarcode | null {
  const text = raw.trim();
  const digits = text.replace(/^\][0-9A-Za-z]{2}/, '').replace(/[\s-]/g, '');
  const productFormat = format ? PRODUCT_FORMATS[format] : undefined;
  if (productFormat) return { type: 'product_code', name: productFormat, code: digits };
  if ((format && GS1_FORMATS.has(format)) || AIM_GS1.test(text) || isGs1ElementString(text)) return { type: 'gs1_data' };
  const aim = AIM_PRODUCT.exec(text);
  if (aim) return { type: 'product_code', name: aim[1] === 'I' ? 'ITF-14' : eanName(digits), code: digits };
  // UPC-A and EAN-13 lengths are no identifier's, so their own check digit is enough to recognise them.
  if (/^\d{12,13}$/.test(digits) && isGs1CheckDigitValid(digits)) return { type: 'product_code', name: eanName(digits), code: digits };
  return null;
}

function eanName(digits: string): string {
  if (digits.length === 12) return 'UPC-A';
  if (digits.length === 8) return 'EAN-8';
  return 'EAN-13';
}

/**
 * GS1 element strings: the human-readable "(01)00194252030950(21)…" form, or the raw form with the GS
 * control character that separates variable-length fields, or AI 01 (GTIN-14) followed by more fields.
 * AI 01 alone (16 digits) is left to the identifiers: it is also an IMEISV's length.
 */
function isGs1ElementString(text: string): boolean {
  if (/^\(\d{2,4}\)/.test(text) || text.includes('\u001d')) return true;
  const gtin = /^01(\d{14})\d{2}/.exec(text);
  return gtin !== null && text.length > 16 && isGs1CheckDigitValid(gtin[1] ?? '');
}

/** GS1 mod-10 (UPC, EAN, GTIN): from the right, the data digits are weighted 3, 1, 3, 1…; the sum with the check digit is a multiple of 10. */
export function isGs1CheckDigitValid(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  let sum = 0;
  for (let fromRight = 0; fromRight < code.length; fromRight++) {
    sum += Number(code.charAt(code.length - 1 - fromRight)) * (fromRight % 2 === 1 ? 3 : 1);
  }
  return sum % 10 === 0;
}

/** Lengths of identifiers' forms: a value this long with one stray letter is an identifier misread, not a serial number. */
const IDENTIFIER_LENGTHS = new Set([8, 11, 14, 15, 16, 18, 19, 20, 32]);

/**
 * A manufacturer's serial number ("F2LXK0ABCD12", "R58N12ABCDE"): letters and digits, with letters that no
 * identifier has (G–Z). One such letter in an identifier-length value is a misread identifier instead.
 * `value` is cleaned: uppercase, no separators.
 */
export function looksLikeSerialNumber(value: string): boolean {
  if (!/^[0-9A-Z]{6,24}$/.test(value) || !/\d/.test(value)) return false;
  const nonHexLetters = value.replace(/[^G-Z]/g, '').length;
  if (nonHexLetters === 0) return false;
  return nonHexLetters > 1 || !IDENTIFIER_LENGTHS.has(value.length);
}
