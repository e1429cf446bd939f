/**
 * IP addresses and CIDR blocks as EventBridge's matcher (aws/event-ruler) reads them: an address is
 * IPv4 or IPv6 text, an IPv4-mapped IPv6 address counts as IPv4, and a CIDR needs one '/' with mask
 * bits below 32 (IPv4) or 128 (IPv6).
 */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface IpRange {
  version: 4 | 6;
  low: bigint;
  high: bigint;
}

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const IPV4_MAPPED_PREFIX = 0xffffn << 32n;

/** True when the text has the shape of an address literal (what the matcher then tries to parse). */
export function looksLikeIp(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/** The address, or undefined when the text is not a valid IPv4 or IPv6 literal. */
export function parseIp(text: string): IpAddress | undefined {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
}

function parseIpv4(text: string): IpAddress | undefined {
  let value = 0n;
  for (const part of text.split('.')) {
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return { version: 4, value };
}

function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...tail]) {
    value = (value << 16n) | BigInt(group);
  }
  // Java's InetAddress (used by the matcher) turns ::ffff:a.b.c.d into the IPv4 address.
  if (value >> 32n === 0xffffn) return { version: 4, value: value ^ IPV4_MAPPED_PREFIX };
  return { version: 6, value };
}

function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  if (parts.some((part) => !/^[0-9a-fA-F]{1,4}$/.test(part))) return undefined;
  return parts.map((part) => Number.parseInt(part, 16));
}

/** Parses a CIDR block; throws with the matcher's reason when it is not one. */
export function parseCidr(text: string): IpRange {
  const slashed = text.split('/');
  while (slashed.length > 1 && slashed[slashed.length - 1] === '') slashed.pop();
  if (slashed.length !== 2) throw new Error("Malformed CIDR, one '/' required");
  if (!/^[+-]?[0-9]+$/.test(slashed[1])) throw new Error('Malformed CIDR, mask bits must be an integer');
  const maskBits = Number(slashed[1]);
  if (maskBits < 0) throw new Error('Malformed CIDR, mask bits must not be negative');
  const base = slashed[0];
  if (!looksLikeIp(base)) throw new Error(`Nonstandard IP address: ${base}`);
  const address = parseIp(base);
  if (!address) throw new Error(`Invalid IP address: ${base}`);
  const width = address.version === 4 ? 32 : 128;
  if (maskBits > width - 1) throw new Error(`IPv${address.version} mask bits must be < ${width}`);
  const hostBits = BigInt(width - maskBits);
  const hostMask = (1n << hostBits) - 1n;
  return { version: address.version, low: address.value & ~hostMask, high: address.value | hostMask };
}

export function ipInRange(address: IpAddress, range: IpRange): boolean {
  return address.version === range.version && address.value >= range.low && address.value <= range.high;
}
