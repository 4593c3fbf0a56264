/**
 * Issue 25: the fast path dispatches to the same handler objects the route files export, so
 * nothing about the protocol exists twice. A route file that changes its handlers without the
 * table (or the other way round) fails here.
 */
import { describe, expect, it } from 'vitest';
import { MACHINE_ROUTES, matchMachineRoute } from './machine-routes';
import * as token from '@/app/o/token/route';
import * as introspect from '@/app/o/introspect/route';
import * as revoke from '@/app/o/revoke_token/route';
import * as userinfo from '@/app/o/userinfo/route';
import * as jwks from '@/app/o/.well-known/jwks.json/route';
import * as serverMetadata from '@/app/.well-known/oauth-authorization-server/route';
import * as discovery from '@/app/.well-known/openid-configuration/route';
import * as oDiscovery from '@/app/o/.well-known/openid-configuration/route';
import * as register from '@/app/o/register/route';
import * as clientConfiguration from '@/app/o/register/[clientId]/route';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;
const exported = (mod: Record<string, unknown>) => Object.fromEntries(METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m]]));

describe('the fast path’s routes are the route files’ handlers', () => {
  it.each([
    ['/o/token', token],
    ['/o/introspect', introspect],
    ['/o/revoke_token', revoke],
    ['/o/userinfo', userinfo],
    ['/o/.well-known/jwks.json', jwks],
    ['/.well-known/oauth-authorization-server', serverMetadata],
    ['/.well-known/openid-configuration', discovery],
    ['/o/.well-known/openid-configuration', oDiscovery],
    ['/o/register', register],
  ])('%s', (path, mod) => {
    expect(MACHINE_ROUTES[path]).toEqual(exported(mod as Record<string, unknown>));
    for (const [method, fn] of Object.entries(exported(mod as Record<string, unknown>))) expect(matchMachineRoute(method, path)?.handler).toBe(fn);
  });

  it('/o/register/<client_id> (one segment) is the client configuration endpoint', () => {
    for (const [method, fn] of Object.entries(exported(clientConfiguration as Record<string, unknown>))) {
      expect(matchMachineRoute(method, '/o/register/abc')?.handler).toBe(fn);
    }
    expect(matchMachineRoute('GET', '/o/register/abc/def')).toBeNull();
  });

  it('every machine route folder is in the table (no endpoint left to Next by omission)', () => {
    expect(Object.keys(MACHINE_ROUTES).sort()).toEqual(
      ['/o/token', '/o/introspect', '/o/revoke_token', '/o/userinfo', '/o/.well-known/jwks.json', '/.well-known/oauth-authorization-server', '/.well-known/openid-configuration', '/o/.well-known/openid-configuration', '/o/register'].sort(),
    );
  });

  it('a trailing slash is the same path; HEAD is GET; other methods and pages are left to Next', () => {
    expect(matchMachineRoute('POST', '/o/token/')?.handler).toBe(token.POST);
    expect(matchMachineRoute('HEAD', '/o/.well-known/jwks.json')?.handler).toBe(jwks.GET);
    expect(matchMachineRoute('GET', '/o/token')).toBeNull();
    expect(matchMachineRoute('GET', '/o/authorize')).toBeNull();
    expect(matchMachineRoute('GET', '/login')).toBeNull();
  });

  it('registration gets next.config.js’s anti-framing headers, the exempt endpoints do not', () => {
    expect(matchMachineRoute('POST', '/o/register')?.extraHeaders).toMatchObject({ 'X-Frame-Options': 'DENY' });
    expect(matchMachineRoute('POST', '/o/token')?.extraHeaders).toEqual({});
  });
});
