/**
 * Issue 15 in the browser, where a browser is the attacker's tool or the screen is the fix: a
 * crafted "Skip authorization" on the dashboard's register form (item 1), the interstitial in
 * front of redirects to self-registered clients (item 9), and prompt=select_account.
 */
import { expect, test, type Page } from '@playwright/test';
import { ALICE, BOB, CALLBACK, authorizeUrl, createApplication, pkcePair, randomState, signIn, startFakeClient, waitForCallback } from './helpers';

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient?.close();
});

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signedIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/login');
  await signIn(page, user);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

test('issue 15 item 1: a crafted skipAuthorization=on on the register form does not skip the victim’s consent', async ({ browser }) => {
  const attacker = await browser.newPage();
  await signedIn(attacker, ALICE);
  await attacker.goto('/o/applications/register');
  await expect(attacker.getByLabel('Skip authorization')).toHaveCount(0);
  await attacker.getByLabel('Name', { exact: true }).fill('Free Photos');
  await attacker.getByLabel('Redirect URIs', { exact: true }).fill(CALLBACK);
  // What the old form had: the attacker puts the field back before submitting.
  await attacker.locator('form').first().evaluate((form) => {
    const input = document.createElement('input');
    Object.assign(input, { type: 'hidden', name: 'skipAuthorization', value: 'on' });
    form.appendChild(input);
  });
  await attacker.getByRole('button', { name: 'Register application' }).click();
  await expect(attacker.getByRole('heading', { name: 'Free Photos is registered' })).toBeVisible();
  const clientId = await attacker.getByLabel('Client ID', { exact: true }).inputValue();
  await attacker.close();

  const victim = await browser.newPage();
  await signedIn(victim, BOB);
  const { challenge } = pkcePair();
  await victim.goto(authorizeUrl({ id: '', clientId, clientSecret: null, name: 'Free Photos', redirectUri: CALLBACK }, challenge, randomState()));
  await expect(victim).toHaveURL(/\/o\/consent\?request=/);
  await expect(victim.getByRole('heading', { name: /Free Photos/ })).toBeVisible();
  expect(fakeClient.requests.some((r) => r.includes('code='))).toBe(false);
  await victim.close();
});

test('issue 15 item 9: an error redirect to a self-registered client stops at "You are leaving …"', async ({ page, request }) => {
  const reg = await request.post('/o/register', { data: { client_name: 'Shady Agent', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' } });
  expect(reg.status()).toBe(201);
  const { client_id: clientId } = (await reg.json()) as { client_id: string };
  await page.goto(`/o/authorize?${new URLSearchParams({ client_id: clientId, response_type: 'magic', state: 'st' })}`);
  await expect(page).toHaveURL(/\/o\/leaving\?/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/You are leaving OAuth Server \(.+\) for 127\.0\.0\.1:3199/);
  await expect(page.getByText('Shady Agent', { exact: true })).toBeVisible();
  await expect(page.getByText('Registered by the application itself · not verified by the operator')).toBeVisible();
  await screenshots(page, 'leaving-interstitial');
  await page.getByRole('link', { name: 'Continue to 127.0.0.1:3199' }).click();
  const params = await waitForCallback(page);
  expect(params.get('error')).toBe('unsupported_response_type');
  expect(params.get('state')).toBe('st');

  // The page's query is anyone's to edit: a target the client did not register gets no link.
  await page.goto(`/o/leaving?${new URLSearchParams({ client_id: clientId, to: 'https://evil.example/' })}`);
  await expect(page.getByText('This link does not lead back to an application registered on this server.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Continue/ })).toHaveCount(0);
});

test('OIDC Core §3.1.2.1 prompt=select_account: Continue, or use another account', async ({ page }) => {
  const app = await createApplication({ name: 'Account Picker' });
  await signedIn(page, ALICE);
  const { challenge } = pkcePair();
  await page.goto(authorizeUrl(app, challenge, randomState(), { prompt: 'select_account' }));
  await expect(page).toHaveURL(/\/o\/select-account\?request=/);
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible();
  await expect(page.locator('#content').getByText('alice@example.com')).toBeVisible();
  await screenshots(page, 'select-account');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/o\/consent\?request=/);
  await expect(page.getByText('Signed in as alice@example.com')).toBeVisible();

  await page.goto(authorizeUrl(app, challenge, randomState(), { prompt: 'select_account' }));
  await expect(page).toHaveURL(/\/o\/select-account\?request=/);
  await page.getByRole('button', { name: 'Use another account' }).click();
  await signIn(page, BOB);
  await expect(page).toHaveURL(/\/o\/consent\?request=/);
  await expect(page.getByText('Signed in as bob@example.com')).toBeVisible();
});
