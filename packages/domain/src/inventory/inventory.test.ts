import { describe, expect, it } from 'vitest';
import { parseIdentifier } from '../identifiers/identifiers.js';
import { luhnCheckDigit } from '../identifiers/luhn.js';
import { INVENTORY_STATUSES, INVENTORY_TRANSITIONS } from '../orders/state-machines.js';
import { manualStatusChange, manualStatusTargets } from './inventory.constants.js';
import { readItemIdentifiers } from './item-identifiers.js';
import { csvCell, parseCsv, readCalendarDate, readStockCsvHeader, readStockCsvRow, STOCK_CSV_COLUMNS, STOCK_CSV_TEMPLATE } from './stock-csv.js';

describe('parseCsv', () => {
  it('should read quoted fields with commas, quotes and line breaks, CRLF and a byte order mark', () => {
    const parsed = parseCsv('\uFEFFkind,model\r\nDevice,"Aurora ""X5"", 128 GB"\r\nSIM,"two\nlines"\n\nSIM,last');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['kind', 'model'] },
        { line: 2, cells: ['Device', 'Aurora "X5", 128 GB'] },
        { line: 3, cells: ['SIM', 'two\nlines'] },
        { line: 6, cells: ['SIM', 'last'] },
      ],
    });
  });

  it('should refuse a quote that is never closed, naming its line', () => {
    expect(parseCsv('kind\n"Device\nSIM')).toEqual({ ok: false, line: 2, message: expect.stringContaining('never closed') });
  });

  it('should quote a cell only when it needs it', () => {
    expect([csvCell('plain'), csvCell('a,b'), csvCell('say "hi"'), csvCell(null)]).toEqual(['plain', '"a,b"', '"say ""hi"""', '']);
  });
});

describe('readStockCsvHeader', () => {
  it('should match column names without regard to case, spaces or aliases', () => {
    expect(readStockCsvHeader(['Kind', 'Carrier Code', 'IMEI 1', 'PO', 'Received Date'])).toEqual({
      ok: true,
      columns: ['kind', 'carrier', 'imei', 'purchase_order', 'received'],
    });
  });

  it('should refuse unknown and repeated columns and say which are missing', () => {
    const header = readStockCsvHeader(['kind', 'colour', 'kind']);
    expect(header.ok).toBe(false);
    if (header.ok) return;
    expect(header.problems.map((p) => p.rule)).toEqual(['unknown_column', 'repeated_column', 'missing_column', 'missing_column']);
  });

  it('should read its own template', () => {
    const parsed = parseCsv(STOCK_CSV_TEMPLATE);
    expect(parsed.ok && readStockCsvHeader(parsed.records[0]!.cells)).toEqual({ ok: true, columns: [...STOCK_CSV_COLUMNS] });
  });
});

