/**
 * Control characters in parameters (RFC 6749 §5.2 invalid_request): PostgreSQL text cannot hold
 * U+0000, so a NUL reaching a query answered 500. The parameter reader (http.ts readParams) and
 * the Basic header parser refuse every C0 control and DEL before anything is looked up.
 */
import { describe, expect, it } from 'vitest';
import { createOAuthServer } from '@/lib/oauth';
import { BASE, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();

/** A Basic header carrying this exact client id (no form-encoding, so the NUL arrives as sent). */
const rawBasic = (id: string, secret: string) => ({ Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

async function expectInvalidRequest(res: Response, parameter = 'client_id') {
  expect(res.status).toBe(400);
  expect(await body(res)).toEqual({ error: 'invalid_request', error_description: `parameter '${parameter}' contains a control character` });
}

/** Browser endpoints answer on our error page (the client cannot be trusted with the redirect). */
function expectErrorPage(res: Response) {
  expect([302, 303]).toContain(res.status); // 303 after a POST (RFC 9700 §4.12)
  const to = new URL(res.headers.get('location')!, BASE);
  expect(to.pathname).toBe('/o/error');
  expect(to.searchParams.get('error')).toBe('invalid_request');
}

describe(`RFC 6749 §5.2: control characters in parameters are invalid_request, never a 500 (on ${testDatabaseKind})`, () => {
  it('/o/token: client_id=%00x', async () => {
    await expectInvalidRequest(await t.server.token(form('/o/token', { grant_type: 'client_credentials', client_id: '\u0000x' })));
  });

  it('/o/token: a NUL in any parameter, form or JSON (code, refresh_token, username)', async () => {
    const app = await t.application();
    const auth = { client_id: app.clientId, client_secret: app.clientSecret };
    await expectInvalidRequest(await t.server.token(form('/o/token', { grant_type: 'authorization_code', code: 'a\u0000b', ...auth })), 'code');
    await expectInvalidRequest(await t.server.token(jsonPost('/o/token', { grant_type: 'refresh_token', refresh_token: '\u0000', ...auth })), 'refresh_token');
    await expectInvalidRequest(await t.server.token(form('/o/token', { grant_type: 'password', username: 'a\u0000@b.c', password: 'x', ...auth })), 'username');
    // RFC 6749 Appendix A: a password may hold a TAB (UNICODECHARNOCRLF), nothing else may.
    const user = await t.user(undefined, 'tab\tpassword');
    const tab = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, ...auth }));
    expect(tab.status).toBe(200);
    await expectInvalidRequest(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: 'line\nbreak', ...auth })), 'password');
    // Other controls too (a tab, an escape, DEL): no other OAuth parameter holds one.
    for (const c of ['\t', '\n', '\u001b', '\u007f']) {
      await expectInvalidRequest(await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: `read${c}write`, ...auth })), 'scope');
    }
  });

  it('/o/introspect and /o/revoke_token: client_id=%00x', async () => {
    await expectInvalidRequest(await t.server.introspect(form('/o/introspect', { token: 'x', client_id: '\u0000x', client_secret: 's' })));
    await expectInvalidRequest(await t.server.revoke(form('/o/revoke_token', { token: 'x', client_id: '\u0000x' })));
    // GET /o/introspect is refused before any parameter is read (POST only, RFC 7662 §2.1).
    expect((await t.server.introspect(get('/o/introspect', { token: 'x', client_id: '\u0000x' }))).status).toBe(405);
  });

  it('RFC 6749 §2.3.1: a NUL inside the Basic client id is invalid_client (401 with the Basic challenge)', async () => {
    for (const call of [
      () => t.server.token(form('/o/token', { grant_type: 'client_credentials' }, rawBasic('\u0000x', 's'))),
      () => t.server.introspect(form('/o/introspect', { token: 'x' }, rawBasic('%00x', 's'))),
      () => t.server.revoke(form('/o/revoke_token', { token: 'x' }, rawBasic('x', 's\u0000'))),
    ]) {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(await body(res)).toEqual({ error: 'invalid_client', error_description: 'control characters are not allowed in client credentials' });
    }
  });

  it('/o/authorize: client_id=%00x goes to our error page as invalid_request', async () => {
    expectErrorPage(await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: '\u0000x' })));
    expectErrorPage(await t.server.authorize(get('/o/authorize', { pending: '\u0000' })));
  });

  it('/o/logout: client_id=%00x goes to our error page as invalid_request', async () => {
    expectErrorPage(await t.server.logout(get('/o/logout', { client_id: '\u0000x', post_logout_redirect_uri: 'https://client.example/' })));
    expectErrorPage(await t.server.logout(form('/o/logout', { client_id: '\u0000x' })));
  });

  it('RFC 7591 §3.2.2: a control character in registered metadata is invalid_client_metadata; in a configuration URL, an unknown client', async () => {
    const open = createOAuthServer({ ...t.deps, settings: { ...t.settings, clients: { ...t.settings.clients, dynamicRegistration: 'public' } } });
    const agent = { client_name: 'Agent', redirect_uris: ['http://localhost/callback'], token_endpoint_auth_method: 'none' };
    for (const [field, metadata] of [
      ['client_name', { ...agent, client_name: 'A\u0000gent' }],
      ['redirect_uris', { ...agent, redirect_uris: ['http://localhost/call\u0000back'] }],
    ] as const) {
      const res = await open.register(jsonPost('/o/register', metadata));
      expect(res.status).toBe(400);
      expect(await body(res)).toEqual({ error: 'invalid_client_metadata', error_description: `${field} contains a control character` });
    }
    for (const id of ['%00x', '%E0']) {
      const res = await open.clientConfiguration(new Request(`${BASE}/o/register/${id}`, { headers: { Authorization: 'Bearer x' } }));
      expect(res.status).toBe(401);
      expect((await body(res)).error).toBe('invalid_token');
    }
  });
});
