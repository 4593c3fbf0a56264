/**
 * The client's address for the audit trail, picked from X-Forwarded-For the way the rate limits
 * pick it (lib/http/client-ip.ts: the (trustedProxies+1)th entry from the right), but kept whole:
 * an IPv6 address is not collapsed to its /64, an operator reads it.
 */
export function addressFrom(forwardedFor: string, trustedProxies: number): string | null {
  const entries = forwardedFor.split(',').map((e) => e.trim()).filter(Boolean);
  if (!entries.length) return null;
  const index = entries.length > trustedProxies ? entries.length - 1 - trustedProxies : entries.length - 1;
  let value = entries[index]!;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracket) value = bracket[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.startsWith('::ffff:') && /^::ffff:\d+\.\d+\.\d+\.\d+$/.test(value)) value = value.slice(7);
  return value.slice(0, 64);
}
