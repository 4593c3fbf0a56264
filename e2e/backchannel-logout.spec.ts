/**
 * OpenID Connect Back-Channel Logout 1.0 against the running app, in Chromium: sign in to an
 * application whose back-channel logout URI is a node:http listener in this test, sign out
 * (RP-initiated logout at /o/logout, and "Sign out" on our own pages), and the listener receives
 * a logout token that verifies against the server's JWKS and names the ID token's sid; the
 * session's tokens are inactive afterwards (OAUTH2_LOGOUT_REVOKES_TOKENS, on by default).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { ALICE, CALLBACK, CLIENT_ORIGIN, createApplication, signIn, startFakeClient, waitForCallback, type TestApplication } from './helpers';
import { shootBothWidths } from './shoot';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';

// Registering through the CLI, a browser sign-in and a queued delivery: more than the default 30 s on a busy machine.
test.setTimeout(120_000);

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
let listener: http.Server;
let logoutUri: string;
const received: string[] = [];

test.beforeAll(async () => {
  fakeClient = await startFakeClient();
  // The relying party's back-channel endpoint (§2.5: form-encoded logout_token, answered 200).
  listener = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.headers['content-type'] === 'application/x-www-form-urlencoded') received.push(new URLSearchParams(raw).get('logout_token') ?? '');
      res.writeHead(200, { 'Cache-Control': 'no-store' }).end();
    });
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  logoutUri = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/backchannel-logout`;
});

test.afterAll(async () => {
  await fakeClient.close();
  await new Promise((r) => listener.close(r));
});

async function nextLogoutToken(): Promise<string> {
  await expect.poll(() => received.length, { timeout: 30_000, message: 'a logout token reaches the listener' }).toBeGreaterThan(0);
  return received.shift()!;
}

async function signInWithOpenIdClient(page: import('@playwright/test').Page, baseURL: string, app: TestApplication) {
  const config = await client.discovery(new URL(baseURL), app.clientId, app.clientSecret!, undefined, { execute: [client.allowInsecureRequests] });
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, { redirect_uri: CALLBACK, scope: 'openid email read', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', nonce });
  await page.goto(url.toString());
  await signIn(page, ALICE);
  await waitForCallback(page);
  const tokens = await client.authorizationCodeGrant(config, new URL(page.url()), { pkceCodeVerifier: verifier, expectedNonce: nonce });
  return { config, tokens };
}

async function expectInactive(request: APIRequestContext, app: TestApplication, tokens: { access_token: string; refresh_token?: string }) {
  const auth = { Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` };
  const introspected = await request.post('/o/introspect', { form: { token: tokens.access_token }, headers: auth });
  expect(await introspected.json()).toEqual({ active: false });
  const refreshed = await request.post('/o/token', { form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }, headers: auth });
  expect(refreshed.status()).toBe(400);
  expect((await refreshed.json()).error).toBe('invalid_grant');
}

async function verifyLogoutToken(token: string, baseURL: string, app: TestApplication, idToken: string) {
  const issuer = new URL(baseURL).origin;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/o/.well-known/jwks.json`));
  const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer, audience: app.clientId, typ: 'logout+jwt' });
  const id = decodeJwt(idToken);
  expect(protectedHeader.typ).toBe('logout+jwt');
  expect(typeof id.sid).toBe('string');
  expect(payload).toMatchObject({ sub: id.sub, sid: id.sid, events: { [EVENT]: {} } });
  expect(typeof payload.jti).toBe('string');
  expect(payload.nonce).toBeUndefined();
}

test('RP-initiated logout: the application with a back-channel URI receives a valid logout token, and the session\'s tokens are inactive', async ({ page, baseURL, request }) => {
  const app = await createApplication({ name: 'Back-channel RP', skipAuthorization: true, postLogoutRedirectUris: [`${CLIENT_ORIGIN}/bye`], extraArgs: ['--backchannel-logout-uri', logoutUri, '--backchannel-logout-session-required'] });
  const { config, tokens } = await signInWithOpenIdClient(page, baseURL!, app);
  expect((await (await request.post('/o/introspect', { form: { token: tokens.access_token }, headers: { Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` } })).json()).active).toBe(true);

  const started = Date.now();
  await page.goto(client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: `${CLIENT_ORIGIN}/bye` }).toString());
  await page.waitForURL((u) => u.href.startsWith(`${CLIENT_ORIGIN}/bye`));
  // The sign-out did not wait for the delivery (which goes through the background queue).
  expect(Date.now() - started).toBeLessThan(10_000);

  await verifyLogoutToken(await nextLogoutToken(), baseURL!, app, tokens.id_token!);
  await expectInactive(request, app, tokens);
});

test('"Sign out" on our pages reaches the application too', async ({ page, baseURL, request }) => {
  const app = await createApplication({ name: 'Back-channel RP 2', skipAuthorization: true, extraArgs: ['--backchannel-logout-uri', logoutUri] });
  const { tokens } = await signInWithOpenIdClient(page, baseURL!, app);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out', exact: true }).first().click();
  await expect(page).toHaveURL(/\/login|\/$/);
  await verifyLogoutToken(await nextLogoutToken(), baseURL!, app, tokens.id_token!);
  await expectInactive(request, app, tokens);
});

test('the dashboard form: a back-channel logout URI that is not https is refused beside the field', async ({ page }) => {
  await page.goto('/o/applications/register');
  await signIn(page, ALICE);
  await expect(page.getByRole('heading', { name: 'Register an application' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('Back-channel form');
  await page.getByLabel('Redirect URIs', { exact: true }).fill(CALLBACK);
  const field = page.getByLabel('Back-channel logout URI');
  await field.fill('http://rp.example/logout');
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.locator('#backchannelLogoutUri-error')).toHaveText('The back-channel logout URI must use https (http only on localhost, 127.0.0.1 or [::1])');
  await field.scrollIntoViewIfNeeded();
  await shootBothWidths(page, 'register-backchannel-error');
});
