/**
 * US postal addresses: state codes, ZIP codes, USPS Publication 28 style street lines, and the
 * PO box check for service addresses. Pure functions, shared by the wizard and the server.
 */

/** The 50 states, DC, and the territories and military codes USPS accepts in the state field. */
export const US_STATES = [
  { code: 'AL', name: 'Alabama' },
  { code: 'AK', name: 'Alaska' },
  { code: 'AZ', name: 'Arizona' },
  { code: 'AR', name: 'Arkansas' },
  { code: 'CA', name: 'California' },
  { code: 'CO', name: 'Colorado' },
  { code: 'CT', name: 'Connecticut' },
  { code: 'DE', name: 'Delaware' },
  { code: 'DC', name: 'District of Columbia' },
  { code: 'FL', name: 'Florida' },
  { code: 'GA', name: 'Georgia' },
  { code: 'HI', name: 'Hawaii' },
  { code: 'ID', name: 'Idaho' },
  { code: 'IL', name: 'Illinois' },
  { code: 'IN', name: 'Indiana' },
  { code: 'IA', name: 'Iowa' },
  { code: 'KS', name: 'Kansas' },
  { code: 'KY', name: 'Kentucky' },
  { code: 'LA', name: 'Louisiana' },
  { code: 'ME', name: 'Maine' },
  { code: 'MD', name: 'Maryland' },
  { code: 'MA', name: 'Massachusetts' },
  { code: 'MI', name: 'Michigan' },
  { code: 'MN', name: 'Minnesota' },
  { code: 'MS', name: 'Mississippi' },
  { code: 'MO', name: 'Missouri' },
  { code: 'MT', name: 'Montana' },
  { code: 'NE', name: 'Nebraska' },
  { code: 'NV', name: 'Nevada' },
  { code: 'NH', name: 'New Hampshire' },
  { code: 'NJ', name: 'New Jersey' },
  { code: 'NM', name: 'New Mexico' },
  { code: 'NY', name: 'New York' },
  { code: 'NC', name: 'North Carolina' },
  { code: 'ND', name: 'North Dakota' },
  { code: 'OH', name: 'Ohio' },
  { code: 'OK', name: 'Oklahoma' },
  { code: 'OR', name: 'Oregon' },
  { code: 'PA', name: 'Pennsylvania' },
  { code: 'RI', name: 'Rhode Island' },
  { code: 'SC', name: 'South Carolina' },
  { code: 'SD', name: 'South Dakota' },
  { code: 'TN', name: 'Tennessee' },
  { code: 'TX', name: 'Texas' },
  { code: 'UT', name: 'Utah' },
  { code: 'VT', name: 'Vermont' },
  { code: 'VA', name: 'Virginia' },
  { code: 'WA', name: 'Washington' },
  { code: 'WV', name: 'West Virginia' },
  { code: 'WI', name: 'Wisconsin' },
  { code: 'WY', name: 'Wyoming' },
  { code: 'PR', name: 'Puerto Rico' },
  { code: 'VI', name: 'U.S. Virgin Islands' },
  { code: 'GU', name: 'Guam' },
  { code: 'AS', name: 'American Samoa' },
  { code: 'MP', name: 'Northern Mariana Islands' },
  { code: 'AA', name: 'Armed Forces Americas' },
  { code: 'AE', name: 'Armed Forces Europe, Middle East, Africa and Canada' },
  { code: 'AP', name: 'Armed Forces Pacific' },
] as const;

export type UsStateCode = (typeof US_STATES)[number]['code'];

const STATE_CODES: ReadonlySet<string> = new Set(US_STATES.map((state) => state.code));

/** Exact, upper-case codes only: the form offers a list, so anything else is not a code. */
export function isUsStateCode(code: string): code is UsStateCode {
  return STATE_CODES.has(code);
}

export type ZipRule = 'format' | 'zeros';

export type ZipResult =
  | { ok: true; zip: string; zip4: string | null; display: string }
  | { ok: false; rule: ZipRule; message: string };

