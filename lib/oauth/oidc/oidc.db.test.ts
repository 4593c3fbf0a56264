/**
 * OpenID Connect with real relying-party libraries (openid-client, oauth4webapi) talking to the
 * engine in-process: discovery, code flow with PKCE and nonce, id_token verified against the
 * JWKS, userinfo, key rotation, logout; and the checks those libraries make, failing as they should.
 */
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import * as oauth from 'oauth4webapi';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { BASE, createTestServer, engineFetch, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ keyRotationGraceSeconds: 3600 });
const CB = 'https://rp.example/cb';
const fetchFn = engineFetch(t.server) as unknown as client.CustomFetch;

async function relyingParty(input: Parameters<typeof t.application>[0] = {}) {
  const app = await t.application({
    redirectUris: [CB],
    postLogoutRedirectUris: ['https://rp.example/bye'],
    grantTypes: ['authorization_code'],
    ...input,
  });
  const config = await client.discovery(new URL(BASE), app.clientId, app.clientSecret, undefined, { [client.customFetch]: fetchFn });
  config[client.customFetch] = fetchFn;
  return { app, config };
}

/** The browser part: a signed-in user approves on the consent page; returns the callback URL. */
async function browserApproves(authUrl: URL, userId: string): Promise<URL> {
  t.signIn(userId);
  const res = await t.server.authorize(new Request(authUrl));
  const location = new URL(res.headers.get('location')!, BASE);
  if (location.pathname !== '/o/consent') return location;
  const to = await t.server.decideAuthorization(location.searchParams.get('request')!, { userId, authTime: Math.floor(t.now().getTime() / 1000) }, { allow: true });
  return new URL(to!);
}

async function codeFlow(scope = 'openid profile email', input: Parameters<typeof t.application>[0] = {}) {
  const { app, config } = await relyingParty(input);
  const user = await t.user();
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CB,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
  });
  const callback = await browserApproves(url, user.id);
  const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state });
  return { app, config, user, tokens, nonce };
}

