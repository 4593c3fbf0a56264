/**
 * RFC 9068 JWT access tokens: what a client gets, what jose verifies against the published
 * JWKS, and what the resource-server toolkit (withOAuth with `jwt`) accepts and refuses.
 */
import { describe, expect, it } from 'vitest';
import { createRemoteJWKSet, customFetch, decodeProtectedHeader, jwtVerify, type FetchImplementation } from 'jose';
import { basic, body, BASE, createTestServer, engineFetch, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { withOAuth, type OAuthContext } from '@/lib/resource-server/with-oauth';
import type { JwtAccessTokenOptions } from '@/lib/resource-server/jwt-access-tokens';

const t = await createTestServer({ accessTokenExpireSeconds: 600 });
const fetchFromEngine = engineFetch(t.server) as unknown as FetchImplementation;
const JWKS = createRemoteJWKSet(new URL(`${BASE}/o/.well-known/jwks.json`), { [customFetch]: fetchFromEngine });
const API = 'https://api.example/';

const jwtApp = await t.application({ accessTokenFormat: 'jwt' });
const user = await t.user();

async function token(app: { clientId: string; clientSecret: string }, params: Record<string, string>) {
  const res = await t.server.token(form('/o/token', params, basic(app.clientId, app.clientSecret)));
  const json = await body(res);
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json as { access_token: string; refresh_token?: string; expires_in: number };
}

const verify = (jwt: string) => jwtVerify(jwt, JWKS, { issuer: BASE, typ: 'at+jwt', currentDate: t.now() });

describe(`RFC 9068 JWT access tokens on ${testDatabaseKind}`, () => {
  describe('§2 the token', () => {
    it('§2.1-2.2: client credentials: typ at+jwt, signed with a key of the JWKS, sub = client_id, aud = the issuer', async () => {
      const { access_token, expires_in } = await token(jwtApp, { grant_type: 'client_credentials', scope: 'read' });
      expect(decodeProtectedHeader(access_token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256' });
      const { payload } = await verify(access_token);
      const now = Math.floor(t.now().getTime() / 1000);
      expect(payload).toMatchObject({ iss: BASE, aud: BASE, sub: jwtApp.clientId, client_id: jwtApp.clientId, scope: 'read', iat: now, exp: now + expires_in });
      expect(typeof payload.jti).toBe('string');
      expect(payload.auth_time).toBeUndefined();
    });

    it('§2.2: a user\'s token has sub = the user and auth_time; each token has its own jti', async () => {
      const params = { grant_type: 'password', username: user.email, password: user.password, scope: 'read write' };
      const [a, b] = [await token(jwtApp, params), await token(jwtApp, params)];
      const { payload } = await verify(a.access_token);
      expect(payload).toMatchObject({ sub: user.id, client_id: jwtApp.clientId, scope: 'read write', auth_time: Math.floor(t.now().getTime() / 1000) });
      expect(payload.jti).not.toBe((await verify(b.access_token)).payload.jti);
      // The refresh token stays opaque; a refreshed access token is a JWT again.
      expect(a.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const refreshed = await token(jwtApp, { grant_type: 'refresh_token', refresh_token: a.refresh_token! });
      expect((await verify(refreshed.access_token)).payload.sub).toBe(user.id);
    });

    it('§2.2.1: acr and amr say how the person signed in (a password: amr ["pwd"], one-factor acr), after a refresh too', async () => {
      const a = await token(jwtApp, { grant_type: 'password', username: user.email, password: user.password, scope: 'read' });
      expect((await verify(a.access_token)).payload).toMatchObject({ amr: ['pwd'], acr: 'urn:oauth-server:acr:pwd' });
      const refreshed = await token(jwtApp, { grant_type: 'refresh_token', refresh_token: a.refresh_token! });
      expect((await verify(refreshed.access_token)).payload).toMatchObject({ amr: ['pwd'], acr: 'urn:oauth-server:acr:pwd' });
    });

    it('§3 with RFC 8707: aud is the resource', async () => {
      await t.application({ name: 'API', resources: [API], grantTypes: ['client_credentials'], redirectUris: [] });
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials', resource: API });
      expect((await verify(access_token)).payload.aud).toBe(API);
    });

    it('an application without the setting gets opaque tokens', async () => {
      const plain = await t.application();
      const { access_token } = await token(plain, { grant_type: 'client_credentials' });
      expect(access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('per resource: a token for an API configured for JWTs is a JWT, whichever client asks', async () => {
      const api = 'https://jwt-api.example/';
      await t.application({ name: 'JWT API', resources: [api], accessTokenFormat: 'jwt', grantTypes: ['client_credentials'], redirectUris: [] });
      const plain = await t.application();
      const forApi = await token(plain, { grant_type: 'client_credentials', resource: api });
      expect((await verify(forApi.access_token)).payload).toMatchObject({ aud: api, client_id: plain.clientId });
      const withoutResource = await token(plain, { grant_type: 'client_credentials' });
      expect(withoutResource.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('RFC 7662 / RFC 7009: introspection sees the JWT as active, and as inactive once revoked', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials', scope: 'read' });
      expect(await t.introspect(jwtApp, access_token)).toMatchObject({ active: true, client_id: jwtApp.clientId, scope: 'read' });
      const revoked = await t.server.revoke(form('/o/revoke_token', { token: access_token }, basic(jwtApp.clientId, jwtApp.clientSecret)));
      expect(revoked.status).toBe(200);
      expect(await t.introspect(jwtApp, access_token)).toEqual({ active: false });
      // The signature still verifies: only the authorization server knows it was revoked.
      await expect(verify(access_token)).resolves.toBeTruthy();
    });
  });

  describe('§4 the resource-server toolkit verifies locally', () => {
    const settings = { ...t.settings, errorResponseWithScopes: false, allowTokenInQuery: false, resourceServer: null };
    let lookups = 0;
    const store = async () => ({
      findAccessToken: (d: string) => {
        lookups++;
        return t.store.findAccessToken(d);
      },
    });
    const jwtOptions: JwtAccessTokenOptions = { issuer: BASE, fetch: fetchFromEngine };
    const strictOptions: JwtAccessTokenOptions = { issuer: BASE, fetch: fetchFromEngine, checkRevocation: true };
    const hello = async (_req: Request, { token }: OAuthContext) => Response.json({ sub: token.userId, client: token.clientId, scope: token.scope });
    const protect = (o: { jwt?: JwtAccessTokenOptions; resource?: string; scopes?: string[] } = {}) =>
      withOAuth(hello, { jwt: jwtOptions, store, clock: t.now, settings, ...o });
    const call = async (handler: (req: Request) => Promise<Response>, tokenValue: string) => {
      const res = await handler(new Request('https://api.example/hello', { headers: { Authorization: `Bearer ${tokenValue}` } }));
      return { res, json: await body(res) };
    };

    it('accepts a good token without a database lookup, and hands the handler its claims', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'password', username: user.email, password: user.password, scope: 'read' });
      lookups = 0;
      const { res, json } = await call(protect({ scopes: ['read'] }), access_token);
      expect(res.status).toBe(200);
      expect(json).toEqual({ sub: user.id, client: jwtApp.clientId, scope: 'read' });
      expect(lookups).toBe(0);
    });

    it('refuses a JWT that is not an access token (an ID token: typ JWT)', async () => {
      const idToken = await t.deps.idTokens!.sign({ client: (await t.store.findApplicationByClientId(jwtApp.clientId))!, userId: user.id, nonce: null, authTime: null, scope: ['openid'], issuer: BASE });
      const { res } = await call(protect(), idToken);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="the token is not a JWT access token \(typ must be at\+jwt\)"/);
    });

    it('refuses an expired token', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials' });
      t.advance(610);
      try {
        const { res } = await call(protect(), access_token);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/the access token has expired/);
      } finally {
        t.advance(-610);
      }
    });

    it('refuses a token for another API (aud), and one lacking a scope', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials', resource: API, scope: 'read' });
      const other = await call(protect({ resource: 'https://other-api.example/' }), access_token);
      expect(other.res.status).toBe(401);
      expect(other.res.headers.get('www-authenticate')).toMatch(/not meant for https:\/\/other-api.example\//);
      expect((await call(protect({ resource: API }), access_token)).res.status).toBe(200);
      const scoped = await call(protect({ scopes: ['write'] }), access_token);
      expect(scoped.res.status).toBe(403);
    });

    it('refuses a token signed by another server, or with another iss', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials' });
      const [h, p] = access_token.split('.');
      const forged = `${h}.${p}.${'A'.repeat(342)}`;
      expect((await call(protect(), forged)).res.status).toBe(401);
      const elsewhere = await call(protect({ jwt: { issuer: 'https://other-as.example', jwksUrl: `${BASE}/o/.well-known/jwks.json`, fetch: fetchFromEngine } }), access_token);
      expect(elsewhere.res.headers.get('www-authenticate')).toMatch(/issued by another server/);
    });

    it('a revoked token: accepted by local verification alone until it expires, refused with checkRevocation', async () => {
      const { access_token } = await token(jwtApp, { grant_type: 'client_credentials' });
      await t.server.revoke(form('/o/revoke_token', { token: access_token }, basic(jwtApp.clientId, jwtApp.clientSecret)));
      expect((await call(protect(), access_token)).res.status).toBe(200);
      const strict = await call(protect({ jwt: strictOptions }), access_token);
      expect(strict.res.status).toBe(401);
    });

    it('opaque tokens still go the usual way (one lookup)', async () => {
      const plain = await t.application();
      const { access_token } = await token(plain, { grant_type: 'client_credentials' });
      lookups = 0;
      expect((await call(protect(), access_token)).res.status).toBe(200);
      expect(lookups).toBe(1);
    });
  });
});
