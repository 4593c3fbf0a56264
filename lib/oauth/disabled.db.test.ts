/**
 * Disabled applications and users (set by an operator: console, `manage disableapplication`,
 * `manage disableuser`), as clients and resource servers see them: RFC 6749 §5.2 invalid_client
 * wherever the client authenticates, the error page at /o/authorize, and their tokens inactive
 * at introspection (RFC 7662 §2.2), userinfo (RFC 6750 §3.1) and the resource toolkit. Enabling
 * again restores them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setApplicationDisabled } from '@/lib/db/admin-applications';
import { setUserDisabled } from '@/lib/db/admin-users';
import { passwordSignIn } from '@/lib/auth/password-sign-in';
import { withOAuth } from '@/lib/resource-server/with-oauth';
import { basic, BASE, body, createTestServer, form, get } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;
let t: T;
let rs: App;

beforeAll(async () => {
  t = await createTestServer();
  rs = await t.application({ name: 'Resource server', grantTypes: ['client_credentials'], resourceServer: true });
});

const token = (app: App, params: Record<string, string>) => t.server.token(form('/o/token', params, basic(app.clientId, app.clientSecret)));
const introspect = async (tok: string) => body(await t.server.introspect(form('/o/introspect', { token: tok }, basic(rs.clientId, rs.clientSecret))));
const userinfo = (tok: string) => t.server.userinfo(get('/o/userinfo', {}, { Authorization: `Bearer ${tok}` }));
const api = withOAuth(async () => Response.json({ ok: true }), { store: async () => t.store, clock: () => t.now() });
const callApi = (tok: string) => api(new Request(`${BASE}/api/hello`, { headers: { Authorization: `Bearer ${tok}` } }));

async function userTokens(app: App, user: { email: string; password: string }) {
  const res = await token(app, { grant_type: 'password', username: user.email, password: user.password, scope: 'openid read' });
  expect(res.status).toBe(200);
  return (await body(res)) as { access_token: string; refresh_token: string };
}

describe('a disabled application', () => {
  it('RFC 6749 §5.2: the token endpoint answers 401 invalid_client, with the Basic challenge', async () => {
    const app = await t.application();
    await setApplicationDisabled(t.db, app.id, true, t.now());
    const res = await token(app, { grant_type: 'client_credentials' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await body(res)).toMatchObject({ error: 'invalid_client' });
  });

  it('RFC 7009 §2.1 and RFC 7662 §2.1: revocation and introspection refuse it as a caller (invalid_client)', async () => {
    const app = await t.application({ resourceServer: true });
    const { access_token } = await userTokens(app, await t.user());
    await setApplicationDisabled(t.db, app.id, true, t.now());
    const revoke = await t.server.revoke(form('/o/revoke_token', { token: access_token }, basic(app.clientId, app.clientSecret)));
    expect(revoke.status).toBe(401);
    expect((await body(revoke)).error).toBe('invalid_client');
    const intro = await t.server.introspect(form('/o/introspect', { token: access_token }, basic(app.clientId, app.clientSecret)));
    expect(intro.status).toBe(401);
  });

  it('RFC 6749 §4.1.2.1: /o/authorize shows the error page and never redirects to the client', async () => {
    const app = await t.application({ name: 'Misbehaving app' });
    await setApplicationDisabled(t.db, app.id, true, t.now());
    t.signIn((await t.user()).id);
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!, BASE);
    expect(location.pathname).toBe('/o/error');
    expect(location.searchParams.get('error')).toBe('invalid_client');
    expect(location.searchParams.get('error_description')).toContain('Misbehaving app has been disabled');
  });

  it('RFC 7662 §2.2, RFC 6750 §3.1: its tokens are inactive at introspection, userinfo and the toolkit; enabling restores them', async () => {
    const app = await t.application();
    const { access_token, refresh_token } = await userTokens(app, await t.user());
    expect((await introspect(access_token)).active).toBe(true);
    await setApplicationDisabled(t.db, app.id, true, t.now());
    expect(await introspect(access_token)).toEqual({ active: false });
    const info = await userinfo(access_token);
    expect(info.status).toBe(401);
    expect(info.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    expect((await callApi(access_token)).status).toBe(401);
    // The refresh token cannot be used either: the client cannot authenticate.
    expect((await token(app, { grant_type: 'refresh_token', refresh_token })).status).toBe(401);
    await setApplicationDisabled(t.db, app.id, false, t.now());
    expect((await introspect(access_token)).active).toBe(true);
    expect((await callApi(access_token)).status).toBe(200);
  });
});

describe('a disabled user', () => {
  it('RFC 7662 §2.2: their tokens are inactive at once, at introspection, userinfo and the toolkit', async () => {
    const app = await t.application();
    const user = await t.user();
    const { access_token } = await userTokens(app, user);
    await setUserDisabled(t.db, user.id, true, t.now());
    expect(await introspect(access_token)).toEqual({ active: false });
    expect((await userinfo(access_token)).status).toBe(401);
    expect((await callApi(access_token)).status).toBe(401);
  });

  it('RFC 6749 §5.2: the password grant answers invalid_grant', async () => {
    const app = await t.application();
    const user = await t.user();
    await setUserDisabled(t.db, user.id, true, t.now());
    const res = await token(app, { grant_type: 'password', username: user.email, password: user.password });
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ error: 'invalid_grant' });
  });

  it('sign-in with the right password is refused as disabled; a wrong one still says only "wrong credentials"', async () => {
    const user = await t.user();
    await setUserDisabled(t.db, user.id, true, t.now());
    const deps = { store: t.store, verifyPassword: async (hash: string | null, pw: string) => hash === `hash:${pw}` };
    expect((await passwordSignIn(deps, '203.0.113.1', user.email, user.password)).outcome).toBe('disabled');
    expect((await passwordSignIn(deps, '203.0.113.1', user.email, 'wrong')).outcome).toBe('wrong_credentials');
    await setUserDisabled(t.db, user.id, false, t.now());
    expect((await passwordSignIn(deps, '203.0.113.1', user.email, user.password)).outcome).toBe('signed_in');
  });
});