describe(`OpenID Connect on ${testDatabaseKind}`, () => {
  it('OIDC Discovery §4: openid-client discovers the issuer, consistent with RFC 8414 metadata', async () => {
    const { config } = await relyingParty();
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(BASE);
    expect(meta.jwks_uri).toBe(`${BASE}/o/.well-known/jwks.json`);
    expect(meta.userinfo_endpoint).toBe(`${BASE}/o/userinfo`);
    expect(meta.id_token_signing_alg_values_supported).toEqual(['RS256', 'ES256']);
    const rfc8414 = await (await t.server.metadata(get('/.well-known/oauth-authorization-server'))).json();
    for (const key of ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint', 'revocation_endpoint', 'introspection_endpoint']) {
      expect(meta[key]).toBe(rfc8414[key]);
    }
  });

  it('OIDC Core §3.1.3.7: the code flow with PKCE and nonce yields an id_token the library verifies', async () => {
    const { tokens, app, user, nonce } = await codeFlow();
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ iss: BASE, sub: user.id, aud: app.clientId, nonce, azp: app.clientId, email: user.email, name: 'Test User' });
    expect(claims.auth_time).toBeTypeOf('number');
    expect(claims.at_hash).toBeTypeOf('string');
    expect(tokens.refresh_token).toBeTypeOf('string');
  });

  it('OIDC Core §5.3: userinfo returns the claims the scopes allow', async () => {
    const { config, tokens, user } = await codeFlow('openid email');
    const info = await client.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toEqual({ sub: user.id, email: user.email, email_verified: true });
  });

  it('RFC 6750 §3.1: userinfo without a valid token answers 401 with a Bearer challenge', async () => {
    const none = await t.server.userinfo(get('/o/userinfo'));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const bad = await t.server.userinfo(get('/o/userinfo', {}, { Authorization: 'Bearer nope' }));
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('userinfo needs the openid scope (403 insufficient_scope)', async () => {
    const app = await t.application({ grantTypes: ['password'] });
    const user = await t.user();
    const grant = await t.server.token(
      new Request(`${BASE}/o/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', username: user.email, password: user.password, scope: 'read', client_id: app.clientId, client_secret: app.clientSecret }),
      }),
    );
    const { access_token } = (await grant.json()) as { access_token: string };
    const res = await t.server.userinfo(get('/o/userinfo', {}, { Authorization: `Bearer ${access_token}` }));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('ES256 for applications registered for it', async () => {
    const { tokens } = await codeFlow('openid', { algorithm: 'ES256' });
    expect(JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString()).alg).toBe('ES256');
  });

  it('§12.2: a refresh returns a new id_token for the same subject', async () => {
    const { config, tokens, user } = await codeFlow();
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.claims()?.sub).toBe(user.id);
  });

  it('RFC 7517: key rotation keeps old id_tokens verifiable until the retired key’s grace period ends', async () => {
    const { tokens } = await codeFlow();
    const oldKid = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString()).kid;
    await t.keys.rotate(t.settings.keyRotationGraceSeconds);
    const jwks = async () => (await t.server.jwks(get('/o/.well-known/jwks.json'))).json();
    const after = await jwks();
    expect(after.keys.map((k: { kid: string }) => k.kid)).toContain(oldKid);
    await jwtVerify(tokens.id_token!, createLocalJWKSet(after), { issuer: BASE });
    const fresh = await codeFlow();
    expect(JSON.parse(Buffer.from(fresh.tokens.id_token!.split('.')[0]!, 'base64url').toString()).kid).not.toBe(oldKid);
    t.advance(3601);
    const expired = await jwks();
    expect(expired.keys.map((k: { kid: string }) => k.kid)).not.toContain(oldKid);
    await expect(jwtVerify(tokens.id_token!, createLocalJWKSet(expired))).rejects.toThrow();
    t.advance(-3601);
  });

  describe('the relying party’s checks fail when they should', () => {
    async function tokenResponse(nonce: string) {
      const { app, config } = await relyingParty();
      const user = await t.user();
      const url = client.buildAuthorizationUrl(config, { redirect_uri: CB, scope: 'openid', nonce, code_challenge: await client.calculatePKCECodeChallenge('a'.repeat(43)), code_challenge_method: 'S256' });
      const callback = await browserApproves(url, user.id);
      const res = await t.server.token(
        new Request(`${BASE}/o/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: CB, code_verifier: 'a'.repeat(43), client_id: app.clientId, client_secret: app.clientSecret }),
        }),
      );
      const as = await oauth.processDiscoveryResponse(new URL(BASE), await t.server.discovery(get('/.well-known/openid-configuration')));
      return { app, res, as };
    }

    it('a wrong nonce is rejected', async () => {
      const { app, res, as } = await tokenResponse('the-nonce');
      await expect(
        oauth.processAuthorizationCodeResponse(as, { client_id: app.clientId }, res, { expectedNonce: 'another-nonce' }),
      ).rejects.toThrow(/nonce/);
    });

    it('a wrong audience is rejected', async () => {
      const { res, as } = await tokenResponse('n1');
      await expect(oauth.processAuthorizationCodeResponse(as, { client_id: 'someone-else' }, res, { expectedNonce: 'n1' })).rejects.toThrow(/aud/);
    });

    it('an expired id_token is rejected', async () => {
      const past = await createTestServer({ clockOffsetSeconds: -2 * 86400, idTokenExpireSeconds: 60 });
      const app = await past.application({ redirectUris: [CB], grantTypes: ['authorization_code'], skipAuthorization: true });
      const user = await past.user();
      const code = await past.authorizeCode(app, user.id, { redirect_uri: CB, scope: 'openid', nonce: 'n' });
      const res = await past.server.token(
        new Request(`${BASE}/o/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CB, client_id: app.clientId, client_secret: app.clientSecret }),
        }),
      );
      const as = await oauth.processDiscoveryResponse(new URL(BASE), await past.server.discovery(get('/.well-known/openid-configuration')));
      await expect(oauth.processAuthorizationCodeResponse(as, { client_id: app.clientId }, res, { expectedNonce: 'n' })).rejects.toThrow(/exp/);
    });
  });

  describe('OIDC RP-Initiated Logout 1.0', () => {
    it('with a valid id_token_hint signs out and returns to the registered post_logout_redirect_uri with state', async () => {
      const { config, tokens, user } = await codeFlow();
      t.signIn(user.id);
      const before = t.signedOutCount();
      const url = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://rp.example/bye', state: 'bye-state' });
      const res = await t.server.logout(new Request(url));
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('https://rp.example/bye?state=bye-state');
      expect(t.signedOutCount()).toBe(before + 1);
    });

    it('an unregistered post_logout_redirect_uri is refused on our error page', async () => {
      const { config, tokens } = await codeFlow();
      const url = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'https://evil.example/' });
      const res = await t.server.logout(new Request(url));
      expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/o/error');
    });

    it('without id_token_hint the user is asked to confirm', async () => {
      const { app } = await relyingParty();
      const res = await t.server.logout(get('/o/logout', { client_id: app.clientId, post_logout_redirect_uri: 'https://rp.example/bye' }));
      expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/o/logout/confirm');
    });
  });

  it('OIDC Core §3.2: response_type=id_token token returns both in the fragment, with nonce required', async () => {
    const app = await t.application({ clientType: 'public', grantTypes: ['implicit'], redirectUris: [CB], skipAuthorization: true });
    const user = await t.user();
    t.signIn(user.id);
    const noNonce = await t.server.authorize(get('/o/authorize', { response_type: 'id_token token', client_id: app.clientId, scope: 'openid' }));
    expect(new URL(noNonce.headers.get('location')!).hash).toContain('error=invalid_request');
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'id_token token', client_id: app.clientId, scope: 'openid', nonce: 'imp-nonce', state: 's' }));
    const frag = new URLSearchParams(new URL(res.headers.get('location')!).hash.slice(1));
    const { payload } = await jwtVerify(frag.get('id_token')!, createLocalJWKSet(await (await t.server.jwks(get('/o/.well-known/jwks.json'))).json()), { issuer: BASE, audience: app.clientId });
    expect(payload.nonce).toBe('imp-nonce');
    expect(payload.at_hash).toBeTypeOf('string');
    expect(frag.get('access_token')).toBeTruthy();
  });
});
