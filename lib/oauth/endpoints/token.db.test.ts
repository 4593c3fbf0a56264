import { describe, expect, it } from 'vitest';
import { s256 } from '@/lib/oauth/pkce';
import { basic, body, createTestServer, form, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const VERIFIER = 'dBjftJeZ4CVP-mJ0z5ZzZzSBbb4b7f7b-hooAaSbZh0Wq_3A';
const pkce = { code_challenge: s256(VERIFIER), code_challenge_method: 'S256' };

async function token(params: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await t.server.token(form('/o/token', params, headers));
  return { res, json: await body(res) };
}

describe(`token endpoint on ${testDatabaseKind}`, () => {
  describe('RFC 6749 §5.1 successful response', () => {
    it('answers access_token, token_type Bearer, expires_in, scope, with no-store', async () => {
      const app = await t.application();
      const { res, json } = await token({ grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('pragma')).toBe('no-cache');
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 36000, scope: 'read write' });
      expect(String(json.access_token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(json.refresh_token).toBeUndefined(); // §4.4.3
    });

    it('stores only the digest of the token', async () => {
      const app = await t.application();
      const { json } = await token({ grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret));
      const rows = await t.db.execute(`select token_digest from access_tokens`);
      const all = JSON.stringify(rows);
      expect(all).not.toContain(String(json.access_token));
      expect(await t.store.findAccessToken((await import('@/lib/oauth/secrets')).digest(String(json.access_token)))).not.toBeNull();
    });
  });

  describe('RFC 6749 §2.3 client authentication', () => {
    it('accepts client_secret_basic with form-urlencoded id and secret (§2.3.1)', async () => {
      const app = await t.application({ clientId: 'id with:colon+plus', clientSecret: 'secret with %&: chars' });
      const { res } = await token({ grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(200);
    });

    it('accepts client_secret_post', async () => {
      const app = await t.application();
      const { res } = await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret });
      expect(res.status).toBe(200);
    });

    it('answers 401 invalid_client with WWW-Authenticate: Basic for a wrong secret sent with Basic', async () => {
      const app = await t.application();
      const { res, json } = await token({ grant_type: 'client_credentials' }, basic(app.clientId, 'wrong'));
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    });

    it('answers 401 invalid_client for a wrong secret in the body, without a Basic challenge', async () => {
      const app = await t.application();
      const { res, json } = await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: 'nope' });
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
      expect(res.headers.get('www-authenticate')).toBeNull();
    });

    it('answers invalid_client for an unknown client', async () => {
      const { res, json } = await token({ grant_type: 'client_credentials' }, basic('nobody', 'x'));
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
    });

    it('answers invalid_client when a confidential client sends client_id alone', async () => {
      const app = await t.application();
      const { res } = await token({ grant_type: 'client_credentials', client_id: app.clientId });
      expect(res.status).toBe(401);
    });

    it('refuses more than one authentication method in one request (invalid_request)', async () => {
      const app = await t.application();
      const { res, json } = await token({ grant_type: 'client_credentials', client_secret: app.clientSecret }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_request');
    });
  });

  describe('RFC 6749 §5.2 error response', () => {
    it('names a missing grant_type', async () => {
      const app = await t.application();
      const { res, json } = await token({}, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(400);
      expect(json).toEqual({ error: 'invalid_request', error_description: "missing required parameter 'grant_type'" });
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('answers unsupported_grant_type for an unknown grant', async () => {
      const app = await t.application();
      const { json } = await token({ grant_type: 'urn:example:magic' }, basic(app.clientId, app.clientSecret));
      expect(json.error).toBe('unsupported_grant_type');
    });

    it('§5.2: a grant_type named like an object property (constructor, __proto__) is unsupported_grant_type too', async () => {
      const app = await t.application();
      for (const grantType of ['constructor', '__proto__', 'toString']) {
        const { res, json } = await token({ grant_type: grantType }, basic(app.clientId, app.clientSecret));
        expect(res.status, grantType).toBe(400);
        expect(json.error, grantType).toBe('unsupported_grant_type');
      }
    });

    it('answers unauthorized_client for a grant the application is not registered for', async () => {
      const app = await t.application({ grantTypes: ['authorization_code'] });
      const { res, json } = await token({ grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(400);
      expect(json.error).toBe('unauthorized_client');
    });

    it('§3.2: a repeated parameter is invalid_request naming it', async () => {
      const app = await t.application();
      const res = await t.server.token(
        new Request('https://as.example/o/token', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...basic(app.clientId, app.clientSecret) },
          body: 'grant_type=client_credentials&scope=read&scope=write',
        }),
      );
      expect(res.status).toBe(400);
      expect(await body(res)).toEqual({ error: 'invalid_request', error_description: "parameter 'scope' is repeated" });
    });

    it('a wrong content type is invalid_request', async () => {
      const app = await t.application();
      const res = await t.server.token(
        new Request('https://as.example/o/token', { method: 'POST', headers: { 'Content-Type': 'text/plain', ...basic(app.clientId, app.clientSecret) }, body: 'grant_type=client_credentials' }),
      );
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_request');
    });

    it('accepts a JSON body, as DOT’s JSONOAuthLibCore', async () => {
      const app = await t.application();
      const res = await t.server.token(jsonPost('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret)));
      expect(res.status).toBe(200);
      expect((await body(res)).scope).toBe('read');
    });

    it('§3.3: an unknown scope is invalid_scope', async () => {
      const app = await t.application();
      const { res, json } = await token({ grant_type: 'client_credentials', scope: 'read admin' }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_scope');
    });

    it('§3.3: a scope named like an object property (constructor, __proto__) is unknown too', async () => {
      const app = await t.application();
      for (const scope of ['constructor', '__proto__', 'read toString']) {
        const { res, json } = await token({ grant_type: 'client_credentials', scope }, basic(app.clientId, app.clientSecret));
        expect(res.status, scope).toBe(400);
        expect(json.error, scope).toBe('invalid_scope');
      }
    });
  });

  describe('RFC 6749 §4.4 client credentials', () => {
    it('is refused for public clients', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      // A public client cannot even be registered for it; a public client asking anyway is unauthorized.
      const { json } = await token({ grant_type: 'client_credentials', client_id: app.clientId });
      expect(json.error).toBe('unauthorized_client');
    });

    it('issues a token with no user', async () => {
      const app = await t.application();
      const { json } = await token({ grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret));
      const stored = await t.store.findAccessToken((await import('@/lib/oauth/secrets')).digest(String(json.access_token)));
      expect(stored?.userId).toBeNull();
      expect(stored?.scope).toBe('read');
    });
  });

  describe('RFC 6749 §4.3 resource owner password credentials', () => {
    it('issues access and refresh tokens for the user’s email and password', async () => {
      const app = await t.application();
      const user = await t.user();
      const { res, json } = await token({ grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(200);
      expect(json.refresh_token).toBeTypeOf('string');
    });

    it('answers invalid_grant for a wrong password', async () => {
      const app = await t.application();
      const user = await t.user();
      const { res, json } = await token({ grant_type: 'password', username: user.email, password: 'wrong' }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_grant');
    });

    it('names a missing password', async () => {
      const app = await t.application();
      const { json } = await token({ grant_type: 'password', username: 'a@b.c' }, basic(app.clientId, app.clientSecret));
      expect(json).toEqual({ error: 'invalid_request', error_description: "missing required parameter 'password'" });
    });
  });

  describe('RFC 6749 §4.1.3 authorization code', () => {
    it('exchanges a code once for access and refresh tokens', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, { redirect_uri: 'https://client.example/cb', scope: 'read' });
      const { res, json } = await token(
        { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb' },
        basic(app.clientId, app.clientSecret),
      );
      expect(res.status).toBe(200);
      expect(json).toMatchObject({ token_type: 'Bearer', scope: 'read' });
      expect(json.refresh_token).toBeTypeOf('string');
    });

    it('§4.1.2: a second use is invalid_grant and revokes the tokens issued from the code', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      const first = await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
      expect(first.res.status).toBe(200);
      const second = await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
      expect(second.res.status).toBe(400);
      expect(second.json.error).toBe('invalid_grant');
      const { digest } = await import('@/lib/oauth/secrets');
      expect((await t.store.findAccessToken(digest(String(first.json.access_token))))?.revokedAt).toBeInstanceOf(Date);
      expect((await t.store.findRefreshToken(digest(String(first.json.refresh_token))))?.revokedAt).toBeInstanceOf(Date);
    });

    it('is bound to the client it was issued to', async () => {
      const app = await t.application();
      const other = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      const { json } = await token({ grant_type: 'authorization_code', code }, basic(other.clientId, other.clientSecret));
      expect(json.error).toBe('invalid_grant');
    });

    it('§4.1.3: a code presented by another client is invalid_grant, and its own client can still redeem it', async () => {
      const app = await t.application();
      const thief = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      const stolen = await token({ grant_type: 'authorization_code', code }, basic(thief.clientId, thief.clientSecret));
      expect(stolen.res.status).toBe(400);
      expect(stolen.json).toEqual({ error: 'invalid_grant', error_description: 'authorization code is invalid' });
      // Not used up, and not taken for a replay: the rightful exchange works.
      const own = await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
      expect(own.res.status).toBe(200);
      const { digest } = await import('@/lib/oauth/secrets');
      expect((await t.store.findAccessToken(digest(String(own.json.access_token))))?.revokedAt).toBeNull();
    });

    it('§4.1.2: a replay fires token_revoked (reason code_replay)', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      const seen: unknown[] = [];
      const off = t.deps.events.on('token_revoked', (e) => void seen.push(e));
      try {
        await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
        expect(seen).toEqual([]);
        await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
        expect(seen).toEqual([{ applicationId: app.id, clientId: app.clientId, tokenType: 'refresh_token', reason: 'code_replay', userId: user.id }]);
      } finally {
        off();
      }
    });

    it('expires after OAUTH2_AUTHORIZATION_CODE_EXPIRE_SECONDS (60 s)', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      t.advance(61);
      const { json } = await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
      expect(json).toEqual({ error: 'invalid_grant', error_description: 'authorization code has expired' });
    });

    it('requires the redirect_uri when it was sent to authorize, identical', async () => {
      const app = await t.application({ redirectUris: ['https://client.example/cb', 'https://client.example/other'] });
      const user = await t.user();
      const code1 = await t.authorizeCode(app, user.id, { redirect_uri: 'https://client.example/cb' });
      expect((await token({ grant_type: 'authorization_code', code: code1 }, basic(app.clientId, app.clientSecret))).json.error).toBe('invalid_grant');
      const code2 = await t.authorizeCode(app, user.id, { redirect_uri: 'https://client.example/cb' });
      const wrong = await token({ grant_type: 'authorization_code', code: code2, redirect_uri: 'https://client.example/other' }, basic(app.clientId, app.clientSecret));
      expect(wrong.json.error).toBe('invalid_grant');
    });

    it('names a missing code', async () => {
      const app = await t.application();
      const { json } = await token({ grant_type: 'authorization_code' }, basic(app.clientId, app.clientSecret));
      expect(json).toEqual({ error: 'invalid_request', error_description: "missing required parameter 'code'" });
    });
  });

  describe('RFC 7636 PKCE', () => {
    it('§4.6: S256 verifier that matches gets tokens', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, pkce);
      const { res } = await token({ grant_type: 'authorization_code', code, code_verifier: VERIFIER }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(200);
    });

    it('§4.6: a wrong verifier is invalid_grant', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, pkce);
      const { json } = await token({ grant_type: 'authorization_code', code, code_verifier: VERIFIER.replace('d', 'e') }, basic(app.clientId, app.clientSecret));
      expect(json.error).toBe('invalid_grant');
    });

    it('§4.5: a missing verifier for a code with a challenge is invalid_grant', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, pkce);
      const { json } = await token({ grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret));
      expect(json.error).toBe('invalid_grant');
    });

    it('plain method with OAUTH2_PKCE_ALLOW_PLAIN: the verifier equals the challenge', async () => {
      const p = await createTestServer({ pkceAllowPlain: true });
      const app = await p.application();
      const user = await p.user();
      const code = await p.authorizeCode(app, user.id, { code_challenge: VERIFIER, code_challenge_method: 'plain' });
      const res = await p.server.token(form('/o/token', { grant_type: 'authorization_code', code, code_verifier: VERIFIER }, basic(app.clientId, app.clientSecret)));
      expect(res.status).toBe(200);
    });

    it('RFC 9700 §4.8.2: a verifier for a code issued without a challenge is refused', async () => {
      const app = await t.application();
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id);
      const { json } = await token({ grant_type: 'authorization_code', code, code_verifier: VERIFIER }, basic(app.clientId, app.clientSecret));
      expect(json.error).toBe('invalid_grant');
    });

    it('public clients authenticate with client_id alone and PKCE', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, pkce);
      const { res, json } = await token({ grant_type: 'authorization_code', code, code_verifier: VERIFIER, client_id: app.clientId });
      expect(res.status).toBe(200);
      expect(json.refresh_token).toBeTypeOf('string');
    });
  });

  describe('RFC 6749 §6 refreshing an access token', () => {
    async function grant(scope = 'read write') {
      const app = await t.application();
      const user = await t.user();
      const { json } = await token({ grant_type: 'password', username: user.email, password: user.password, scope }, basic(app.clientId, app.clientSecret));
      return { app, user, tokens: json as { access_token: string; refresh_token: string } };
    }

    it('rotates the refresh token and revokes the previous access token (DOT)', async () => {
      const { app, tokens } = await grant();
      const { res, json } = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
      expect(res.status).toBe(200);
      expect(json.refresh_token).not.toBe(tokens.refresh_token);
      expect(json.scope).toBe('read write');
      const { digest } = await import('@/lib/oauth/secrets');
      expect((await t.store.findAccessToken(digest(tokens.access_token)))?.revokedAt).toBeInstanceOf(Date);
    });

    it('allows a narrower scope and refuses a wider one (invalid_scope)', async () => {
      const { app, tokens } = await grant('read');
      const wider = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, scope: 'read write' }, basic(app.clientId, app.clientSecret));
      expect(wider.json.error).toBe('invalid_scope');
      const { app: app2, tokens: tokens2 } = await grant('read write');
      const narrower = await token({ grant_type: 'refresh_token', refresh_token: tokens2.refresh_token, scope: 'read' }, basic(app2.clientId, app2.clientSecret));
      expect(narrower.json.scope).toBe('read');
      // §6: the new refresh token keeps the original grant's scope.
      const again = await token({ grant_type: 'refresh_token', refresh_token: String(narrower.json.refresh_token), scope: 'write' }, basic(app2.clientId, app2.clientSecret));
      expect(again.json.scope).toBe('write');
    });

    it('RFC 9700 §4.14.2: reuse of a rotated refresh token revokes the whole family', async () => {
      const { app, tokens } = await grant();
      const first = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
      const reuse = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
      expect(reuse.res.status).toBe(400);
      expect(reuse.json.error).toBe('invalid_grant');
      const { digest } = await import('@/lib/oauth/secrets');
      expect((await t.store.findAccessToken(digest(String(first.json.access_token))))?.revokedAt).toBeInstanceOf(Date);
      const later = await token({ grant_type: 'refresh_token', refresh_token: String(first.json.refresh_token) }, basic(app.clientId, app.clientSecret));
      expect(later.json.error).toBe('invalid_grant');
    });

    it('two concurrent refreshes with one token never both succeed', async () => {
      const { app, tokens } = await grant();
      const [a, b] = await Promise.all([
        token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret)),
        token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret)),
      ]);
      expect([a.res.status, b.res.status].filter((s) => s === 200).length).toBeLessThanOrEqual(1);
    });

    it('§6: another client presenting a refresh token uses nothing up and revokes nothing', async () => {
      const { app, tokens } = await grant();
      const thief = await t.application();
      const stolen = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(thief.clientId, thief.clientSecret));
      expect(stolen.res.status).toBe(400);
      expect(stolen.json).toEqual({ error: 'invalid_grant', error_description: 'refresh token is invalid' });
      const { digest } = await import('@/lib/oauth/secrets');
      expect((await t.store.findAccessToken(digest(tokens.access_token)))?.revokedAt).toBeNull();
      // The owner's refresh is a first use, not a reuse: it works, and the family lives on.
      const own = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
      expect(own.res.status).toBe(200);
      expect((await t.store.findAccessToken(digest(String(own.json.access_token))))?.revokedAt).toBeNull();
      expect((await t.store.findRefreshToken(digest(String(own.json.refresh_token))))?.revokedAt).toBeNull();
    });

    it('RFC 9700 §4.14.2: reuse detection fires token_revoked (reason refresh_reuse)', async () => {
      const { app, user, tokens } = await grant();
      const seen: unknown[] = [];
      const off = t.deps.events.on('token_revoked', (e) => void seen.push(e));
      try {
        await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
        expect(seen).toEqual([]);
        await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(app.clientId, app.clientSecret));
        expect(seen).toEqual([{ applicationId: app.id, clientId: app.clientId, tokenType: 'refresh_token', reason: 'refresh_reuse', userId: user.id }]);
      } finally {
        off();
      }
    });

    it('a refresh token is bound to its client', async () => {
      const { tokens } = await grant();
      const other = await t.application();
      const { json } = await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, basic(other.clientId, other.clientSecret));
      expect(json.error).toBe('invalid_grant');
    });
  });
});

