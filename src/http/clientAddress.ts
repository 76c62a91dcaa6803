import { isIPv6 } from 'node:net';

/**
 * The address a request comes from, as the rate limiter keys it. With no trusted proxies it is
 * the connection's address and `X-Forwarded-For` is ignored, so a client cannot choose its key by
 * forging the header. With N trusted proxies, the Nth entry from the right of
 * `X-Forwarded-For` (the one the outermost trusted proxy saw) is the client; entries further
 * left are the client's own claims and are never used.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const remote = remoteAddress ?? 'unknown';
  if (trustedHops === 0 || forwardedFor === undefined) return remote;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // The chain as seen from here: [...forwarded, remote]; trusted proxies are the last N.
  const chain = [...hops, remote];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? remote;
}

/**
 * The rate-limit key of an address: IPv4 as it is, IPv6 by its /64 network (one client usually
 * holds a whole /64, so single addresses would let it multiply its limit). IPv4-mapped IPv6
 * addresses count as their IPv4 address.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, without zone, `::` expanded. */
function expandIPv6(address: string): string[] {
  const bare = address.split('%')[0] ?? address;
  const [head = '', tail] = bare.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    (group.replace(/^0+/, '') || '0').toLowerCase(),
  );
}
