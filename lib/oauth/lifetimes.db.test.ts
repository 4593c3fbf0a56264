/**
 * Issue 19: an application's own token lifetimes (RFC 6749 §5.1 expires_in, RFC 7662 §2.2 exp,
 * OIDC Core §2 exp) and its refresh token switch (DOT's refresh_token_allowed).
 */
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const CB = 'https://client.example/cb';

describe(`per-application lifetimes on ${testDatabaseKind}`, () => {
  it('RFC 6749 §5.1: expires_in and RFC 7662 §2.2 exp follow the access token lifetime', async () => {
    const app = await t.application({ accessTokenLifetime: 120 });
    const res = await body(await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret))));
    expect(res.expires_in).toBe(120);
    const info = await t.introspect(app, String(res.access_token));
    expect(info.exp).toBe(Math.floor(t.now().getTime() / 1000) + 120);
    t.advance(121);
    expect(await t.introspect(app, String(res.access_token))).toEqual({ active: false });
  });

  it('without an override the setting applies', async () => {
    const app = await t.application();
    const res = await body(await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret))));
    expect(res.expires_in).toBe(t.settings.accessTokenExpireSeconds);
  });

  it('OIDC Core §2: the ID token exp follows the ID token lifetime', async () => {
    const app = await t.application({ idTokenLifetime: 300 });
    const user = await t.user();
    const code = await t.authorizeCode(app, user.id, { redirect_uri: CB, scope: 'openid' });
    const res = await body(await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: CB }, basic(app.clientId, app.clientSecret))));
    const claims = decodeJwt(String(res.id_token));
    expect(claims.exp! - claims.iat!).toBe(300);
  });

  it('RFC 6749 §6: a refresh token older than the application refresh lifetime is invalid_grant', async () => {
    const app = await t.application({ refreshTokenLifetime: 600 });
    const user = await t.user();
    const tokens = await t.passwordGrant(app, user);
    t.advance(601);
    const res = await t.refresh(app, tokens.refresh_token);
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({ error: 'invalid_grant', error_description: 'refresh token has expired' });
  });

  it('"Issue refresh tokens" off: the code and password grants answer without refresh_token', async () => {
    const app = await t.application({ issueRefreshTokens: false });
    const user = await t.user();
    const pw = await body(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret))));
    expect(pw.access_token).toBeTruthy();
    expect(pw).not.toHaveProperty('refresh_token');
    const code = await t.authorizeCode(app, user.id, { redirect_uri: CB });
    const ac = await body(await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: CB }, basic(app.clientId, app.clientSecret))));
    expect(ac).not.toHaveProperty('refresh_token');
  });

  it('lifetimes out of bounds are refused by the service, naming the field', async () => {
    await expect(t.application({ accessTokenLifetime: 5 })).rejects.toMatchObject({ field: 'accessTokenLifetime' });
    await expect(t.application({ refreshTokenLifetime: 10 ** 9 })).rejects.toMatchObject({ field: 'refreshTokenLifetime' });
    await expect(t.application({ idTokenLifetime: 1.5 })).rejects.toMatchObject({ field: 'idTokenLifetime' });
  });

  it('RFC 7591: dynamic registration ignores lifetime fields', async () => {
    const { createOAuthServer } = await import('@/lib/oauth');
    const server = createOAuthServer({ ...t.deps, settings: { ...t.settings, clients: { ...t.settings.clients, dynamicRegistration: 'public' } } });
    const { jsonPost } = await import('@/lib/testing/oauth');
    const reg = await body(
      await server.register(jsonPost('/o/register', { redirect_uris: ['http://localhost/cb'], token_endpoint_auth_method: 'none', access_token_lifetime: 5, accessTokenLifetime: 5 })),
    );
    const client = await t.store.findApplicationByClientId(String(reg.client_id));
    expect(client!.accessTokenLifetime).toBeNull();
  });
});
