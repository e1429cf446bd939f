import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may be sent: a public https URL. The API refuses the rest when a subscription is
 * saved, and the sender checks every address a host name resolves to again before connecting (a name
 * can point anywhere, and change): no request from our functions reaches the cloud's metadata service
 * (169.254.169.254), a private network or the function's own host (SSRF). Only where loopback is
 * allowed (the local runtime, for development receivers on 127.0.0.1) is http to loopback accepted.
 */
export interface AddressRules {
  allowLoopback: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** Never a webhook's address: private, shared, link-local (metadata), multicast, reserved, documentation. */
const REFUSED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  REFUSED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  REFUSED.addSubnet(network, prefix, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (`::ffff:a9fe:a9fe`, `::ffff:169.254.169.254`), as IPv4. */
function unmapped(address: string): string {
  const match = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return address;
  if (match[1]) return match[1];
  const high = Number.parseInt(match[2], 16);
  const low = Number.parseInt(match[3], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function familyOf(ip: string): 'ipv4' | 'ipv6' {
  return isIP(ip) === 6 ? 'ipv6' : 'ipv4';
}

const bare = (host: string) => unmapped(host.replace(/^\[|\]$/g, ''));

/** Why an IP address may not be connected to, or undefined when it may. */
export function addressProblem(address: string, rules: AddressRules): string | undefined {
  const ip = bare(address);
  if (LOOPBACK.check(ip, familyOf(ip))) return rules.allowLoopback ? undefined : 'is a loopback address';
  if (REFUSED.check(ip, familyOf(ip))) return 'is a private, link-local or reserved address';
  return undefined;
}

function isLoopbackHost(host: string): boolean {
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  const ip = bare(host);
  return isIP(ip) !== 0 && LOOPBACK.check(ip, familyOf(ip));
}

/** Why a webhook URL is refused (a phrase after the field's name), or undefined when it is fine. */
export function webhookUrlProblem(value: string, rules: AddressRules): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.toLowerCase();
  if (isLoopbackHost(host)) {
    if (!rules.allowLoopback) return 'must not be a loopback address (allowed only on the local runtime)';
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'must be http or https';
  }
  if (url.protocol !== 'https:') return 'must be https (http only to loopback, on the local runtime)';
  if (isIP(bare(host))) {
    return addressProblem(host, rules) ? 'must not be a private, link-local or reserved address' : undefined;
  }
  if (!host.includes('.') || host.endsWith('.internal') || host.endsWith('.local'))
    return 'must name a public host';
  return undefined;
}
