/**
 * Issue 22 in Chromium: passkeys with the Chrome DevTools Protocol's virtual authenticator
 * (CTAP2, internal transport, resident keys, user verification), and a relying party
 * (openid-client) asking for acr_values=<mfa> stepping a password session up through
 * /login/verify to an ID token whose amr includes mfa. Passkeys need a host name for their RP
 * ID (an IP address is not allowed), so the passkey test runs on http://localhost:<port>.
 */
import { expect, test, type Page } from '@playwright/test';
import * as client from 'openid-client';
import { ACR_MFA } from '../lib/oauth/oidc/amr';
import { CALLBACK, createApplication, startFakeClient, waitForCallback } from './helpers';
import { codeFor, enrolAuthenticatorApp, screenshots, signUp } from './mfa-helpers';

test.describe.configure({ timeout: 240_000 });

const PORT = process.env.E2E_PORT || '3100';
const LOCAL = `http://localhost:${PORT}`;

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

test('a passkey: added on /account, then a full sign-in on its own (conditional UI); removed, it is refused', async ({ page }) => {
  await page.goto(`${LOCAL}/login`);
  await expect(page.getByRole('button', { name: 'Sign in with a passkey' })).toBeVisible();
  await screenshots(page, 'mfa-login-passkey');
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await page.goto(`${LOCAL}/signup`);
  const email = `passkey-${Date.now()}@example.com`;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a long passkey passphrase');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(`${LOCAL}/`);

  await page.goto(`${LOCAL}/account#passkeys`);
  const section = page.getByRole('region', { name: 'Passkeys' });
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByText('Give the passkey a name')).toBeVisible();
  await section.getByLabel('Passkey name').fill('Virtual key');
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByText('Passkey “Virtual key” added')).toBeVisible();
  await expect(section.getByRole('list', { name: 'Passkeys' })).toContainText('Virtual key');
  await expect(section.getByRole('list', { name: 'Passkeys' })).toContainText('not used yet');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  await section.scrollIntoViewIfNeeded();
  await screenshots(page, 'mfa-passkeys');

  // Conditional UI: /login asks for a passkey through the email field's autofill as it loads;
  // the virtual authenticator answers such a request at once (a person would pick the passkey).
  await signOut(page);
  await page.goto(`${LOCAL}/login?next=/account`);
  await expect(page).toHaveURL(`${LOCAL}/account`);
  await expect(section.getByRole('list', { name: 'Passkeys' })).toContainText('last used');

  await section.getByRole('button', { name: 'Remove Virtual key' }).click();
  await expect(section.getByText('The passkey was removed.')).toBeVisible();
  await signOut(page);
  // The authenticator still holds the credential; the server no longer knows it.
  await page.goto(`${LOCAL}/login`);
  await expect(page.getByText('That passkey is not registered here')).toBeVisible();
  await expect(page).toHaveURL(`${LOCAL}/login`);
  // The button asks again (a modal prompt this time): the same clear refusal, still signed out.
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByText('That passkey is not registered here')).toBeVisible();
  await expect(page).toHaveURL(`${LOCAL}/login`);
  await page.goto(`${LOCAL}/account`);
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await screenshots(page, 'mfa-login-passkey-removed');
});

test('OIDC Core §3.1.2.1 acr_values: a password session is stepped up, and the ID token says amr mfa (through the consent page)', async ({ page, baseURL }) => {
  const fake = await startFakeClient();
  try {
    await signUp(page);
    const { secret } = await enrolAuthenticatorApp(page);
    // Not skipping consent: the consent form's server action must carry the session's amr to the code (it once did not).
    const app = await createApplication({ owner: null, skipAuthorization: false, algorithm: 'RS256' });
    const config = await client.discovery(new URL(baseURL!), app.clientId, app.clientSecret!, undefined, { execute: [client.allowInsecureRequests] });
    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
      acr_values: ACR_MFA,
    });
    // Signed in with the password only (the sign-up): asked for the second step, not refused.
    await page.goto(url.href);
    await expect(page).toHaveURL(/\/login\/verify\?next=%2Fo%2Fauthorize/);
    await expect(page.getByText('This application asks you to confirm it is you')).toBeVisible();
    await screenshots(page, 'mfa-step-up');
    await page.getByLabel('Code').fill(codeFor(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Authorize' }).click();
    const params = await waitForCallback(page);
    const callback = new URL(`${CALLBACK}?${params}`);
    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state });
    const claims = tokens.claims()!;
    expect(claims.amr).toEqual(expect.arrayContaining(['pwd', 'otp', 'mfa']));
    expect(claims.acr).toBe(ACR_MFA);
  } finally {
    await fake.close();
  }
});
