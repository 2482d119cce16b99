import { luhnCheckDigit } from '@linedesk/domain';
import type { NewStockItem } from './use-cases/add-stock-items.js';

/*
 * The demo stockroom: fictional handsets, SIM cards and eSIM profiles for the three demo carriers,
 * with identifiers that pass their check digits (made up, never issued to real equipment), so the
 * wizard and the Inventory tab can be tried by scanning or pasting them.
 */
const imei = (tac: string, serial: number) => {
  const body = tac + String(serial).padStart(6, '0');
  return body + luhnCheckDigit(body);
};
const iccid = (issuer: string, serial: number) => {
  const body = `8901${issuer}${String(serial).padStart(18 - 4 - issuer.length, '0')}`;
  return body + luhnCheckDigit(body);
};
const eid = (serial: number) => {
  const body = `890490320010${String(serial).padStart(18, '0')}`;
  return body + String(98n - (BigInt(`${body}00`) % 97n)).padStart(2, '0');
};
const meid = (serial: number) => `A1000049${serial.toString(16).toUpperCase().padStart(6, '0')}`;
const esn = (serial: number) => `9F${serial.toString(16).toUpperCase().padStart(6, '0')}`;

const range = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const RECEIVED = '2026-11-02';

export const DEMO_STOCK: NewStockItem[] = [
  ...range(8).map((n) => ({ kind: 'DEVICE' as const, carrierCode: 'NWM', make: 'Aurora', model: 'Aurora X5 128 GB', location: 'Elm Street store', costCents: 41900, receivedOn: RECEIVED, purchaseOrder: 'PO-NWM-2211', identifiers: [imei('35209900', 176140 + n)] })),
  ...range(4).map((n) => ({ kind: 'DEVICE' as const, carrierCode: 'NWM', make: 'Northwind', model: 'Northwind Flip 4G', location: 'Elm Street store', costCents: 3900, receivedOn: RECEIVED, purchaseOrder: 'PO-NWM-2211', identifiers: [imei('35460811', 402210 + n)] })),
  ...range(12).map((n) => ({ kind: 'SIM' as const, carrierCode: 'NWM', make: 'Northwind', model: 'Nano SIM (4FF)', location: 'Elm Street store', costCents: 150, receivedOn: RECEIVED, purchaseOrder: 'PO-NWM-2212', identifiers: [iccid('260', 7700100 + n)] })),
  ...range(4).map((n) => ({ kind: 'ESIM' as const, carrierCode: 'NWM', make: 'Northwind', model: 'eSIM profile (watch)', location: 'Elm Street store', receivedOn: RECEIVED, identifiers: [eid(5500 + n)] })),
  ...range(6).map((n) => ({ kind: 'DEVICE' as const, carrierCode: 'BSW', make: 'Kestrel', model: 'Kestrel K7 LTE', location: 'Riverside store', costCents: 28900, receivedOn: RECEIVED, purchaseOrder: 'PO-BSW-0931', identifiers: [meid(0x3a1f00 + n)] })),
  ...range(3).map((n) => ({ kind: 'DEVICE' as const, carrierCode: 'BSW', make: 'Kestrel', model: 'Kestrel Classic flip (CDMA)', location: 'Riverside store', costCents: 2900, receivedOn: RECEIVED, purchaseOrder: 'PO-BSW-0931', identifiers: [esn(0x0c4400 + n)] })),
  ...range(8).map((n) => ({ kind: 'SIM' as const, carrierCode: 'BSW', make: 'Bluestar', model: '4G LTE SIM', location: 'Riverside store', costCents: 150, receivedOn: RECEIVED, purchaseOrder: 'PO-BSW-0932', identifiers: [iccid('480', 3300200 + n)] })),
  ...range(5).map((n) => ({ kind: 'DEVICE' as const, carrierCode: 'PCC', make: 'Aurora', model: 'Aurora A2 64 GB', location: 'Elm Street store', costCents: 15900, receivedOn: RECEIVED, purchaseOrder: 'PO-PCC-0107', identifiers: [imei('35332011', 551200 + n)] })),
  ...range(6).map((n) => ({ kind: 'SIM' as const, carrierCode: 'PCC', make: 'Pinecrest', model: 'Triple-cut SIM', location: 'Elm Street store', costCents: 120, receivedOn: RECEIVED, purchaseOrder: 'PO-PCC-0108', identifiers: [iccid('770', 9100300 + n)] })),
];

/**
 * The demo TAC table: the demo stockroom's device TACs, and the TACs of IMEIs printed as examples in
 * documentation (490154203237518, 354178036859789, 350077523237513), named after the same fictional
 * makers, so a customer's own device scanned in a demo gets a make and model too.
 */
export const DEMO_TACS: { tac: string; make: string; model: string }[] = [
  { tac: '35209900', make: 'Aurora', model: 'Aurora X5 128 GB' },
  { tac: '35460811', make: 'Northwind', model: 'Northwind Flip 4G' },
  { tac: '35332011', make: 'Aurora', model: 'Aurora A2 64 GB' },
  { tac: '49015420', make: 'Kestrel', model: 'Kestrel K9 5G' },
  { tac: '35417803', make: 'Aurora', model: 'Aurora Fold 256 GB' },
  { tac: '35007752', make: 'Northwind', model: 'Northwind Tab 10' },
];