/** `12345` or ZIP+4 `12345-6789`; surrounding spaces are ignored. */
export function parseZip(input: string): ZipResult {
  const match = /^(\d{5})(?:-(\d{4}))?$/.exec(input.trim());
  if (!match?.[1]) {
    return { ok: false, rule: 'format', message: 'Enter a 5-digit ZIP code, or ZIP+4 as 12345-6789' };
  }
  const zip = match[1];
  const zip4 = match[2] ?? null;
  // 00000 (and a +4 of 0000) are never assigned; they are what people type to get past a form.
  if (zip === '00000' || zip4 === '0000') {
    return { ok: false, rule: 'zeros', message: 'A ZIP code cannot be all zeros' };
  }
  return { ok: true, zip, zip4, display: zip4 ? `${zip}-${zip4}` : zip };
}

/** USPS Publication 28, Appendix C1: street suffixes and their common spellings → standard. */
const SUFFIXES: Record<string, readonly string[]> = {
  ALY: ['ALLEY', 'ALLEE', 'ALLY'],
  ANX: ['ANNEX', 'ANEX', 'ANNX'],
  ARC: ['ARCADE'],
  AVE: ['AVENUE', 'AV', 'AVEN', 'AVENU', 'AVN', 'AVNUE'],
  BYU: ['BAYOU', 'BAYOO'],
  BCH: ['BEACH'],
  BND: ['BEND'],
  BLF: ['BLUFF', 'BLUF'],
  BTM: ['BOTTOM', 'BOT', 'BOTTM'],
  BLVD: ['BOULEVARD', 'BOUL', 'BOULV', 'BLV'],
  BR: ['BRANCH', 'BRNCH'],
  BRG: ['BRIDGE', 'BRDGE'],
  BRK: ['BROOK'],
  BYP: ['BYPASS', 'BYPA', 'BYPAS', 'BYPS'],
  CP: ['CAMP', 'CMP'],
  CYN: ['CANYON', 'CANYN', 'CNYN'],
  CPE: ['CAPE'],
  CSWY: ['CAUSEWAY', 'CAUSWA'],
  CTR: ['CENTER', 'CENTRE', 'CEN', 'CENT', 'CENTR', 'CNTER', 'CNTR'],
  CIR: ['CIRCLE', 'CIRC', 'CIRCL', 'CRCL', 'CRCLE'],
  CLF: ['CLIFF'],
  CLFS: ['CLIFFS'],
  CLB: ['CLUB'],
  CMN: ['COMMON'],
  COR: ['CORNER'],
  CORS: ['CORNERS'],
  CRSE: ['COURSE'],
  CT: ['COURT', 'CRT'],
  CTS: ['COURTS'],
  CV: ['COVE'],
  CRK: ['CREEK', 'CR'],
  CRES: ['CRESCENT', 'CRSENT', 'CRSNT'],
  CRST: ['CREST'],
  XING: ['CROSSING', 'CRSSNG'],
  CURV: ['CURVE'],
  DL: ['DALE'],
  DM: ['DAM'],
  DV: ['DIVIDE', 'DIV', 'DVD'],
  DR: ['DRIVE', 'DRIV', 'DRV'],
  EST: ['ESTATE'],
  ESTS: ['ESTATES'],
  EXPY: ['EXPRESSWAY', 'EXP', 'EXPR', 'EXPRESS', 'EXPW'],
  EXT: ['EXTENSION', 'EXTN', 'EXTNSN'],
  FLS: ['FALLS'],
  FRY: ['FERRY', 'FRRY'],
  FLD: ['FIELD'],
  FLDS: ['FIELDS'],
  FLT: ['FLAT'],
  FRD: ['FORD'],
  FRST: ['FOREST', 'FORESTS'],
  FRG: ['FORGE', 'FORG'],
  FRK: ['FORK'],
  FT: ['FORT', 'FRT'],
  FWY: ['FREEWAY', 'FREEWY', 'FRWAY', 'FRWY'],
  GDN: ['GARDEN', 'GARDN', 'GRDEN', 'GRDN'],
  GDNS: ['GARDENS', 'GRDNS'],
  GTWY: ['GATEWAY', 'GATEWY', 'GATWAY', 'GTWAY'],
  GLN: ['GLEN'],
  GRN: ['GREEN'],
  GRV: ['GROVE', 'GROV'],
  HBR: ['HARBOR', 'HARB', 'HARBR', 'HRBOR'],
  HVN: ['HAVEN'],
  HTS: ['HEIGHTS', 'HT'],
  HWY: ['HIGHWAY', 'HIGHWY', 'HIWAY', 'HIWY', 'HWAY'],
  HL: ['HILL'],
  HLS: ['HILLS'],
  HOLW: ['HOLLOW', 'HLLW', 'HOLLOWS', 'HOLWS'],
  INLT: ['INLET'],
  IS: ['ISLAND', 'ISLND'],
  ISS: ['ISLANDS', 'ISLNDS'],
  JCT: ['JUNCTION', 'JCTION', 'JCTN', 'JUNCTN', 'JUNCTON'],
  KY: ['KEY'],
  KNL: ['KNOLL', 'KNOL'],
  LK: ['LAKE'],
  LKS: ['LAKES'],
  LNDG: ['LANDING', 'LNDNG'],
  LN: ['LANE'],
  LGT: ['LIGHT'],
  LOOP: ['LOOPS'],
  MALL: [],
  MNR: ['MANOR'],
  MDW: ['MEADOW'],
  MDWS: ['MEADOWS', 'MEDOWS'],
  ML: ['MILL'],
  MSN: ['MISSION', 'MISSN', 'MSSN'],
  MT: ['MOUNT', 'MNT'],
  MTN: ['MOUNTAIN', 'MNTAIN', 'MNTN', 'MOUNTIN', 'MTIN'],
  ORCH: ['ORCHARD', 'ORCHRD'],
  OVAL: ['OVL'],
  OPAS: ['OVERPASS'],
  PARK: ['PRK', 'PARKS'],
  PKWY: ['PARKWAY', 'PARKWY', 'PKWAY', 'PKY', 'PARKWAYS', 'PKWYS'],
  PASS: [],
  PATH: ['PATHS'],
  PIKE: ['PIKES'],
  PNES: ['PINES'],
  PL: ['PLACE'],
  PLN: ['PLAIN'],
  PLNS: ['PLAINS'],
  PLZ: ['PLAZA', 'PLZA'],
  PT: ['POINT'],
  PTS: ['POINTS'],
  PRT: ['PORT'],
  PR: ['PRAIRIE', 'PRR'],
  RADL: ['RADIAL', 'RAD', 'RADIEL'],
  RNCH: ['RANCH', 'RANCHES', 'RNCHS'],
  RDG: ['RIDGE', 'RDGE'],
  RIV: ['RIVER', 'RVR', 'RIVR'],
  RD: ['ROAD'],
  RDS: ['ROADS'],
  RTE: ['ROUTE'],
  ROW: [],
  RUN: [],
  SHR: ['SHORE', 'SHOAR'],
  SKWY: ['SKYWAY'],
  SPG: ['SPRING', 'SPNG', 'SPRNG'],
  SPGS: ['SPRINGS', 'SPNGS', 'SPRNGS'],
  SQ: ['SQUARE', 'SQR', 'SQRE', 'SQU'],
  STA: ['STATION', 'STATN', 'STN'],
  ST: ['STREET', 'STRT', 'STR'],
  STS: ['STREETS'],
  SMT: ['SUMMIT', 'SUMIT', 'SUMITT'],
  TER: ['TERRACE', 'TERR'],
  TRCE: ['TRACE', 'TRACES'],
  TRAK: ['TRACK', 'TRACKS', 'TRK', 'TRKS'],
  TRL: ['TRAIL', 'TRAILS', 'TRLS'],
  TUNL: ['TUNNEL', 'TUNEL', 'TUNLS', 'TUNNELS', 'TUNNL'],
  TPKE: ['TURNPIKE', 'TRNPK', 'TURNPK'],
  UPAS: ['UNDERPASS'],
  VLY: ['VALLEY', 'VALLY', 'VLLY'],
  VIA: ['VIADUCT', 'VDCT', 'VIADCT'],
  VW: ['VIEW'],
  VLG: ['VILLAGE', 'VILL', 'VILLAG', 'VILLG', 'VILLIAGE'],
  VIS: ['VISTA', 'VIST', 'VST', 'VSTA'],
  WALK: ['WALKS'],
  WAY: ['WY'],
  WLS: ['WELLS'],
};

