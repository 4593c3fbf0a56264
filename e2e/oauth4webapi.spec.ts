/**
 * The code flow with PKCE, a refresh, introspection and revocation against the running app,
 * driven by a real client library (oauth4webapi). The application skips the consent page.
 */
import { expect, test } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { ALICE, CALLBACK, createApplication, signIn, startFakeClient, waitForCallback } from './helpers';

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient.close();
});

test('RFC 6749 §4.1 + RFC 7636 + RFC 7662 + RFC 7009 with oauth4webapi', async ({ page, baseURL }) => {
  const issuer = new URL(baseURL!);
  const opts = { [oauth.allowInsecureRequests]: true };
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...opts, algorithm: 'oauth2' }));
  expect(as.token_endpoint).toBe(`${issuer.origin}/o/token`);

  const app = await createApplication({ grants: 'authorization-code', skipAuthorization: true, name: 'oauth4webapi client' });
  const client: oauth.Client = { client_id: app.clientId };
  const auth = oauth.ClientSecretBasic(app.clientSecret!);

  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: CALLBACK,
    scope: 'read write',
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();

  await page.goto(url.toString());
  await signIn(page, ALICE);
  await waitForCallback(page);
  const callback = oauth.validateAuthResponse(as, client, new URL(page.url()), state);

  const tokenRes = await oauth.authorizationCodeGrantRequest(as, client, auth, callback, CALLBACK, verifier, opts);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, tokenRes);
  expect(tokens.token_type).toBe('bearer');
  expect(tokens.scope).toBe('read write');
  expect(tokens.refresh_token).toBeTruthy();

  const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, opts));
  expect(refreshed.access_token).not.toBe(tokens.access_token);

  const active = await oauth.processIntrospectionResponse(as, client, await oauth.introspectionRequest(as, client, auth, refreshed.access_token, opts));
  expect(active).toMatchObject({ active: true, client_id: app.clientId, scope: 'read write' });
  expect(active.username).toBeUndefined(); // the email only with the email scope

  // The access token the refresh replaced no longer works (DOT revokes it on refresh).
  const old = await oauth.processIntrospectionResponse(as, client, await oauth.introspectionRequest(as, client, auth, tokens.access_token, opts));
  expect(old.active).toBe(false);

  await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, refreshed.refresh_token!, opts));
  const revoked = await oauth.processIntrospectionResponse(as, client, await oauth.introspectionRequest(as, client, auth, refreshed.access_token, opts));
  expect(revoked).toEqual({ active: false });
  const api = await page.request.get('/api/hello', { headers: { Authorization: `Bearer ${refreshed.access_token}` } });
  expect(api.status()).toBe(401);
});

test('createapplication prints client_credentials that work at once', async ({ request }) => {
  const app = await createApplication({ grants: 'client-credentials', name: 'machine client' });
  const res = await request.post('/o/token', {
    form: { grant_type: 'client_credentials', scope: 'read' },
    headers: { Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
  });
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  const body = await res.json();
  expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read' });
  const api = await request.get('/api/hello', { headers: { Authorization: `Bearer ${body.access_token}` } });
  expect(api.status()).toBe(200);
});
