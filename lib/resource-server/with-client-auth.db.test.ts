/**
 * DOT's ClientProtectedResourceView and ClientProtectedScopedResourceView as withClientAuth,
 * through real requests over a test database: the engine's client authentication (RFC 6749
 * §2.3.1) with its failure lock shared with the token endpoint, the token fallback (RFC 6750),
 * and the refusals a client reads (status, WWW-Authenticate, body).
 */
import type { Sql } from 'postgres';
import { describe, expect, it } from 'vitest';
import { createOAuthServer, EventBus } from '@/lib/oauth';
import { setApplicationDisabled } from '@/lib/db/admin-applications';
import { BASE, basic, body, createTestServer, form, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createRateLimits, type Backend } from '@/lib/rate-limit/limiter';
import { pgStyleClient } from '@/lib/rate-limit/postgres-client';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { AccessError } from './access-error';
import { createExampleApis } from './example-apis';
import { verifyClient, withClientAuth, type ClientProtectedHandler, type WithClientAuthOptions } from './with-client-auth';

const t = await createTestServer();
const backend: Backend = testDatabaseKind === 'pglite' ? { kind: 'memory' } : { kind: 'postgres', client: pgStyleClient((t.db as unknown as { $client: Sql }).$client) };
// The failure lock set small, shared by the token endpoint and the protected resources (as in the app: one Deps).
const limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '3/300', OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES_IP: '50/300' }), backend, {
  onError: (e) => {
    throw e; // a broken counter must fail the test, not pass it open
  },
})!;
const events = new EventBus();
const deps = { ...t.deps, limits, events };
const server = createOAuthServer(deps);
const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null, errorResponseWithScopes: true };

const app = await t.application({ grantTypes: ['client_credentials', 'password'] });
const user = await t.user();