/** Publication 28, Appendix C2. `needsNumber: false` designators (REAR, BSMT…) stand alone. */
const UNIT_DESIGNATORS: Record<string, { spellings: readonly string[]; needsNumber: boolean }> = {
  APT: { spellings: ['APARTMENT', 'APPT'], needsNumber: true },
  BSMT: { spellings: ['BASEMENT'], needsNumber: false },
  BLDG: { spellings: ['BUILDING', 'BLDNG'], needsNumber: true },
  DEPT: { spellings: ['DEPARTMENT'], needsNumber: true },
  FL: { spellings: ['FLOOR', 'FLR'], needsNumber: true },
  FRNT: { spellings: ['FRONT'], needsNumber: false },
  HNGR: { spellings: ['HANGAR'], needsNumber: true },
  KEY: { spellings: [], needsNumber: true },
  LBBY: { spellings: ['LOBBY'], needsNumber: false },
  LOT: { spellings: [], needsNumber: true },
  LOWR: { spellings: ['LOWER'], needsNumber: false },
  OFC: { spellings: ['OFFICE'], needsNumber: false },
  PH: { spellings: ['PENTHOUSE'], needsNumber: false },
  PIER: { spellings: [], needsNumber: true },
  REAR: { spellings: [], needsNumber: false },
  RM: { spellings: ['ROOM'], needsNumber: true },
  SIDE: { spellings: [], needsNumber: false },
  SLIP: { spellings: [], needsNumber: true },
  SPC: { spellings: ['SPACE'], needsNumber: true },
  STOP: { spellings: [], needsNumber: true },
  STE: { spellings: ['SUITE'], needsNumber: true },
  TRLR: { spellings: ['TRAILER'], needsNumber: true },
  UNIT: { spellings: [], needsNumber: true },
  UPPR: { spellings: ['UPPER'], needsNumber: false },
};

