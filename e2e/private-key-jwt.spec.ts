/**
 * RFC 7523 private_key_jwt from the dashboard: alice registers a service that authenticates
 * with its own key (no secret is shown), a bad JWKS is refused beside the field, and the
 * service gets a JWT access token (RFC 9068) with a signed assertion. Screenshots at both widths.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, SignJWT, decodeProtectedHeader } from 'jose';
import { ALICE, signIn } from './helpers';
import { shootBothWidths } from './shoot';

const DESKTOP = { width: 1280, height: 800 };

const shoot = (page: Page, name: string) => shootBothWidths(page, `private-key-jwt-${name}`);

test('a service registered for private_key_jwt gets no secret and authenticates with its key', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'svc-1', alg: 'ES256', use: 'sig' };
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto('/o/applications/register');
  await signIn(page, ALICE);
  await expect(page).toHaveURL(/\/o\/applications\/register$/);

  await page.getByLabel('Name', { exact: true }).fill(`Nightly export ${Date.now().toString(36)}`);
  await page.getByRole('checkbox', { name: 'Authorization code' }).uncheck();
  await page.getByRole('checkbox', { name: 'Client credentials' }).check();
  // The key fields appear only for private key JWT.
  await expect(page.getByLabel('Public keys (JWKS)')).toHaveCount(0);
  await page.getByRole('radio', { name: /Private key JWT/ }).check();
  await page.getByRole('radio', { name: /JWT \(RFC 9068\)/ }).check();
  const jwksField = page.getByLabel('Public keys (JWKS)');
  await jwksField.fill(JSON.stringify({ keys: [{ ...jwk, d: 'not-public' }] }));
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.getByText(/key 1 is a private or symmetric key/i)).toBeVisible();
  await expect(jwksField).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'register-error');

  await jwksField.fill(JSON.stringify({ keys: [jwk] }, null, 2));
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.getByRole('heading', { name: /is registered$/ })).toBeVisible();
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/No client secret: your server signs a short JWT/)).toBeVisible();
  const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
  await shoot(page, 'registered');

  const now = Math.floor(Date.now() / 1000);
  const assertion = () =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'svc-1' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(`${baseURL}/o/token`)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .setJti(randomUUID())
      .sign(privateKey);
  const jwt = await assertion();
  const grant = (clientAssertion: string) =>
    request.post('/o/token', {
      form: { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: clientAssertion },
    });
  const res = await grant(jwt);
  expect(res.status()).toBe(200);
  const { access_token } = (await res.json()) as { access_token: string };
  expect(decodeProtectedHeader(access_token).typ).toBe('at+jwt');
  const jwks = (await (await request.get('/o/.well-known/jwks.json')).json()) as Parameters<typeof createLocalJWKSet>[0];
  const { payload } = await jwtVerify(access_token, createLocalJWKSet(jwks), { typ: 'at+jwt' });
  expect(payload).toMatchObject({ sub: clientId, client_id: clientId });

  // RFC 7523 §3: the same assertion twice is a replay.
  const replay = await grant(jwt);
  expect(replay.status()).toBe(401);
  expect(await replay.json()).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/already used/) });

  // The edit form shows the method and the keys as stored.
  await page.getByRole('link', { name: 'Go to the application' }).click();
  await page.getByRole('link', { name: /Edit/ }).first().click();
  await expect(page.getByRole('radio', { name: /Private key JWT/ })).toBeChecked();
  await expect(page.getByLabel('Public keys (JWKS)')).toHaveValue(/"kid": "svc-1"/);
  await shoot(page, 'edit');
  await context.close();
});
