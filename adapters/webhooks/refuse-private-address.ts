import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fec0::', 10],
  ['64:ff9b:1::', 48],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad included). */
function groupsOf(address: string): number[] {
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const hex = quad
    ? address.slice(0, quad.index) +
      [(+quad[1]! << 8) | +quad[2]!, (+quad[3]! << 8) | +quad[4]!].map((n) => n.toString(16)).join(':')
    : address;
  const [head, tail] = hex.split('::') as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = part(head);
  const t = part(tail);
  return tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 address that an IPv6 address carries to a gateway or host that unwraps it: NAT64's
 * well-known prefix (64:ff9b::/96), 6to4 (2002::/16) and the deprecated IPv4-compatible form (::/96).
 * `[64:ff9b::7f00:1]` would otherwise reach 127.0.0.1 through a NAT64 gateway.
 */
function embeddedIpv4(address: string): string | undefined {
  const g = groupsOf(address);
  if (g.length !== 8) return undefined;
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  if (g.slice(0, 6).every((x) => x === 0) && g[6] !== 0) return v4(g[6]!, g[7]!);
  return undefined;
}

/** Whether an address is loopback, private, link-local (cloud metadata), multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const inner = embeddedIpv4(address);
    if (inner !== undefined && isPrivateAddress(inner)) return true;
  }
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
