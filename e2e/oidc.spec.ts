/**
 * OpenID Connect against the running app: the code flow with openid-client, then RP-initiated
 * logout with id_token_hint signs the browser out of this server (OIDC RP-Initiated Logout §2-3).
 */
import { expect, test } from '@playwright/test';
import * as client from 'openid-client';
import { ALICE, CALLBACK, CLIENT_ORIGIN, createApplication, signIn, startFakeClient, waitForCallback } from './helpers';

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient.close();
});

test('code flow with openid-client, userinfo, then logout with id_token_hint ends the session', async ({ page, baseURL }) => {
  const app = await createApplication({ grants: 'authorization-code', skipAuthorization: true, name: 'OIDC RP', postLogoutRedirectUris: [`${CLIENT_ORIGIN}/bye`] });
  const config = await client.discovery(new URL(baseURL!), app.clientId, app.clientSecret!, undefined, { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
  });
  await page.goto(url.toString());
  await signIn(page, ALICE);
  await waitForCallback(page);
  const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state });
  const claims = tokens.claims()!;
  expect(claims.email).toBe(ALICE.email);
  expect(claims.iss).toBe(new URL(baseURL!).origin);
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  expect(info.email).toBe(ALICE.email);

  // Signed in: the dashboard opens.
  await page.goto('/o/applications');
  await expect(page).toHaveURL(/\/o\/applications/);

  const logout = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${CLIENT_ORIGIN}/bye`, state: 'bye' });
  await page.goto(logout.toString());
  await page.waitForURL((u) => u.href.startsWith(`${CLIENT_ORIGIN}/bye`));
  expect(new URL(page.url()).searchParams.get('state')).toBe('bye');

  // Signed out of the server: the dashboard asks for sign-in again.
  await page.goto('/o/applications');
  await expect(page).toHaveURL(/\/login/);
});
