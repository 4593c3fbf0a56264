import { describe, expect, it } from 'vitest';
import { clientIp, normalizeIp } from './client-ip';

const xff = (value: string | null) => new Headers(value === null ? {} : { 'x-forwarded-for': value });

describe('client IP from X-Forwarded-For (server.mjs appends the socket peer)', () => {
  it('with no trusted proxy, is the rightmost entry: the socket peer', () => {
    expect(clientIp(xff('203.0.113.9'), 0)).toBe('203.0.113.9');
    // A forged header only adds entries to the left of what server.mjs appended.
    expect(clientIp(xff('1.2.3.4, 5.6.7.8, 203.0.113.9'), 0)).toBe('203.0.113.9');
  });
  it('behind N trusted proxies, is the (N+1)th from the right, whatever the client prepended', () => {
    // client 198.51.100.7 → proxy A (appends 198.51.100.7) → proxy B (appends A's address 10.0.0.2) → server.mjs (appends B 10.0.0.3)
    const honest = '198.51.100.7, 10.0.0.2, 10.0.0.3';
    expect(clientIp(xff(honest), 2)).toBe('198.51.100.7');
    const spoofed = `6.6.6.6, 7.7.7.7, ${honest}`;
    expect(clientIp(xff(spoofed), 2)).toBe('198.51.100.7');
  });
  it('a request that skipped the proxies is keyed by the socket peer, never by its own entries', () => {
    // Direct to the server with a forged header: fewer entries than hops.
    expect(clientIp(xff('6.6.6.6, 198.51.100.7'), 2)).toBe('198.51.100.7');
  });
  it('is "unknown" without the header', () => {
    expect(clientIp(xff(null), 0)).toBe('unknown');
    expect(clientIp(xff(' , '), 0)).toBe('unknown');
  });
  it('normalizes: IPv4-mapped IPv6 as IPv4, ports dropped, IPv6 by /64', () => {
    expect(normalizeIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeIp('192.0.2.1:5555')).toBe('192.0.2.1');
    expect(normalizeIp('[2001:db8:1:2::99]:443')).toBe('2001:db8:1:2::/64');
    expect(normalizeIp('2001:db8:1:2:aaaa::1')).toBe(normalizeIp('2001:db8:1:2:bbbb::2'));
    expect(normalizeIp('2001:db8:1:2::1')).not.toBe(normalizeIp('2001:db8:1:3::1'));
  });
});