describe('OAUTH2_REFRESH_TOKEN_GRACE_PERIOD_SECONDS', async () => {
  const g = await createTestServer({ refreshTokenGracePeriodSeconds: 30 });
  it('lets a client retry a refresh it lost within the grace period, not after', async () => {
    const app = await g.application();
    const user = await g.user();
    const tok = async (p: Record<string, string>) => body(await g.server.token(form('/o/token', p, basic(app.clientId, app.clientSecret))));
    const first = await tok({ grant_type: 'password', username: user.email, password: user.password });
    await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    g.advance(10);
    const retry = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    expect(retry.access_token).toBeTypeOf('string');
    g.advance(60);
    const late = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    expect(late.error).toBe('invalid_grant');
  });
});

describe('OAUTH2_ROTATE_REFRESH_TOKEN=false', async () => {
  const n = await createTestServer({ rotateRefreshToken: false });
  it('keeps the same refresh token and issues a new access token', async () => {
    const app = await n.application();
    const user = await n.user();
    const tok = async (p: Record<string, string>) => body(await n.server.token(form('/o/token', p, basic(app.clientId, app.clientSecret))));
    const first = await tok({ grant_type: 'password', username: user.email, password: user.password });
    const second = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    expect(second.refresh_token).toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);
    const third = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    expect(third.access_token).toBeTypeOf('string');
  });

  it('RFC 7009 §2.1: revoking the refresh token revokes the access tokens it minted', async () => {
    const app = await n.application();
    const user = await n.user();
    const auth = basic(app.clientId, app.clientSecret);
    const tok = async (p: Record<string, string>) => body(await n.server.token(form('/o/token', p, auth)));
    const active = async (accessToken: unknown) => (await body(await n.server.introspect(form('/o/introspect', { token: String(accessToken) }, auth)))).active;
    const first = await tok({ grant_type: 'password', username: user.email, password: user.password });
    const second = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    const third = await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    // One live access token per refresh token (as DOT): each refresh retires the one before.
    expect(await active(first.access_token)).toBe(false);
    expect(await active(second.access_token)).toBe(false);
    expect(await active(third.access_token)).toBe(true);
    const revoked = await n.server.revoke(form('/o/revoke_token', { token: String(first.refresh_token), token_type_hint: 'refresh_token' }, auth));
    expect(revoked.status).toBe(200);
    expect(await active(third.access_token)).toBe(false);
    expect((await tok({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) })).error).toBe('invalid_grant');
  });
});
