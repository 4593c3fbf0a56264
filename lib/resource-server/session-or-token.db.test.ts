/**
 * DRF's IsAuthenticatedOrTokenHasScope and DOT's OAuth2TokenMiddleware + OAuth2Backend as
 * withOAuth({ allowSession: true }), through /api/notes as the route configures it, over a test
 * database: the session as full access, the Origin check on unsafe methods (CSRF), and a token,
 * when sent, deciding alone (RFC 6750). The session here is the signed-in user the app's session
 * reader would return (the real cookie is exercised in Chromium by e2e/resource-toolkit.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { BASE, basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createExampleApis } from './example-apis';
import { createNotesStore } from './example-notes';
import type { SessionUser } from './session-access';
import { withOAuth } from './with-oauth';

const t = await createTestServer();
const app = await t.application({ grantTypes: ['client_credentials', 'password'] });
const alice = await t.user();
const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null };

let signedIn: SessionUser | null = null;
const notesStore = createNotesStore();
const apis = createExampleApis({ store: async () => t.store, clock: t.now, settings, session: async () => signedIn, notes: () => notesStore });

const NOTES = `${BASE}/api/notes`;
const asAlice = () => (signedIn = { userId: alice.id, email: alice.email });
const get = (headers: Record<string, string> = {}) => apis.notes(new Request(NOTES, { headers }));
const post = (text: string, headers: Record<string, string> = {}) =>
  apis.notes(new Request(NOTES, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ text }) }));

async function userToken(scope: string): Promise<string> {
  const res = await t.server.token(form('/o/token', { grant_type: 'password', username: alice.email, password: alice.password, scope }, basic(app.clientId, app.clientSecret)));
  expect(res.status).toBe(200);
  return String((await body(res)).access_token);
}

describe(`DRF IsAuthenticatedOrTokenHasScope → withOAuth({ allowSession: true }) at /api/notes, on ${testDatabaseKind}`, () => {
  it('the signed-in session is full access for a safe method, without any scope', async () => {
    asAlice();
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await body(res)).toMatchObject({ notes: [], user: alice.email, scope: null, via: 'session' });
  });

  it('CSRF: a POST with the session and this site\'s Origin is stored (201), and listed after', async () => {
    asAlice();
    const res = await post('from my own page', { Origin: BASE });
    expect(res.status).toBe(201);
    expect(await body(res)).toMatchObject({ note: { text: 'from my own page' }, user: alice.email, via: 'session' });
    expect(((await body(await get())).notes as { text: string }[]).map((n) => n.text)).toContain('from my own page');
  });

  it('CSRF: the Origin may also be the Host the browser addressed (a deployment reached under another name)', async () => {
    asAlice();
    const res = await apis.notes(new Request('http://localhost:3000/api/notes', { method: 'POST', headers: { Host: 'localhost:3000', Origin: 'http://localhost:3000' }, body: 'same host' }));
    expect(res.status).toBe(201);
  });

  it('CSRF: a POST with the session from another site\'s Origin is 403 access_denied, and nothing is stored', async () => {
    asAlice();
    for (const origin of ['https://evil.example', 'null', `${BASE}.evil.example`]) {
      const res = await post(`forged from ${origin}`, { Origin: origin });
      expect(res.status).toBe(403);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await body(res)).error).toBe('access_denied');
    }
    expect(((await body(await get())).notes as { text: string }[]).some((n) => n.text.startsWith('forged'))).toBe(false);
  });

  it('CSRF: a POST with the session and no Origin at all is 403 (browsers always send one; other clients use a token)', async () => {
    asAlice();
    const res = await post('no origin');
    expect(res.status).toBe(403);
    expect(await body(res)).toMatchObject({ error: 'access_denied', error_description: expect.stringContaining('Origin') });
  });

  it('RFC 6750 §3.1: with neither a session nor a token, 401 with the bare Bearer challenge naming the metadata', async () => {
    signedIn = null;
    for (const res of [await get(), await post('x', { Origin: BASE })]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${BASE}/.well-known/oauth-protected-resource"`);
    }
  });

  it('RFC 6750 §3.1: a token, when sent, decides alone: a read-only token cannot POST even with a session, a bad one is invalid_token', async () => {
    asAlice();
    const readOnly = await userToken('read');
    const res = await post('with a token', { Origin: BASE, Authorization: `Bearer ${readOnly}` });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope"/);
    const bad = await get({ Authorization: 'Bearer revoked-or-made-up' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('DOT ReadWriteScopedResourceView still holds for tokens: read for GET, write for POST, no Origin needed; the same user sees the same notes', async () => {
    signedIn = null;
    const write = await userToken('read write');
    const created = await post('from an app', { Authorization: `Bearer ${write}` });
    expect(created.status).toBe(201);
    expect(await body(created)).toMatchObject({ via: 'access_token', user: alice.email });
    asAlice();
    expect(((await body(await get())).notes as { text: string }[]).map((n) => n.text)).toContain('from an app');
  });

  it('a client_credentials token has notes of its own (no user)', async () => {
    signedIn = null;
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read write' }, basic(app.clientId, app.clientSecret)));
    const token = String((await body(res)).access_token);
    expect((await post('machine note', { Authorization: `Bearer ${token}` })).status).toBe(201);
    const listed = await body(await get({ Authorization: `Bearer ${token}` }));
    expect((listed.notes as { text: string }[]).map((n) => n.text)).toEqual(['machine note']);
  });

  it('a POST without text is 400 invalid_request', async () => {
    asAlice();
    const res = await post('   ', { Origin: BASE });
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_request');
  });

  it('trustedOrigins lets a named sibling site use the session; others stay refused', async () => {
    asAlice();
    const api = withOAuth(async (_req, { session }) => Response.json({ user: session?.email }), {
      store: async () => t.store,
      settings,
      allowSession: true,
      session: async () => signedIn,
      trustedOrigins: ['https://app.example.com'],
    });
    const from = (origin: string) => api(new Request(`${BASE}/api/thing`, { method: 'DELETE', headers: { Origin: origin } }));
    expect((await from('https://app.example.com')).status).toBe(200);
    expect((await from('https://other.example.com')).status).toBe(403);
  });
});
