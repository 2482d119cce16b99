import { describe, expect, it } from 'vitest';
import { callbackAddressRefusal, checkCallbackHost, describeRefusal } from './callback-address.js';

const STRICT = { allowLocal: false };
const LOCAL = { allowLocal: true };
const kindOf = (address: string, policy = STRICT) => callbackAddressRefusal(address, policy)?.kind ?? 'allowed';

describe('which addresses may receive TMF event callbacks', () => {
  it('should refuse this server’s own host, the unspecified address and link-local, in IPv4, IPv6 and IPv4-mapped IPv6', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '127.255.255.254',
          '::1',
          '::ffff:127.0.0.1',
          '::ffff:7f00:1',
          '0.0.0.0',
          '0.1.2.3',
          '::',
          '::ffff:0.0.0.0',
          '169.254.169.254',
          '::ffff:169.254.169.254',
          'fd00:ec2::254',
          '169.254.1.1',
          'fe80::1',
          'febf::1',
          '224.0.0.1',
          'ff02::1',
          '255.255.255.255',
        ].map((address) => [address, kindOf(address)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '127.255.255.254': 'loopback',
      '::1': 'loopback',
      '::ffff:127.0.0.1': 'loopback',
      '::ffff:7f00:1': 'loopback',
      '0.0.0.0': 'unspecified',
      '0.1.2.3': 'unspecified',
      '::': 'unspecified',
      '::ffff:0.0.0.0': 'unspecified',
      '169.254.169.254': 'cloud metadata',
      '::ffff:169.254.169.254': 'cloud metadata',
      'fd00:ec2::254': 'cloud metadata',
      '169.254.1.1': 'link-local',
      'fe80::1': 'link-local',
      'febf::1': 'link-local',
      '224.0.0.1': 'multicast',
      'ff02::1': 'multicast',
      '255.255.255.255': 'broadcast',
    });
  });

  it('should allow public addresses and the private networks an integrator on the same LAN uses', () => {
    for (const address of [
      '10.1.2.3',
      '172.15.0.1',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.20',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
      '203.0.113.10',
      '8.8.8.8',
      '2001:db8::1',
      '128.0.0.1',
      '169.255.0.1',
      'fec0::1',
    ]) {
      expect(kindOf(address), address).toBe('allowed');
    }
  });

  it('should allow loopback alone with TMF_CALLBACK_ALLOW_LOCAL', () => {
    for (const address of ['127.0.0.1', '127.255.255.254', '::1', '::ffff:127.0.0.1']) expect(kindOf(address, LOCAL), address).toBe('allowed');
    for (const address of ['0.0.0.0', '::', '169.254.169.254', 'fe80::1', 'ff02::1', '255.255.255.255']) expect(kindOf(address, LOCAL), address).not.toBe('allowed');
  });

  it('should say why, naming the address', () => {
    expect(describeRefusal({ address: '127.0.0.1', kind: 'loopback' })).toBe(
      "The callback's address 127.0.0.1 is this server's own network (loopback) and cannot receive events",
    );
    expect(describeRefusal(callbackAddressRefusal('169.254.169.254', STRICT)!)).toBe(
      "The callback's address 169.254.169.254 is the cloud metadata service (link-local) and cannot receive events",
    );
  });

  it('should check a URL’s host: an address as written (IPv4 shorthand normalized), a name by every address it resolves to', async () => {
    expect(await checkCallbackHost(new URL('http://[::1]:8080/x'), STRICT)).toEqual({ ok: false, problem: 'refused', refusal: { address: '::1', kind: 'loopback' } });
    // The URL parser reads 0x7f.1 and 2130706433 as 127.0.0.1: the address checked is the one connected to.
    expect(await checkCallbackHost(new URL('http://0x7f.1/x'), STRICT)).toMatchObject({ ok: false, refusal: { address: '127.0.0.1' } });
    expect(await checkCallbackHost(new URL('http://2130706433/x'), STRICT)).toMatchObject({ ok: false, refusal: { address: '127.0.0.1' } });
    expect(await checkCallbackHost(new URL('http://[::ffff:a9fe:a9fe]/'), STRICT)).toMatchObject({ ok: false, refusal: { kind: 'cloud metadata' } });
    expect(await checkCallbackHost(new URL('https://10.1.2.3/x'), STRICT)).toEqual({ ok: true, addresses: ['10.1.2.3'] });
    expect(await checkCallbackHost(new URL('http://localhost/x'), STRICT)).toMatchObject({ ok: false, problem: 'refused', refusal: { kind: 'loopback' } });
    expect(await checkCallbackHost(new URL('http://localhost/x'), LOCAL)).toMatchObject({ ok: true });
    // RFC 6761: .invalid never resolves.
    expect(await checkCallbackHost(new URL('https://listener.linedesk.invalid/x'), STRICT)).toEqual({ ok: false, problem: 'not_found', host: 'listener.linedesk.invalid' });
  });
});
