/**
 * The resource-server toolkit with a declared resource: RFC 8707 audience checks (local mode,
 * and remote mode reading `aud` from this server's real introspection endpoint) and the
 * RFC 9728 §5.1 `resource_metadata` in every challenge.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, BASE, body, createTestServer } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { withOAuth, type WithOAuthOptions } from './with-oauth';

const t = await createTestServer();
const app = await t.application();
const auth = basic(app.clientId, app.clientSecret);
const MCP = `${BASE}/api/mcp`;
const METADATA = `${BASE}/.well-known/oauth-protected-resource/api/mcp`;
const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null };

async function tokenFor(resource?: string): Promise<string> {
  const params = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' });
  if (resource) params.append('resource', resource);
  const res = await t.server.token(new Request(`${BASE}/o/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth }, body: params.toString() }));
  expect(res.status).toBe(200);
  return String((await body(res)).access_token);
}

const ok = async () => Response.json({ ok: true });
function local(opts: Partial<WithOAuthOptions> = {}) {
  return withOAuth(ok, { store: async () => t.store, clock: t.now, settings, resource: '/api/mcp', ...opts });
}
const call = (h: (r: Request) => Promise<Response>, token?: string) =>
  h(new Request(MCP, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} }));

describe(`RFC 8707 audience in the toolkit, local mode, on ${testDatabaseKind}`, () => {
  it('accepts a token whose audience is this API', async () => {
    expect((await call(local(), await tokenFor(MCP))).status).toBe(200);
  });

  it('RFC 6750 §3.1: answers 401 invalid_token, naming the metadata, for a token meant for another resource', async () => {
    const res = await call(local(), await tokenFor(BASE));
    expect(res.status).toBe(401);
    const challenge = res.headers.get('www-authenticate')!;
    expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    expect(challenge).toContain(`resource_metadata="${METADATA}"`);
    expect((await res.json()).error).toBe('invalid_token');
  });

  it('accepts a token with no audience by default, refuses it with requireAudience', async () => {
    const token = await tokenFor();
    expect((await call(local(), token)).status).toBe(200);
    const res = await call(local({ requireAudience: true }), token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('an API without a declared resource ignores audience (unchanged behaviour)', async () => {
    const res = await call(withOAuth(ok, { store: async () => t.store, clock: t.now, settings }), await tokenFor(BASE));
    expect(res.status).toBe(200);
  });

  it('an absolute resource URI is used as is', async () => {
    const h = local({ resource: 'https://api.example/v1' });
    expect((await call(h, await tokenFor(MCP))).status).toBe(401);
  });
});

describe('RFC 9728 §5.1 WWW-Authenticate resource_metadata', () => {
  it('a request with no token gets `Bearer resource_metadata="…"`, without an error code or body', async () => {
    const res = await call(local());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${METADATA}"`);
    expect(await res.text()).toBe('');
  });

  it('an invalid token gets the error and the metadata URL', async () => {
    const res = await call(local(), 'not-a-token');
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer error="invalid_token", error_description="the access token is invalid, expired or revoked", resource_metadata="${METADATA}"`,
    );
  });

  it('insufficient_scope (403) names the scope and the metadata URL', async () => {
    const res = await call(local({ scopes: ['write'] }), await tokenFor(MCP));
    expect(res.status).toBe(403);
    const challenge = res.headers.get('www-authenticate')!;
    expect(challenge).toMatch(/^Bearer error="insufficient_scope"/);
    expect(challenge).toContain('scope="write"');
    expect(challenge).toContain(`resource_metadata="${METADATA}"`);
  });

  it('the metadata URL follows OAUTH2_ISSUER’s origin, or the request’s host without it', async () => {
    const h = withOAuth(ok, { store: async () => t.store, settings: { ...settings, issuer: null }, resource: '/api/mcp' });
    const res = await h(new Request('http://localhost:3000/api/mcp', { method: 'POST', headers: { host: 'localhost:3000' } }));
    expect(res.headers.get('www-authenticate')).toBe('Bearer resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/api/mcp"');
  });
});

describe(`RFC 8707 audience in the toolkit, remote mode (RFC 7662 aud), on ${testDatabaseKind}`, () => {
  // This server's introspection endpoint over real HTTP, as another app's toolkit would call it.
  const as = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = await t.server.introspect(
        new Request(`${BASE}/o/introspect`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(await answer.text());
    });
  });
  let remote: (r: Request) => Promise<Response>;
  let strict: (r: Request) => Promise<Response>;
  beforeAll(async () => {
    await new Promise<void>((r) => as.listen(0, '127.0.0.1', r));
    const resourceServer = {
      introspectionUrl: `http://127.0.0.1:${(as.address() as AddressInfo).port}/o/introspect`,
      authToken: null,
      credentials: { clientId: app.clientId, clientSecret: app.clientSecret },
      cachingSeconds: 0,
    };
    const remoteSettings = { readScope: 'read', writeScope: 'write', errorResponseWithScopes: false, allowTokenInQuery: false, resourceServer };
    remote = withOAuth(ok, { settings: remoteSettings, resource: MCP });
    strict = withOAuth(ok, { settings: remoteSettings, resource: MCP, requireAudience: true });
  });
  afterAll(() => new Promise<void>((r) => as.close(() => r())));

  it('accepts a token whose introspected aud is this API', async () => {
    expect((await call(remote, await tokenFor(MCP))).status).toBe(200);
  });

  it('answers 401 invalid_token with resource_metadata for a token whose aud is another resource', async () => {
    const res = await call(remote, await tokenFor(BASE));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token".*resource_metadata="https:\/\/as\.example\/\.well-known\/oauth-protected-resource\/api\/mcp"$/);
  });

  it('a token without aud passes unless requireAudience', async () => {
    const token = await tokenFor();
    expect((await call(remote, token)).status).toBe(200);
    expect((await call(strict, token)).status).toBe(401);
  });
});