const DIRECTIONALS: Record<string, string> = {
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
};

/** Every spelling (the standard form included) → standard form. */
function lookup(entries: Iterable<[string, readonly string[]]>): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [standard, spellings] of entries) {
    for (const spelling of [standard, ...spellings]) map.set(spelling, standard);
  }
  return map;
}

const SUFFIX = lookup(Object.entries(SUFFIXES));
const UNIT = lookup(Object.entries(UNIT_DESIGNATORS).map(([code, unit]) => [code, unit.spellings]));
const DIRECTION = lookup(Object.entries(DIRECTIONALS).map(([word, code]) => [code, [word]]));

/** What follows a designator: "4", "4B", "B", "A-1", "200". A word such as RD is street, not unit. */
const isUnitId = (token: string | undefined) => token !== undefined && (/\d/.test(token) || /^[A-Z]$/.test(token));

/**
 * Where the secondary unit (APT 4, STE 200, # 7, REAR) starts, or -1. `from` is the first token
 * that may start it, so that the first word of a street name ("123 FRONT ST", "12 PIER 39"…) is
 * never read as a unit.
 */
function unitStart(tokens: readonly string[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.startsWith('#')) return i;
    const standard = UNIT.get(token);
    if (!standard) continue;
    if (UNIT_DESIGNATORS[standard]?.needsNumber) {
      if (isUnitId(tokens[i + 1])) return i;
    } else if (i === tokens.length - 1) {
      // FRONT, UPPER, LOWER are common street words; alone at the end they are a unit only after a
      // street that has visibly ended (a suffix, possibly with a post-directional), or as line 2.
      const before = tokens[i - 1];
      const twoBefore = tokens[i - 2];
      if (i === 0 || SUFFIX.has(before ?? '') || (DIRECTION.has(before ?? '') && SUFFIX.has(twoBefore ?? ''))) return i;
    }
  }
  return -1;
}

/**
 * Pre-directional, street name, suffix, post-directional. A word is a suffix or directional by
 * where it stands, never by spelling alone: "COURT ST" keeps COURT, "WEST ST" keeps WEST, and
 * "AVENUE OF THE AMERICAS" is left alone because its last word is not a suffix.
 */
