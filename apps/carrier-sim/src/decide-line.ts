import { parseIdentifier, type GatewayRejectionCode, type TGatewayLineRequest, type TGatewayRejection } from '@linedesk/domain';
import type { NetworkState } from './network.js';
import { areaCodeFor, pickNumber } from './number-assignment.js';
import { checkPortIn, type TPortSubscriber } from './port-subscribers.js';

export type LineDecision = { ok: true; mdn: string; sims: string[]; devices: string[] } | { ok: false; rejection: TGatewayRejection };

type IdentifierField = 'iccid' | 'eid' | 'imei' | 'meid' | 'esn';
const SIM_FIELDS = ['iccid', 'eid'] as const satisfies readonly IdentifierField[];
const DEVICE_FIELDS = ['imei', 'meid', 'esn'] as const satisfies readonly IdentifierField[];
const KIND: Record<IdentifierField, 'ICCID' | 'EID' | 'IMEI' | 'MEID' | 'ESN'> = { iccid: 'ICCID', eid: 'EID', imei: 'IMEI', meid: 'MEID', esn: 'ESN' };
const INVALID_CODE: Record<IdentifierField, GatewayRejectionCode> = {
  iccid: 'INVALID_ICCID',
  eid: 'INVALID_EID',
  imei: 'INVALID_IMEI',
  meid: 'INVALID_MEID',
  esn: 'INVALID_ESN',
};

function reject(code: GatewayRejectionCode, text: string): LineDecision {
  return { ok: false, rejection: { code, text } };
}

/**
 * The network's decision on one line, as a carrier's activation system makes it: identifiers re-checked (format and
 * check digits), SIM and device not already active, then the number (a port-in's validated number, or a new one).
 * Deciding does not change the network; the caller commits an accepted line.
 */
export function decideLine(line: TGatewayLineRequest, network: NetworkState, subscribers: ReadonlyMap<string, TPortSubscriber>): LineDecision {
  const canonical: Partial<Record<IdentifierField, string>> = {};
  for (const field of [...SIM_FIELDS, ...DEVICE_FIELDS]) {
    const raw = line[field];
    if (raw === undefined || raw === '') continue;
    const parsed = parseIdentifier(raw, { expect: [KIND[field]] });
    if (!parsed.ok) return reject(INVALID_CODE[field], `${KIND[field]} ${raw}: ${parsed.message}`);
    canonical[field] = parsed.value;
  }
  const sims = SIM_FIELDS.flatMap((field) => (canonical[field] ? [canonical[field]] : []));
  const devices = DEVICE_FIELDS.flatMap((field) => (canonical[field] ? [canonical[field]] : []));
  if (sims.length === 0 && devices.length === 0) return reject('MISSING_IDENTIFIER', 'The line has neither a SIM (ICCID or EID) nor a device (IMEI, MEID or ESN)');
  const activeSim = sims.find((sim) => network.sims.has(sim));
  if (activeSim) return reject('SIM_ALREADY_ACTIVE', `SIM ${activeSim} is already active on the network`);
  const activeDevice = devices.find((device) => network.devices.has(device));
  if (activeDevice) return reject('DEVICE_ALREADY_ACTIVE', `Device ${activeDevice} is already active on the network`);

  if (line.kind === 'PORT_IN') {
    if (!line.portIn) return reject('PORT_NUMBER_NOT_FOUND', 'A port-in line needs the number to port and the account at the current carrier');
    const port = checkPortIn(line.portIn, subscribers, (mdn) => network.mdns.has(mdn));
    return port.ok ? { ok: true, mdn: port.number, sims, devices } : reject(port.code, port.text);
  }
  const area = areaCodeFor({ areaCode: line.areaCode, zip: line.zip });
  if (!area.ok) return reject(area.code, area.text);
  const mdn = pickNumber(area.npa, (candidate) => network.mdns.has(candidate) || subscribers.has(candidate));
  if (!mdn) return reject('NO_NUMBERS_AVAILABLE', `No numbers are available in area code ${area.npa}`);
  return { ok: true, mdn, sims, devices };
}
