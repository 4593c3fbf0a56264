/** RFC 9449 §4.3 item 9 (htu normalisation) and §8 (nonces valid across instances, rotating), without a database. */
import { describe, expect, it } from 'vitest';
import { expectedHtus, normaliseHtu } from './htu';
import { createDpopNonces, DPOP_NONCE_WINDOW_SECONDS } from './nonce';

describe('RFC 9449 §4.3 item 9: htu normalisation (RFC 3986 §6.2.2, §6.2.3)', () => {
  it.each([
    ['HTTPS://Server.Example.COM/token', 'https://server.example.com/token'],
    ['https://server.example.com:443/token', 'https://server.example.com/token'],
    ['http://server.example.com:80/token', 'http://server.example.com/token'],
    ['https://server.example.com', 'https://server.example.com/'],
    ['https://server.example.com/%7euser/a%2fb', 'https://server.example.com/~user/a%2Fb'],
    ['https://server.example.com/a/./b/../token?x=1#f', 'https://server.example.com/a/token'],
  ])('%s is %s', (given, normal) => {
    expect(normaliseHtu(given)).toBe(normal);
  });

  it('is null for what is not an http(s) URI', () => {
    expect(normaliseHtu('not a uri')).toBeNull();
    expect(normaliseHtu('urn:ietf:params:oauth:token')).toBeNull();
  });

  it('a request may be named on the issuer (its origin, and under its path), with or without the trailing slash', () => {
    const req = new Request('http://10.0.0.5:3000/o/token');
    expect(expectedHtus(req, 'https://auth.example/tenant')).toEqual([
      'https://auth.example/o/token',
      'https://auth.example/o/token/',
      'https://auth.example/tenant/o/token',
      'https://auth.example/tenant/o/token/',
    ]);
  });
});

describe('RFC 9449 §8: server nonces without storage', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const later = (s: number) => new Date(now.getTime() + s * 1000);

  it('two instances sharing the secret accept each other\'s nonces; another secret does not', () => {
    const a = createDpopNonces('shared-secret');
    const b = createDpopNonces('shared-secret');
    expect(b.accepts(a.current(now), now)).toBe(true);
    expect(createDpopNonces('another-secret').accepts(a.current(now), now)).toBe(false);
  });

  it('rotates every window and is accepted in its own window and the next only', () => {
    const n = createDpopNonces('s');
    const first = n.current(now);
    expect(n.current(later(DPOP_NONCE_WINDOW_SECONDS))).not.toBe(first);
    expect(n.accepts(first, later(DPOP_NONCE_WINDOW_SECONDS))).toBe(true);
    expect(n.accepts(first, later(2 * DPOP_NONCE_WINDOW_SECONDS))).toBe(false);
    expect(n.accepts(undefined, now)).toBe(false);
    expect(n.accepts(123, now)).toBe(false);
  });
});
