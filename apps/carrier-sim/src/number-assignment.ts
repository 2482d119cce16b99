import { randomInt } from 'node:crypto';
import { isRequestableAreaCode } from '@linedesk/domain';

/**
 * New numbers (MDNs): NPA from the asked area code, or from the ZIP through a small table of 3-digit ZIP
 * prefixes; NXX with first digit 2–9, never N11 or 555; unique on the network.
 */

/** 3-digit ZIP prefix → an area code serving it (large metros; enough for a simulator). */
const ZIP_PREFIX_AREA_CODES: Record<string, string> = {
  '021': '617', '022': '617', '100': '212', '101': '212', '102': '212', '104': '718', '112': '718', '113': '718',
  '191': '215', '200': '202', '201': '703', '202': '202', '206': '301', '212': '410', '222': '703', '232': '804',
  '275': '919', '282': '704', '303': '404', '322': '904', '327': '407', '331': '305', '332': '305', '336': '813',
  '372': '615', '381': '901', '432': '614', '441': '216', '452': '513', '462': '317', '482': '313', '532': '414',
  '554': '612', '606': '312', '607': '312', '608': '312', '631': '314', '641': '816', '681': '402', '701': '504',
  '730': '405', '750': '214', '752': '214', '761': '817', '770': '713', '772': '713', '782': '210', '787': '512',
  '802': '303', '841': '801', '850': '602', '852': '602', '871': '505', '891': '702', '900': '213', '902': '310',
  '913': '818', '921': '619', '941': '415', '945': '510', '951': '408', '958': '916', '972': '503', '981': '206',
  '995': '907', '968': '808',
};

/** When the ZIP prefix is not in the table: one area code per first ZIP digit (the national ZIP zones). */
const ZIP_ZONE_AREA_CODES = ['617', '212', '202', '404', '313', '612', '312', '214', '303', '213'] as const;

export type AreaCodeResult = { ok: true; npa: string } | { ok: false; code: 'INVALID_AREA_CODE'; text: string };

export function areaCodeFor(input: { areaCode?: string | undefined; zip?: string | undefined }): AreaCodeResult {
  if (input.areaCode !== undefined) {
    if (!isRequestableAreaCode(input.areaCode)) return { ok: false, code: 'INVALID_AREA_CODE', text: `${input.areaCode} is not an area code in service` };
    return { ok: true, npa: input.areaCode };
  }
  if (input.zip !== undefined) {
    const npa = ZIP_PREFIX_AREA_CODES[input.zip.slice(0, 3)] ?? ZIP_ZONE_AREA_CODES[Number(input.zip[0])];
    if (npa) return { ok: true, npa };
  }
  return { ok: false, code: 'INVALID_AREA_CODE', text: 'Neither an area code nor a ZIP code was given for the new number' };
}

function isAssignableExchange(nxx: string): boolean {
  return /^[2-9]\d\d$/.test(nxx) && !nxx.endsWith('11') && nxx !== '555';
}

/** A free number in the area code, or null when the tries ran out (the area code is full). */
export function pickNumber(npa: string, taken: (mdn: string) => boolean, tries = 200): string | null {
  for (let i = 0; i < tries; i++) {
    const nxx = String(randomInt(200, 1000));
    if (!isAssignableExchange(nxx)) continue;
    const mdn = `${npa}${nxx}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
    if (!taken(mdn)) return mdn;
  }
  return null;
}
