/**
 * The client's IP address, for per-IP rate limits (and anything else that must not be fooled).
 *
 * Contract: the server in front of Next (server.mjs) ALWAYS appends the socket's peer address to
 * X-Forwarded-For before Next sees the request, so the rightmost entry is the TCP peer. Each of
 * the OAUTH2_TRUSTED_PROXIES reverse proxies in front appends the address it received from, so
 * the (N+1)th entry from the right is the address the first trusted proxy saw: the client.
 * Everything to its left was sent by the client and is ignored, so a forged X-Forwarded-For
 * cannot move a request to another address's counter.
 *
 * Under plain `next start` Next only sets X-Forwarded-For when it is absent
 * (`??= socket.remoteAddress`), so a client-sent header survives and the rightmost entry is the
 * client's word: run behind server.mjs or a proxy that overwrites or appends to the header.
 */
import ipaddr from 'ipaddr.js';

/** The IP as a rate-limit key: IPv4-mapped IPv6 as IPv4, IPv6 by its /64 (one host usually holds a whole /64). */
export function normalizeIp(raw: string): string {
  let value = raw.trim();
  // "[2001:db8::1]:443" or "203.0.113.7:5000" from proxies that add the port.
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracket) value = bracket[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (!ipaddr.isValid(value)) return value.slice(0, 64) || 'unknown';
  const ip = ipaddr.process(value); // ::ffff:1.2.3.4 → 1.2.3.4
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** The (trustedProxies+1)th X-Forwarded-For entry from the right (the rightmost when there are fewer). */
export function clientIp(headers: Headers, trustedProxies: number): string {
  const xff = headers.get('x-forwarded-for');
  if (!xff) return 'unknown';
  const entries = xff.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return 'unknown';
  // Fewer entries than hops: the request skipped a proxy (each appends one), so everything left of
  // the rightmost may be the client's own; only the socket peer server.mjs appended is known.
  const index = entries.length > trustedProxies ? entries.length - 1 - trustedProxies : entries.length - 1;
  return normalizeIp(entries[index]!);
}
