import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOAuth } from './with-oauth';

/** A stand-in authorization server's introspection endpoint, counting calls. */
let answers: Record<string, object> = {};
let calls = 0;
let lastAuth = '';
let down = false;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    calls++;
    lastAuth = req.headers.authorization ?? '';
    if (down) {
      res.writeHead(502).end();
      return;
    }
    const token = new URLSearchParams(body).get('token') ?? '';
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answers[token] ?? { active: false }));
  });
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/o/introspect`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let now = Date.now();
function protect(cachingSeconds: number, auth: { authToken?: string; credentials?: { clientId: string; clientSecret: string } } = { authToken: 'rs-token' }) {
  return withOAuth(async (_req, { token }) => Response.json({ user: token.username, scope: token.scope }), {
    scopes: ['read'],
    clock: () => new Date(now),
    settings: {
      readScope: 'read',
      writeScope: 'write',
      errorResponseWithScopes: false,
      allowTokenInQuery: false,
      resourceServer: { introspectionUrl: url, authToken: auth.authToken ?? null, credentials: auth.credentials ?? null, cachingSeconds },
    },
  });
}
const call = (h: (r: Request) => Promise<Response>, token: string) => h(new Request('https://rs.example/api', { headers: { Authorization: `Bearer ${token}` } }));

describe('remote mode: OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL (RFC 7662)', () => {
  it('accepts an active token, authenticating to the introspection endpoint with the auth token', async () => {
    answers = { good: { active: true, scope: 'read', username: 'alice@example.com', exp: Math.floor(now / 1000) + 3600 } };
    const res = await call(protect(0), 'good');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: 'alice@example.com', scope: 'read' });
    expect(lastAuth).toBe('Bearer rs-token');
  });

  it('uses client credentials (OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS) with Basic', async () => {
    answers = { good: { active: true, scope: 'read', exp: Math.floor(now / 1000) + 3600 } };
    await call(protect(0, { credentials: { clientId: 'rs', clientSecret: 's:x' } }), 'good');
    expect(Buffer.from(lastAuth.slice(6), 'base64').toString()).toBe('rs:s%3Ax');
  });

  it('refuses an inactive token (401) and a token without the scope (403)', async () => {
    answers = { narrow: { active: true, scope: 'write', exp: Math.floor(now / 1000) + 3600 } };
    expect((await call(protect(0), 'nope')).status).toBe(401);
    expect((await call(protect(0), 'narrow')).status).toBe(403);
  });

  it('caches for OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS, never past the token’s exp', async () => {
    const h = protect(60);
    answers = { cached: { active: true, scope: 'read', exp: Math.floor(now / 1000) + 10 } };
    calls = 0;
    expect((await call(h, 'cached')).status).toBe(200);
    answers = {}; // revoked at the authorization server
    expect((await call(h, 'cached')).status).toBe(200);
    expect(calls).toBe(1);
    now += 11_000; // past exp, though within the 60 s cache
    expect((await call(h, 'cached')).status).toBe(401);
    expect(calls).toBe(2);
  });

  it('fails closed with 503 when the authorization server is down', async () => {
    down = true;
    const res = await call(protect(0), 'whatever');
    down = false;
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe('temporarily_unavailable');
  });
});