function normalizeStreet(words: readonly string[]): string[] {
  const out = [...words];
  let end = out.length;
  const last = out[end - 1];
  if (end >= 2 && last !== undefined && DIRECTION.has(last)) {
    out[end - 1] = DIRECTION.get(last) as string;
    end -= 1;
  }
  const suffix = out[end - 1];
  if (end >= 2 && suffix !== undefined && SUFFIX.has(suffix)) {
    out[end - 1] = SUFFIX.get(suffix) as string;
    end -= 1;
  }
  const first = out[0];
  if (end >= 2 && first !== undefined && DIRECTION.has(first)) out[0] = DIRECTION.get(first) as string;
  return out;
}

/**
 * One address line in USPS Publication 28 style: upper case, single spaces, no periods or commas,
 * standard suffix, directional and unit abbreviations. Also takes a unit-only line 2 ("Suite 200").
 * '#' is kept as typed. Periods inside numbers (a decimal house number) stay.
 */
export function normalizeStreetLine(line: string): string {
  const cleaned = line
    .toUpperCase()
    .replace(/,/g, ' ')
    .replace(/\.(?!\d)|(?<!\d)\./g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return '';
  const poBox = /^(?:P ?O|POST OFFICE) BOX\b/.exec(cleaned);
  if (poBox) return cleaned.replace(poBox[0], 'PO BOX');

  const tokens = cleaned.split(' ');
  // The primary number: 123, 123A, N123W456, and a fraction after it (123 1/2 MAIN ST).
  let numberEnd = /\d/.test(tokens[0] as string) ? 1 : 0;
  if (numberEnd === 1 && /^\d+\/\d+$/.test(tokens[1] ?? '')) numberEnd = 2;

  // A line that opens with a unit is a line 2; otherwise a street name word must come first.
  const unit = unitStart(tokens, 0) === 0 ? 0 : unitStart(tokens, numberEnd + 1);
  const streetEnd = unit === -1 ? tokens.length : unit;

  const street = normalizeStreet(tokens.slice(numberEnd, streetEnd));
  const secondary = tokens.slice(streetEnd).map((token) => UNIT.get(token) ?? token);
  return [...tokens.slice(0, numberEnd), ...street, ...secondary].join(' ');
}

export type AddressSuggestion = { line1: string; line2: string | null; changed: boolean };

/**
 * The normalised lines, and whether they differ from what was typed (ignoring only spacing), so
 * the wizard offers "Use suggested address" only when there is something to use.
 */
export function suggestAddress(address: { line1: string; line2?: string | null }): AddressSuggestion {
  const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
  const line1 = normalizeStreetLine(address.line1);
  const line2 = normalizeStreetLine(address.line2 ?? '') || null;
  const typed2 = squash(address.line2 ?? '') || null;
  return { line1, line2, changed: line1 !== squash(address.line1) || line2 !== typed2 };
}

const PO_BOX_PATTERNS: readonly RegExp[] = [
  /^ P ?O ?B(?:OX)?(?=[ #\d])/, // PO Box, P.O. Box, POBOX, POB, P.O.B. at the start
  /^ BOX ?#? ?\d/, // BOX 12 at the start; "Box Elder St" has no number after BOX
  / (?:P ?O ?BOX|POST ?OFFICE ?BOX) ?#? ?\d/, // with its number anywhere on the line
  / (?:PMB|PRIVATE MAIL ?BOX) ?#? ?\d/,
  / GENERAL DELIVERY /,
];

/**
 * True for a line that is a postal box rather than a place: PO Box (any spelling), POB, "BOX 12"
 * at the start, General Delivery, and a PMB. A PMB (private mailbox) is a box rented at a
 * commercial mail receiving agency such as a UPS Store: it looks like a street address, but no one
 * lives or uses service there, so it is refused as a service address just like a PO box.
 */
export function isPoBox(line: string): boolean {
  // Padded with spaces so every pattern can anchor on whole words; '#' and digits may touch BOX.
  const text = ` ${line.toUpperCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim()} `;
  return PO_BOX_PATTERNS.some((pattern) => pattern.test(text));
}