// Counters outlive a test on PostgreSQL (one database per file): every test uses its own address.
let ipCounter = 0;
const freshIp = () => `203.0.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

/** Echoes who called, and a field of the body, so a test sees the handler could still read it. */
const whoami: ClientProtectedHandler = async (req, { client, method, token }) => {
  const type = req.headers.get('content-type') ?? '';
  const note = type.includes('json') ? ((await req.json()) as { note?: string }).note : type.includes('form') ? new URLSearchParams(await req.text()).get('note') : null;
  return Response.json({ client_id: client.clientId, name: client.name, method, scope: token?.scope ?? null, user: token?.userId ?? null, note });
};

function protect(opts: WithClientAuthOptions = {}) {
  return withClientAuth(whoami, { store: async () => t.store, clock: t.now, settings, deps: async () => deps, ...opts });
}

const at = (ip: string, headers: Record<string, string> = {}) => ({ 'X-Forwarded-For': ip, ...headers });
const getFrom = (ip: string, headers: Record<string, string> = {}) => new Request(`${BASE}/api/client-info`, { headers: at(ip, headers) });

async function tokenFor(scope: string, via = app): Promise<string> {
  const res = await server.token(form('/o/token', { grant_type: 'client_credentials', scope }, at(freshIp(), basic(via.clientId, via.clientSecret))));
  expect(res.status).toBe(200);
  return String((await body(res)).access_token);
}

function challenges(res: Response): string {
  return res.headers.get('www-authenticate') ?? '';
}

describe(`DOT ClientProtectedResourceView → withClientAuth, on ${testDatabaseKind}`, () => {
  it('RFC 6749 §2.3.1: HTTP Basic authenticates the client, and the handler gets it', async () => {
    const res = await protect()(getFrom(freshIp(), basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ client_id: app.clientId, name: 'Test app', method: 'client_secret_basic', scope: null });
  });

  it('RFC 6749 §2.3.1: client_id and client_secret in a form or JSON body, and the handler still reads the body', async () => {
    const viaForm = await protect()(form('/api/client-info', { client_id: app.clientId, client_secret: app.clientSecret, note: 'from a form' }, at(freshIp())));
    expect(viaForm.status).toBe(200);
    expect(await body(viaForm)).toMatchObject({ client_id: app.clientId, method: 'client_secret_post', note: 'from a form' });
    const viaJson = await protect()(jsonPost('/api/client-info', { client_id: app.clientId, client_secret: app.clientSecret, note: 'from JSON' }, at(freshIp())));
    expect(viaJson.status).toBe(200);
    expect(await body(viaJson)).toMatchObject({ client_id: app.clientId, method: 'client_secret_post', note: 'from JSON' });
  });

  it('RFC 6749 §2.3.1: credentials in the URL are invalid_request (they end up in logs)', async () => {
    const res = await protect()(new Request(`${BASE}/api/client-info?client_id=${app.clientId}&client_secret=${app.clientSecret}`, { headers: at(freshIp()) }));
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_request');
  });

  it('RFC 6749 §5.2: no credentials is 401 challenging Basic only (tokens are not accepted here), with no body', async () => {
    for (const headers of [{}, { Authorization: 'Bearer some-token' }] as Record<string, string>[]) {
      const res = await protect()(getFrom(freshIp(), headers));
      expect(res.status).toBe(401);
      expect(challenges(res)).toBe('Basic realm="oauth", charset="UTF-8"');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('RFC 6749 §5.2: a wrong secret is 401 invalid_client with a Basic challenge, in the header or the body', async () => {
    const viaBasic = await protect()(getFrom(freshIp(), basic(app.clientId, 'wrong')));
    expect(viaBasic.status).toBe(401);
    expect(challenges(viaBasic)).toMatch(/^Basic realm="oauth"/);
    expect(await body(viaBasic)).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
    const viaBody = await protect()(form('/api/client-info', { client_id: app.clientId, client_secret: 'wrong' }, at(freshIp())));
    expect(viaBody.status).toBe(401);
    expect(challenges(viaBody)).toMatch(/^Basic realm="oauth"/);
    expect((await body(viaBody)).error).toBe('invalid_client');
  });

  it('wrong secrets count toward the token endpoint\'s failure lock by client and address: then even the right secret from there gets 429, here and at /o/token; other addresses are not affected', async () => {
    const other = await t.application({ grantTypes: ['client_credentials'] });
    const attacker = freshIp();
    for (let i = 0; i < 3; i++) {
      const res = await protect()(getFrom(attacker, basic(other.clientId, `guess-${i}`)));
      expect(res.status).toBe(401);
    }
    const locked = await protect()(getFrom(attacker, basic(other.clientId, other.clientSecret)));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await body(locked)).error).toBe('temporarily_unavailable');
    // The same lock at the token endpoint: the failures were counted where the engine counts them.
    expect((await server.token(form('/o/token', { grant_type: 'client_credentials' }, at(attacker, basic(other.clientId, other.clientSecret))))).status).toBe(429);
    // The client itself is not locked out of its own servers.
    expect((await protect()(getFrom(freshIp(), basic(other.clientId, other.clientSecret)))).status).toBe(200);
  });

  it('failures at the token endpoint lock the same client and address here', async () => {
    const other = await t.application({ grantTypes: ['client_credentials'] });
    const attacker = freshIp();
    for (let i = 0; i < 3; i++) await server.token(form('/o/token', { grant_type: 'client_credentials' }, at(attacker, basic(other.clientId, `guess-${i}`))));
    expect((await protect()(getFrom(attacker, basic(other.clientId, other.clientSecret)))).status).toBe(429);
  });

  it('a public client cannot authenticate as itself: client_id alone, or with a made-up secret, is 401 invalid_client', async () => {
    const spa = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
    const alone = await protect()(form('/api/client-info', { client_id: spa.clientId }, at(freshIp())));
    expect(alone.status).toBe(401);
    expect(challenges(alone)).toMatch(/^Basic realm="oauth"/);
    expect(await body(alone)).toMatchObject({ error: 'invalid_client' });
    const secret = await protect()(getFrom(freshIp(), basic(spa.clientId, 'anything')));
    expect(secret.status).toBe(401);
    expect((await body(secret)).error).toBe('invalid_client');
  });

  it('RFC 6749 §5.2: a client an operator disabled is invalid_client', async () => {
    const off = await t.application({ grantTypes: ['client_credentials'] });
    const ok = await protect()(getFrom(freshIp(), basic(off.clientId, off.clientSecret)));
    expect(ok.status).toBe(200);
    await setApplicationDisabled(t.db, off.id, true, t.now());
    const res = await protect()(getFrom(freshIp(), basic(off.clientId, off.clientSecret)));
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
  });
});

describe(`DOT ClientProtectedScopedResourceView → withClientAuth({ allowToken, scopes }), on ${testDatabaseKind}`, () => {
  it('RFC 6750 §2.1: an access token instead of credentials; the handler gets the token\'s client and the token', async () => {
    const token = await tokenFor('read');
    const res = await protect({ allowToken: true })(getFrom(freshIp(), { Authorization: `Bearer ${token}` }));
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ client_id: app.clientId, method: 'access_token', scope: 'read' });
  });

  it('RFC 6750 §3.1: with scopes, a token lacking one is 403 insufficient_scope naming them; a token with them passes', async () => {
    const scoped = protect({ allowToken: true, scopes: ['read', 'write'] });
    const res = await scoped(getFrom(freshIp(), { Authorization: `Bearer ${await tokenFor('read')}` }));
    expect(res.status).toBe(403);
    expect(challenges(res)).toMatch(/^Bearer error="insufficient_scope"/);
    expect(challenges(res)).toContain('scope="read write"');
    expect((await body(res)).error).toBe('insufficient_scope');
    expect((await scoped(getFrom(freshIp(), { Authorization: `Bearer ${await tokenFor('read write')}` }))).status).toBe(200);
  });

  it('scopes bind the token only: the client\'s own credentials pass (it acts as itself)', async () => {
    const res = await protect({ allowToken: true, scopes: ['write'] })(getFrom(freshIp(), basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(200);
    expect((await body(res)).method).toBe('client_secret_basic');
  });

  it('RFC 6750 §3.1: no credentials is 401 offering both Basic and Bearer; a bad token is invalid_token, still offering Basic', async () => {
    const missing = await protect({ allowToken: true })(getFrom(freshIp()));
    expect(missing.status).toBe(401);
    expect(challenges(missing)).toMatch(/^Bearer/);
    expect(challenges(missing)).toContain('Basic realm="oauth"');
    expect(await missing.text()).toBe('');
    const bad = await protect({ allowToken: true })(getFrom(freshIp(), { Authorization: 'Bearer not-a-token' }));
    expect(bad.status).toBe(401);
    expect(challenges(bad)).toMatch(/^Bearer error="invalid_token"/);
    expect(challenges(bad)).toContain('Basic realm="oauth"');
    expect((await body(bad)).error).toBe('invalid_token');
  });

  it('a token and client credentials in one request are invalid_request (400), whichever way each is sent', async () => {
    const token = await tokenFor('read');
    const both = [
      form('/api/client-info', { client_id: app.clientId, client_secret: app.clientSecret }, at(freshIp(), { Authorization: `Bearer ${token}` })),
      form('/api/client-info', { access_token: token }, at(freshIp(), basic(app.clientId, app.clientSecret))),
    ];
    for (const req of both) {
      const res = await protect({ allowToken: true })(req);
      expect(res.status).toBe(400);
      expect(await body(res)).toEqual({ error: 'invalid_request', error_description: 'send either client credentials or an access token, not both' });
    }
    // Refused where tokens are not accepted too.
    expect((await protect()(both[0]!.clone())).status).toBe(400);
  });

  it('a user\'s token authenticates its client, and the handler sees the user', async () => {
    const res = await server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope: 'read' }, at(freshIp(), basic(app.clientId, app.clientSecret))));
    const token = String((await body(res)).access_token);
    const called = await protect({ allowToken: true })(getFrom(freshIp(), { Authorization: `Bearer ${token}` }));
    expect(await body(called)).toMatchObject({ client_id: app.clientId, method: 'access_token', user: user.id });
  });
});

describe(`verifyClient(req): the imperative check, on ${testDatabaseKind}`, () => {
  it('returns the client, or throws the AccessError whose response is withClientAuth\'s', async () => {
    const ok = await verifyClient(getFrom(freshIp(), basic(app.clientId, app.clientSecret)), { deps: async () => deps, settings });
    expect(ok).toMatchObject({ client: { clientId: app.clientId, clientType: 'confidential' }, method: 'client_secret_basic' });
    expect(ok.client).not.toHaveProperty('clientSecretDigest');

    const ip = freshIp();
    const thrown = await verifyClient(getFrom(ip, basic(app.clientId, 'nope')), { deps: async () => deps, settings }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AccessError);
    const err = thrown as AccessError;
    expect([err.status, err.code]).toEqual([401, 'invalid_client']);
    const fromWrapper = await protect()(getFrom(freshIp(), basic(app.clientId, 'nope')));
    const fromError = err.toResponse();
    expect(fromError.status).toBe(fromWrapper.status);
    expect(fromError.headers.get('www-authenticate')).toBe(fromWrapper.headers.get('www-authenticate'));
    expect(await fromError.json()).toEqual(await fromWrapper.json());
  });
});

describe(`/api/client-info (the example), on ${testDatabaseKind}`, () => {
  const apis = createExampleApis({ store: async () => t.store, clock: t.now, settings, events, deps: async () => deps });

  it('answers who is calling, with client credentials or a token, with no-store', async () => {
    const viaBasic = await apis.clientInfo(getFrom(freshIp(), basic(app.clientId, app.clientSecret)));
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.headers.get('cache-control')).toBe('no-store');
    expect(await body(viaBasic)).toEqual({ client_id: app.clientId, name: 'Test app', client_type: 'confidential', authenticated_with: 'client_secret_basic', scope: null, user: null });
    const viaToken = await apis.clientInfo(getFrom(freshIp(), { Authorization: `Bearer ${await tokenFor('read')}` }));
    expect(await body(viaToken)).toMatchObject({ client_id: app.clientId, authenticated_with: 'access_token', scope: 'read' });
  });
});
