import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Which network addresses a hub's callback may reach. An API client registering a callback makes this
 * server POST to it, so it must not make the server call itself (its own admin routes, the database on
 * 127.0.0.1:5432) or the cloud metadata service. Private ranges (10/8, 172.16/12, 192.168/16, fc00::/7)
 * stay allowed: integrators of a self-hosted LineDesk often run on the same LAN.
 */
export type CallbackAddressPolicy = {
  /** TMF_CALLBACK_ALLOW_LOCAL: loopback may receive events (development, a listener on the same machine). */
  allowLocal: boolean;
};

export type CallbackAddressKind = 'loopback' | 'unspecified' | 'link-local' | 'cloud metadata' | 'multicast' | 'broadcast';

/** Why an address cannot receive events: the address as resolved and which kind of network it is. */
export type CallbackAddressRefusal = { address: string; kind: CallbackAddressKind };

function blockList(rules: [network: string, prefix: number, family: 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of rules) list.addSubnet(network, prefix, family);
  return list;
}

// One list per kind, so a refusal can say what the address is. BlockList also matches IPv4-mapped IPv6
// addresses (::ffff:127.0.0.1) against the IPv4 rules. Checked in this order (metadata before link-local).
const BLOCKED: [CallbackAddressKind, BlockList][] = [
  ['loopback', blockList([['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']])],
  // 0.0.0.0/8 is "this host on this network": connecting to 0.0.0.0 reaches this machine.
  ['unspecified', blockList([['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']])],
  // AWS's IPv6 metadata endpoint sits in the otherwise allowed fc00::/7, Alibaba Cloud's in 100.64/10.
  ['cloud metadata', blockList([['169.254.169.254', 32, 'ipv4'], ['fd00:ec2::254', 128, 'ipv6'], ['100.100.100.200', 32, 'ipv4']])],
  ['link-local', blockList([['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']])],
  ['multicast', blockList([['224.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']])],
  ['broadcast', blockList([['255.255.255.255', 32, 'ipv4']])],
];

/** Why `address` (an IP address) may not receive callbacks, or null when it may. */
export function callbackAddressRefusal(address: string, policy: CallbackAddressPolicy): CallbackAddressRefusal | null {
  const version = isIP(address);
  if (version === 0) throw new TypeError(`Not an IP address: ${address}`);
  const family = version === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of BLOCKED) {
    if (kind === 'loopback' && policy.allowLocal) continue;
    if (list.check(address, family)) return { address, kind };
  }
  return null;
}

const DESCRIPTIONS: Record<CallbackAddressKind, string> = {
  loopback: "this server's own network (loopback)",
  unspecified: 'the unspecified address (this server itself)',
  'cloud metadata': 'the cloud metadata service (link-local)',
  'link-local': 'a link-local address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** For a person registering a hub: "The callback's address 127.0.0.1 is this server's own network (loopback) …". */
export function describeRefusal(refusal: CallbackAddressRefusal): string {
  return `The callback's address ${refusal.address} is ${DESCRIPTIONS[refusal.kind]} and cannot receive events`;
}

/** A delivery refused because the callback's host resolved to an address that may not receive events. */
export class CallbackAddressRefusedError extends Error {
  readonly refusal: CallbackAddressRefusal;
  constructor(refusal: CallbackAddressRefusal) {
    super(`callback address ${refusal.address} refused: ${refusal.kind}`);
    this.name = 'CallbackAddressRefusedError';
    this.refusal = refusal;
  }
}

/** A URL's host as an address or a name: `[::1]` → `::1`. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') && url.hostname.endsWith(']') ? url.hostname.slice(1, -1) : url.hostname;
}

/** How long a name may take to resolve when a hub is registered. */
const RESOLVE_TIMEOUT_MS = 5_000;

export type CallbackHostCheck =
  | { ok: true; addresses: string[] }
  | { ok: false; problem: 'not_found'; host: string }
  | { ok: false; problem: 'lookup_failed'; host: string; code: string }
  | { ok: false; problem: 'refused'; refusal: CallbackAddressRefusal };

/**
 * At registration: the callback's host (an address, or a name resolved now, every address it has) must
 * only reach addresses that may receive events. Deliveries check again on the address they connect to
 * (`guardedLookup`): a name may resolve elsewhere later.
 */
export async function checkCallbackHost(callback: URL, policy: CallbackAddressPolicy): Promise<CallbackHostCheck> {
  const host = hostOf(callback);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolveAll(host, RESOLVE_TIMEOUT_MS)).map((entry) => entry.address);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'ERROR';
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') return { ok: false, problem: 'not_found', host };
      return { ok: false, problem: 'lookup_failed', host, code };
    }
    if (addresses.length === 0) return { ok: false, problem: 'not_found', host };
  }
  for (const address of addresses) {
    const refusal = callbackAddressRefusal(address, policy);
    if (refusal) return { ok: false, problem: 'refused', refusal };
  }
  return { ok: true, addresses };
}

function resolveAll(host: string, timeoutMs: number): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`Looking up ${host} took over ${timeoutMs} ms`), { code: 'ETIMEOUT' })), timeoutMs);
    dnsLookup(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(addresses);
    });
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) `request` that resolves the host as usual and refuses it when any of its
 * addresses may not receive events, so the address connected to is the one checked (no DNS rebinding
 * between a check and the connection). An address written in the URL skips lookup: check it beforehand.
 */
export function guardedLookup(policy: CallbackAddressPolicy) {
  return (hostname: string, options: { family?: number | string; all?: boolean; hints?: number }, callback: LookupCallback): void => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : typeof options.family === 'number' ? options.family : 0;
    dnsLookup(hostname, { all: true, family, ...(options.hints ? { hints: options.hints } : {}) }, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : '');
      for (const entry of addresses) {
        const refusal = callbackAddressRefusal(entry.address, policy);
        if (refusal) return callback(new CallbackAddressRefusedError(refusal), options.all ? [] : '');
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
