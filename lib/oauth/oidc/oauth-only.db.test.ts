/**
 * "ID token signing: None (OAuth 2.0 only)" means what it says (issue 15): such an application
 * cannot ask for `openid` at /o/authorize (invalid_scope, back to the client) and /o/token never
 * returns an id_token for it, even from a code or refresh token minted before.
 */
import { describe, expect, it } from 'vitest';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { basic, BASE, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const CB = 'https://client.example/cb';

async function mintCode(app: { id: string }, userId: string, scope: string) {
  const code = randomToken();
  await t.store.createAuthorizationCode({
    codeDigest: digest(code),
    applicationId: app.id,
    userId,
    redirectUri: null,
    scope,
    codeChallenge: null,
    codeChallengeMethod: null,
    nonce: 'n',
    authTime: t.now(),
    expiresAt: new Date(t.now().getTime() + 60_000),
  });
  return code;
}

describe(`OpenID Connect off for an application without a signing algorithm, on ${testDatabaseKind}`, () => {
  it("OIDC Core §3.1.2.6: /o/authorize answers invalid_scope for 'openid', with state and iss", async () => {
    const app = await t.application({ algorithm: '' });
    const user = await t.user();
    t.signIn(user.id);
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, scope: 'openid read', state: 'st' }));
    const url = new URL(res.headers.get('location')!, BASE);
    expect(url.origin + url.pathname).toBe(CB);
    expect(url.searchParams.get('error')).toBe('invalid_scope');
    expect(url.searchParams.get('error_description')).toMatch(/without an ID token signing algorithm/);
    expect(url.searchParams.get('state')).toBe('st');
    expect(url.searchParams.get('iss')).toBe(BASE);
    // OAuth 2.0 scopes still work.
    const plain = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, scope: 'read' }));
    expect(new URL(plain.headers.get('location')!, BASE).pathname).toBe('/o/consent');
  });

  it('RFC 6749 §5.1: /o/token returns no id_token from an old openid code or refresh token', async () => {
    const app = await t.application({ algorithm: '' });
    const user = await t.user();
    const code = await mintCode(app, user.id, 'openid read');
    const res = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(200);
    const tokens = await body(res);
    expect(tokens.access_token).toBeTruthy();
    expect(tokens).not.toHaveProperty('id_token');
    const refreshed = await body(await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string }, basic(app.clientId, app.clientSecret))));
    expect(refreshed.access_token).toBeTruthy();
    expect(refreshed).not.toHaveProperty('id_token');
  });

  it('an application with RS256 still gets its id_token (the control)', async () => {
    const app = await t.application({ algorithm: 'RS256' });
    const user = await t.user();
    const code = await mintCode(app, user.id, 'openid read');
    const tokens = await body(await t.server.token(form('/o/token', { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret))));
    expect(tokens.id_token).toBeTruthy();
  });

  it('OIDC Registration §2: a self-registered client (no algorithm chosen) keeps the RS256 default', async () => {
    const app = await t.store.createRegisteredClient(
      `dyn-${randomToken().slice(0, 8)}`,
      { clientType: 'public', clientSecretDigest: null, grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1:9/cb'], name: 'Agent', metadata: {}, tokenEndpointAuthMethod: 'none' },
      digest('rat'),
      t.now(),
    );
    expect(app.algorithm).toBe('');
    const user = await t.user();
    t.signIn(user.id);
    const res = await t.server.authorize(
      get('/o/authorize', { response_type: 'code', client_id: app.clientId, scope: 'openid', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }),
    );
    expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/o/consent');
  });
});
