import { describe, expect, it } from 'vitest';
import { formatNanp } from '../customers/nanp.js';
import { portInEditRefusal, ZPortInUpdate } from './port-in-edit.js';
import { ORDER_STATUSES } from './state-machines.js';

describe('Edit port-in', () => {
  const portLine = { position: 1, status: 'PENDING' as const, isPortIn: true };

  it('should allow it on a port-in line still Pending while the order is Pending, Ready or Error, and say why not otherwise', () => {
    const allowed = ORDER_STATUSES.filter((status) => portInEditRefusal({ status, carrierErrorCode: null }, portLine) === null);
    expect(allowed).toEqual(['PENDING', 'READY', 'ERROR']);
    expect(portInEditRefusal({ status: 'SENT', carrierErrorCode: null }, portLine)).toBe('The order is Sent: the carrier has its port-in details now; change them if it refuses the port');
    expect(portInEditRefusal({ status: 'COMPLETE', carrierErrorCode: null }, portLine)).toBe('The order is Complete, so its port-in details cannot change');
    expect(portInEditRefusal({ status: 'CANCELLED', carrierErrorCode: null }, portLine)).toBe('The order is cancelled, so its port-in details cannot change');
    expect(portInEditRefusal({ status: 'ERROR', carrierErrorCode: null }, { ...portLine, status: 'CANCELLED' })).toBe('Line 2 is Cancelled, so its port-in details cannot change');
    expect(portInEditRefusal({ status: 'READY', carrierErrorCode: null }, { ...portLine, isPortIn: false })).toBe('Line 2 takes a new number: it has no port-in details to change');
  });

  it('should refuse it after a send the carrier never answered, until the order is sent again unchanged', () => {
    expect(portInEditRefusal({ status: 'ERROR', carrierErrorCode: 'CARRIER_UNREACHABLE' }, portLine)).toMatch(/^The carrier never answered the last send/);
    expect(portInEditRefusal({ status: 'ERROR', carrierErrorCode: 'PORT_PIN_MISMATCH' }, portLine)).toBeNull();
  });

  it('should keep the PIN on file when it is left out or blank, and check every other field', () => {
    const details = { currentCarrier: ' Verizon Wireless ', accountNumber: '482913570', authorizedSigner: 'Dana Whitfield', accountName: 'Dana Whitfield' };
    expect(ZPortInUpdate.parse(details)).toEqual({ ...details, currentCarrier: 'Verizon Wireless' });
    expect(ZPortInUpdate.parse({ ...details, pin: '  ' }).pin).toBeNull();
    expect(ZPortInUpdate.parse({ ...details, pin: ' 4821 ' }).pin).toBe('4821');
    const refused = ZPortInUpdate.safeParse({ ...details, accountNumber: '', pin: '1'.repeat(21) });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['accountNumber', 'pin']);
  });

  it('should show a North American number as people read it, anything else as given', () => {
    expect(formatNanp('5128364628')).toBe('(512) 836-4628');
    expect(formatNanp('+1 512 836 4628')).toBe('(512) 836-4628');
    expect(formatNanp('12345')).toBe('12345');
  });
});
