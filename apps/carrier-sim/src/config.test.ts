import { describe, expect, it } from 'vitest';
import { isRequestableAreaCode, parseNanp } from '@linedesk/domain';
import { readConfig } from './config.js';
import { areaCodeFor, pickNumber } from './number-assignment.js';
import { startCarrierSim } from './testing/start-carrier-sim.js';

describe('readConfig', () => {
  it('should take flags over environment variables over defaults', () => {
    expect(readConfig([], {})).toMatchObject({ port: 4100, host: '127.0.0.1', delayMs: 1500, faults: { transientErrors: 0, rejectAll: null } });
    const config = readConfig(['--port', '0', '--delay-ms=5', '--faults', '{"dropCallbacks":true}'], { CARRIER_SIM_PORT: '4200', CARRIER_SIM_DELAY_MS: '9' });
    expect(config).toMatchObject({ port: 0, delayMs: 5, faults: { dropCallbacks: true } });
    expect(readConfig([], { CARRIER_SIM_PORT: '4200' }).port).toBe(4200);
    expect(config.accounts.map((account) => account.accountId)).toEqual(['NWM-DEALER-0042', 'BSW-AGT-77310']);
  });

  it('should refuse unknown options and bad values with a sentence', () => {
    expect(() => readConfig(['--prot', '1'], {})).toThrow(/Unknown option --prot/);
    expect(() => readConfig(['--port', 'abc'], {})).toThrow(/port/);
    expect(() => readConfig(['--faults', '{"timeouts":"x"}'], {})).toThrow(/faults/);
  });
});

describe('number assignment', () => {
  it('should map every ZIP to an area code in service', () => {
    for (let prefix = 0; prefix < 1000; prefix += 7) {
      const area = areaCodeFor({ zip: `${String(prefix).padStart(3, '0')}01` });
      expect(area.ok && isRequestableAreaCode(area.npa)).toBe(true);
    }
    expect(areaCodeFor({})).toMatchObject({ ok: false, code: 'INVALID_AREA_CODE' });
  });

  it('should pick valid, free numbers and say when the tries run out', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const mdn = pickNumber('646', (candidate) => taken.has(candidate));
      expect(mdn && parseNanp(mdn).ok && !taken.has(mdn) && mdn.slice(3, 6) !== '555').toBe(true);
      taken.add(mdn!);
    }
    expect(pickNumber('646', () => true)).toBeNull();
  });
});

describe('startCarrierSim', () => {
  it('should stop the process, even by SIGKILL as in a crash', async () => {
    const sim = await startCarrierSim();
    await sim.stop('SIGKILL');
    await expect(fetch(`${sim.baseUrl}/activations/NWM-R-0000-000001`)).rejects.toThrow();
  });
});