describe('readStockCsvRow', () => {
  const columns = [...STOCK_CSV_COLUMNS];
  const row = (values: Partial<Record<(typeof STOCK_CSV_COLUMNS)[number], string>>) => columns.map((column) => values[column] ?? '');
  const TODAY = '2026-11-26';

  it('should read a dual-SIM device with both IMEIs, cost in dollars and a US date', () => {
    const result = readStockCsvRow(
      row({ kind: 'device', carrier: 'nwm', imei: '35-209900-176148-1', imei2: '490154203237518', make: 'Aurora', cost: '$1,049.5', received: '11/2/2026', purchase_order: 'PO-1' }),
      columns,
      TODAY,
    );
    expect(result).toEqual({
      ok: true,
      row: {
        kind: 'DEVICE',
        carrierCode: 'NWM',
        identifiers: [
          { kind: 'IMEI', slot: 1, value: '352099001761481' },
          { kind: 'IMEI', slot: 2, value: '490154203237518' },
        ],
        make: 'Aurora',
        model: null,
        location: null,
        agentCode: null,
        costCents: 104950,
        receivedOn: '2026-11-02',
        purchaseOrder: 'PO-1',
      },
    });
  });

  it('should name each broken rule by its column', () => {
    const result = readStockCsvRow(
      row({ kind: 'SIM', carrier: 'NWM', iccid: '8914800000000000001', imei: '352099001761481', cost: '-3', received: '2026-02-30' }),
      columns,
      TODAY,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.rule])).toEqual([
      ['imei', 'not_for_kind'],
      ['iccid', 'iccid_check_digit'],
      ['cost', 'negative_amount'],
      ['received', 'invalid_date'],
    ]);
  });

  it('should refuse a pseudo-ESN, a second IMEI without a first, an unknown kind and a future date', () => {
    const pesn = readStockCsvRow(row({ kind: 'Device', carrier: 'BSW', esn: '8016B128' }), columns, TODAY);
    expect(!pesn.ok && pesn.problems[0]).toMatchObject({ field: 'esn', rule: 'pseudo_esn' });
    const imei2 = readStockCsvRow(row({ kind: 'Device', carrier: 'NWM', imei2: '490154203237518' }), columns, TODAY);
    expect(!imei2.ok && imei2.problems.map((p) => p.rule)).toEqual(['imei2_without_imei']);
    const kind = readStockCsvRow(row({ kind: 'router', carrier: 'NWM', imei: '490154203237518' }), columns, TODAY);
    expect(!kind.ok && kind.problems.map((p) => p.rule)).toEqual(['unknown_kind']);
    const future = readStockCsvRow(row({ kind: 'eSIM', carrier: 'NWM', eid: '89049032123451234512345678901235', received: '2026-11-27' }), columns, TODAY);
    expect(!future.ok && future.problems.map((p) => p.rule)).toEqual(['future_date']);
  });

  it('should store IMEIs and ICCIDs given in their stored form exactly as the full reading does', () => {
    const luhn = (body: string) => body + luhnCheckDigit(body);
    const samples = Array.from({ length: 200 }, (_, n) => {
      const digits = String((n * 7_919_993) % 1_000_000_007).padStart(10, '0');
      return { imei: luhn(`35${digits}${String(n).padStart(2, '0')}`), iccid19: luhn(`8901${digits}${String(n).padStart(4, '0')}`), iccid20: luhn(`89014${digits}${String(n).padStart(4, '0')}`) };
    });
    for (const { imei, iccid19, iccid20 } of samples) {
      const device = readStockCsvRow(row({ kind: 'Device', carrier: 'NWM', imei }), columns, TODAY);
      const parsed = parseIdentifier(imei, { expect: ['IMEI'] });
      expect(device.ok && device.row.identifiers[0]!.value).toBe(parsed.ok && parsed.value);
      for (const iccid of [iccid19, iccid20]) {
        const sim = readStockCsvRow(row({ kind: 'SIM', carrier: 'NWM', iccid }), columns, TODAY);
        const parsedIccid = parseIdentifier(iccid, { expect: ['ICCID'] });
        expect(sim.ok && sim.row.identifiers[0]!.value).toBe(parsedIccid.ok && parsedIccid.value);
      }
    }
  });

  it('should want an identifier the kind carries', () => {
    const result = readStockCsvRow(row({ kind: 'eSIM profile', carrier: 'NWM' }), columns, TODAY);
    expect(!result.ok && result.problems).toEqual([{ field: 'identifiers', rule: 'required', message: 'An eSIM profile needs its EID' }]);
  });
});

describe('readCalendarDate', () => {
  it('should accept ISO and US dates that exist', () => {
    expect([readCalendarDate('2026-03-01'), readCalendarDate('3/1/2026'), readCalendarDate('2026-13-01'), readCalendarDate('1/2/26')]).toEqual(['2026-03-01', '2026-03-01', null, null]);
  });
});

describe('readItemIdentifiers', () => {
  it('should put a second IMEI in slot 2 and refuse a third', () => {
    const result = readItemIdentifiers('DEVICE', ['352099001761481', 'IMEI 2: 490154203237518', '354178036859789']);
    expect(result).toEqual({ ok: false, problems: [{ index: 2, rule: 'too_many', message: 'A device holds at most two IMEIs' }] });
    const two = readItemIdentifiers('DEVICE', ['352099001761481', '490154203237518']);
    expect(two.ok && two.identifiers.map((i) => [i.kind, i.slot])).toEqual([
      ['IMEI', 1],
      ['IMEI', 2],
    ]);
  });

  it('should refuse an identifier the kind does not carry, and a repeat', () => {
    const result = readItemIdentifiers('SIM', ['352099001761481', '8914800000000000006', '89 1480 0000 0000 0000 6']);
    expect(!result.ok && result.problems.map((p) => [p.index, p.rule])).toEqual([
      [0, 'wrong_kind'],
      [2, 'repeated'],
    ]);
  });
});

describe('manual status changes', () => {
  it('should never let a person set Reserved or Active, nor move a Reserved item', () => {
    for (const from of INVENTORY_STATUSES) {
      expect(manualStatusChange(from, 'RESERVED').allowed).toBe(false);
      expect(manualStatusChange(from, 'ACTIVE').allowed).toBe(false);
    }
    expect(manualStatusTargets('RESERVED')).toEqual([]);
    expect(manualStatusChange('RESERVED', 'AVAILABLE')).toMatchObject({ allowed: false, rule: 'on_an_order' });
  });

  it('should allow by hand only what the transition table allows', () => {
    for (const from of INVENTORY_STATUSES) {
      for (const to of manualStatusTargets(from)) expect(INVENTORY_TRANSITIONS[from]).toContain(to);
    }
    expect(manualStatusTargets('AVAILABLE')).toEqual(['DEFECTIVE', 'REMOVED']);
    expect(manualStatusTargets('ACTIVE')).toEqual(['RETURNED']);
    expect(manualStatusTargets('RETURNED')).toEqual(['AVAILABLE', 'DEFECTIVE', 'REMOVED']);
    expect(manualStatusChange('DEFECTIVE', 'AVAILABLE')).toMatchObject({ allowed: false, rule: 'not_allowed' });
  });
});
