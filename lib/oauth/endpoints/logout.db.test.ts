/**
 * Issue 15 item 9. OIDC RP-Initiated Logout §2: an id_token_hint proves which relying party
 * asks, not that the person in this browser wants out; any ID token about someone else must not
 * sign them out (logout CSRF). And redirects to clients that registered themselves (logout and
 * /o/authorize errors) go through an interstitial, so this server is no open redirector.
 */
import { describe, expect, it } from 'vitest';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { isClientTarget, LEAVING_PATH } from '@/lib/oauth/leaving';
import { basic, BASE, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const BYE = 'https://rp.example/bye';

/** An ID token for `userId` issued to `app`, as a relying party holds it after the code flow. */
async function idTokenFor(app: { id: string; clientId: string; clientSecret: string }, userId: string) {
  const code = randomToken();
  await t.store.createAuthorizationCode({
    codeDigest: digest(code),
    applicationId: app.id,
    userId,
    redirectUri: null,
    scope: 'openid',
    codeChallenge: null,
    codeChallengeMethod: null,
    nonce: null,
    authTime: t.now(),
    expiresAt: new Date(t.now().getTime() + 60_000),
  });
  const tokens = await body(await t.server.token(form('/o/token', { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret))));
  return tokens.id_token as string;
}

async function selfRegistered(redirectUris: string[], postLogout: string[] = []) {
  const app = await t.store.createRegisteredClient(
    `dyn-${randomToken().slice(0, 10)}`,
    { clientType: 'public', clientSecretDigest: null, grantTypes: ['authorization_code'], redirectUris, name: 'Some Agent', metadata: {}, tokenEndpointAuthMethod: 'none' },
    digest(randomToken()),
    t.now(),
  );
  if (postLogout.length) {
    // RFC 7591 has no post-logout URIs in this server's registration; a metadata document or an operator could add them.
    const { applications } = await import('@/drizzle/schema');
    const { eq } = await import('drizzle-orm');
    await t.db.update(applications).set({ postLogoutRedirectUris: postLogout }).where(eq(applications.id, app.id));
  }
  return app;
}

const location = (res: Response) => new URL(res.headers.get('location')!, BASE);

describe(`logout and leaving this server, on ${testDatabaseKind}`, () => {
  describe('OIDC RP-Initiated Logout §2: logout CSRF', () => {
    it("an id_token_hint whose sub is not the signed-in person's asks them to confirm and signs no one out", async () => {
      const app = await t.application({ postLogoutRedirectUris: [BYE] });
      const attacker = await t.user();
      const victim = await t.user();
      const hint = await idTokenFor(app, attacker.id);
      t.signIn(victim.id);
      const before = t.signedOutCount();
      const res = await t.server.logout(get('/o/logout', { id_token_hint: hint, post_logout_redirect_uri: BYE }));
      expect(res.status).toBe(302);
      expect(location(res).pathname).toBe('/o/logout/confirm');
      expect(t.signedOutCount()).toBe(before);
    });

    it('a hint for the signed-in person signs them out at once and returns to the relying party', async () => {
      const app = await t.application({ postLogoutRedirectUris: [BYE] });
      const user = await t.user();
      const hint = await idTokenFor(app, user.id);
      t.signIn(user.id);
      const before = t.signedOutCount();
      const res = await t.server.logout(get('/o/logout', { id_token_hint: hint, post_logout_redirect_uri: BYE, state: 's' }));
      expect(res.headers.get('location')).toBe(`${BYE}?state=s`);
      expect(t.signedOutCount()).toBe(before + 1);
    });

    it('with nobody signed in, a valid hint goes straight back to the relying party', async () => {
      const app = await t.application({ postLogoutRedirectUris: [BYE] });
      const hint = await idTokenFor(app, (await t.user()).id);
      t.signIn(null);
      const res = await t.server.logout(get('/o/logout', { id_token_hint: hint, post_logout_redirect_uri: BYE }));
      expect(res.headers.get('location')).toBe(BYE);
    });
  });

  describe('RFC 9700 §4.11.2: no open redirects through self-registered clients', () => {
    it('an /o/authorize error for a self-registered client goes to the interstitial, naming the client and the target', async () => {
      const app = await selfRegistered(['https://evil.example/cb']);
      const res = await t.server.authorize(get('/o/authorize', { response_type: 'magic', client_id: app.clientId, state: 'x' }));
      const url = location(res);
      expect(url.origin + url.pathname).toBe(BASE + LEAVING_PATH);
      expect(url.searchParams.get('client_id')).toBe(app.clientId);
      const to = url.searchParams.get('to')!;
      expect(to).toMatch(/^https:\/\/evil\.example\/cb\?error=unsupported_response_type&/);
      expect(isClientTarget(app, to)).toBe(true);
    });

    it('prompt=none errors for a self-registered client go to the interstitial too', async () => {
      const app = await selfRegistered(['http://127.0.0.1:7777/cb']);
      t.signIn(null);
      const res = await t.server.authorize(
        get('/o/authorize', { response_type: 'code', client_id: app.clientId, prompt: 'none', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }),
      );
      expect(location(res).pathname).toBe(LEAVING_PATH);
      expect(location(res).searchParams.get('to')).toMatch(/^http:\/\/127\.0\.0\.1:7777\/cb\?error=login_required/);
    });

    it('a logout redirect to a self-registered client goes to the interstitial', async () => {
      const app = await selfRegistered(['https://agent.example/cb'], ['https://agent.example/bye']);
      const res = await t.server.logout(get('/o/logout', { client_id: app.clientId, post_logout_redirect_uri: 'https://agent.example/bye', state: 'z' }));
      // No hint: the confirmation page first; the plan it follows leads to the interstitial.
      expect(location(res).pathname).toBe('/o/logout/confirm');
      const plan = await t.server.planLogout(new URLSearchParams({ client_id: app.clientId, post_logout_redirect_uri: 'https://agent.example/bye', state: 'z' }), BASE);
      expect(plan.target).toBe(`${LEAVING_PATH}?${new URLSearchParams({ client_id: app.clientId, to: 'https://agent.example/bye?state=z' })}`);
    });

    it('dashboard clients keep their direct error redirects', async () => {
      const app = await t.application();
      const res = await t.server.authorize(get('/o/authorize', { response_type: 'magic', client_id: app.clientId }));
      expect(location(res).origin).toBe('https://client.example');
    });

    it('the interstitial links only to URIs the client registered', () => {
      const client = { redirectUris: ['https://a.example/cb', 'http://127.0.0.1/cb'], postLogoutRedirectUris: ['https://a.example/bye'] };
      expect(isClientTarget(client, 'https://a.example/cb?error=x&state=y')).toBe(true);
      expect(isClientTarget(client, 'https://a.example/cb#error=x')).toBe(true);
      expect(isClientTarget(client, 'https://a.example/bye')).toBe(true);
      expect(isClientTarget(client, 'http://127.0.0.1:5555/cb?error=x')).toBe(true);
      expect(isClientTarget(client, 'https://a.example/cbx')).toBe(false);
      expect(isClientTarget(client, 'https://a.example/cb.evil.example/')).toBe(false);
      expect(isClientTarget(client, 'https://evil.example/cb?x')).toBe(false);
      expect(isClientTarget(client, 'javascript:alert(1)')).toBe(false);
    });
  });
});
