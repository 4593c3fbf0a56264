/**
 * verifyAccessToken(req, rules), the toolkit's one token check (Authlib's
 * ResourceProtector.acquire_token), used imperatively as a server action or proxy.ts would; and
 * scope rules computed per request (DOT's ScopedResourceMixin.get_scopes()) and per method
 * (TokenMatchesOASRequirements), through real requests over a test database.
 */
import { describe, expect, it, vi } from 'vitest';
import { BASE, basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { AccessError } from './access-error';
import { withClientAuth } from './with-client-auth';
import { verifyAccessToken, withOAuth, type WithOAuthOptions } from './with-oauth';

const t = await createTestServer();
const app = await t.application({ grantTypes: ['client_credentials'] });
const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null, errorResponseWithScopes: true };
const base: WithOAuthOptions = { store: async () => t.store, clock: t.now, settings };

async function tokenFor(scope: string): Promise<string> {
  const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope }, basic(app.clientId, app.clientSecret)));
  expect(res.status).toBe(200);
  return String((await body(res)).access_token);
}

const request = (path: string, token?: string, method = 'GET') => new Request(`${BASE}${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
const ok = async () => Response.json({ ok: true });

/** What a proxy.ts (or any code that is not a route handler) does with it. */
async function proxyLike(req: Request, rules: WithOAuthOptions): Promise<Response> {
  try {
    const token = await verifyAccessToken(req, rules);
    return Response.json({ client_id: token.clientId, scope: token.scope });
  } catch (e) {
    if (e instanceof AccessError) return e.toResponse();
    throw e;
  }
}

async function sameResponse(a: Response, b: Response) {
  expect(a.status).toBe(b.status);
  for (const h of ['www-authenticate', 'cache-control', 'content-type']) expect(a.headers.get(h), h).toBe(b.headers.get(h));
  expect(await a.text()).toBe(await b.text());
}

describe(`Authlib ResourceProtector.acquire_token → verifyAccessToken(req, rules), on ${testDatabaseKind}`, () => {
  it('returns the verified token', async () => {
    const token = await verifyAccessToken(request('/x', await tokenFor('read write')), { ...base, scopes: ['write'] });
    expect(token).toMatchObject({ clientId: app.clientId, scope: 'read write', userId: null });
  });

  it('RFC 6750 §3.1: throws an AccessError whose response is exactly what withOAuth answers (no token, bad token, missing scope)', async () => {
    const rules = { ...base, scopes: ['write'], resource: '/' };
    const wrapped = withOAuth(ok, rules);
    const readOnly = await tokenFor('read');
    for (const token of [undefined, 'not-a-token', readOnly]) {
      await sameResponse(await proxyLike(request('/x', token), rules), await wrapped(request('/x', token)));
    }
    const thrown = await verifyAccessToken(request('/x', readOnly), rules).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(AccessError);
    expect(thrown).toMatchObject({ status: 403, code: 'insufficient_scope', missingCredentials: false });
    const missing = await verifyAccessToken(request('/x'), rules).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status: 401, code: null, missingCredentials: true });
  });

  it('a handler may call it (or verifyClient) halfway and throw: withOAuth answers the refusal', async () => {
    const api = withOAuth(async (req) => {
      if (new URL(req.url).searchParams.has('admin')) await verifyAccessToken(req, { ...base, scopes: ['write'] });
      return Response.json({ ok: true });
    }, base);
    const readOnly = await tokenFor('read');
    expect((await api(request('/x', readOnly))).status).toBe(200);
    const res = await api(request('/x?admin', readOnly));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope"/);
  });
});

describe(`DOT ScopedResourceMixin.get_scopes() → scopes as a function of the request, on ${testDatabaseKind}`, () => {
  // A calendar API: reading your own calendar needs read; a shared one needs read and write.
  const scopesFor = vi.fn(async (req: Request) => (new URL(req.url).searchParams.get('calendar') === 'shared' ? ['read', 'write'] : ['read']));

  it('RFC 6750 §3.1: the scopes are computed for each request, once, and a missing one is 403 naming them', async () => {
    const api = withOAuth(ok, { ...base, scopes: scopesFor });
    const readOnly = await tokenFor('read');
    scopesFor.mockClear();
    expect((await api(request('/api/calendar', readOnly))).status).toBe(200);
    const res = await api(request('/api/calendar?calendar=shared', readOnly));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('scope="read write"');
    expect(scopesFor).toHaveBeenCalledTimes(2);
    expect((await api(request('/api/calendar?calendar=shared', await tokenFor('read write')))).status).toBe(200);
  });

  it('works for the token fallback of withClientAuth and for verifyAccessToken', async () => {
    const api = withClientAuth(ok, { ...base, allowToken: true, scopes: scopesFor, deps: async () => t.deps });
    const readOnly = await tokenFor('read');
    expect((await api(request('/api/calendar', readOnly))).status).toBe(200);
    expect((await api(request('/api/calendar?calendar=shared', readOnly))).status).toBe(403);
    await expect(verifyAccessToken(request('/api/calendar?calendar=shared', readOnly), { ...base, scopes: scopesFor })).rejects.toBeInstanceOf(AccessError);
  });
});

describe(`DOT TokenMatchesOASRequirements → alternateScopes, on ${testDatabaseKind}`, () => {
  const api = withOAuth(ok, { ...base, alternateScopes: { GET: [['read']], POST: [['write'], ['post', 'widget']] } });

  it('a token holding one whole alternative for the method passes; a method not listed is 403', async () => {
    const read = await tokenFor('read');
    expect((await api(request('/songs', read))).status).toBe(200);
    const post = await api(request('/songs', read, 'POST'));
    expect(post.status).toBe(403);
    expect(post.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope"/);
    expect((await api(request('/songs', await tokenFor('read write'), 'POST'))).status).toBe(200);
    expect((await api(request('/songs', await tokenFor('read write'), 'DELETE'))).status).toBe(403);
  });
});
