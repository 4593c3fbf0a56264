/**
 * The account page (issue 17) in Chromium: changing the password, signing out another browser
 * (a second browser context) and deleting the account, with what each means for other
 * browsers and for an application's tokens. Screenshots of /account and the delete states at
 * 1280 and 390 pixels wide go to e2e/screenshots/.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import {
  authorizeUrl,
  createApplication,
  exchangeCode,
  pkcePair,
  randomState,
  signIn,
  startFakeClient,
  waitForCallback,
  type TestApplication,
} from './helpers';

const uniqueEmail = () => `account-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const PASSWORD = 'first long passphrase';

// Each test signs up, signs in a second browser and makes several round trips: more than the
// default 30 s when the machine is busy.
test.describe.configure({ timeout: 120_000 });

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient?.close();
});

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `e2e/screenshots/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/screenshots/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signUp(page: Page, email = uniqueEmail()) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL('/');
  return { email, password: PASSWORD };
}

async function signInElsewhere(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' });
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, user);
  await expect(page).toHaveURL('/');
  return { context, page };
}

async function introspect(request: APIRequestContext, app: TestApplication, token: string) {
  const res = await request.post('/o/introspect', {
    form: { token },
    headers: { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret!)}`).toString('base64')}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

test.describe('/account', () => {
  test('the header links to it; changing the password makes the old one fail and signs out other browsers', async ({ page, browser }) => {
    const user = await signUp(page);
    const other = await signInElsewhere(browser, user);

    await page.getByRole('banner').getByRole('link', { name: 'Account' }).click();
    await expect(page).toHaveURL('/account');
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await screenshots(page, 'account');

    // The browser checks the confirmation first; the server the current password.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('second long passphrase');
    await page.getByLabel('Confirm new password').fill('second long passphrase!');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('The two passwords do not match')).toBeVisible();
    await page.getByLabel('Confirm new password').fill('second long passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Your current password is incorrect')).toBeVisible();
    await screenshots(page, 'account-password-error');

    await page.getByLabel('Current password').fill(user.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText(/Your password was changed\. 1 other browser was signed out\./)).toBeVisible();

    // This browser stays signed in; the other one is signed out on its next request.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    await other.page.goto('/account');
    await expect(other.page).toHaveURL(/\/login\?next=%2Faccount/);
    await other.context.close();

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/login');
    await signIn(page, user);
    await expect(page.getByText('Email or password is incorrect')).toBeVisible();
    await signIn(page, { email: user.email, password: 'second long passphrase' });
    await expect(page).toHaveURL('/');
  });

  test('"Sign out" on another session signs that browser out on its next request', async ({ page, browser }) => {
    const user = await signUp(page);
    const other = await signInElsewhere(browser, user);
    await expect(other.page.getByRole('banner').getByText(user.email)).toBeVisible();

    await page.goto('/account');
    const sessions = page.getByRole('list', { name: 'Sessions' });
    await expect(sessions.getByRole('listitem')).toHaveCount(2);
    await expect(sessions.getByRole('listitem').first()).toContainText('This device');
    await expect(sessions.getByRole('listitem').nth(1)).toContainText('Firefox 133 on Windows');
    await screenshots(page, 'account-sessions');

    await sessions.getByRole('listitem').nth(1).getByRole('button', { name: /^Sign out/ }).click();
    await expect(page.getByText('That browser was signed out.')).toBeVisible();
    await expect(sessions.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('You are not signed in anywhere else.')).toBeVisible();

    await other.page.goto('/o/applications');
    await expect(other.page).toHaveURL(/\/login\?next=/);
    await expect(other.page.getByRole('banner').getByText(user.email)).toHaveCount(0);
    await other.context.close();

    // The header's "Sign out" ends this session's row too: the page's own session list is gone with it.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  });

  test('deleting the account lists its applications, then its tokens stop working', async ({ page, request }) => {
    const user = await signUp(page);
    const owned = await createApplication({ name: `Owned ${Date.now()}`, owner: user.email });
    const app = await createApplication({ name: `Used ${Date.now()}` });

    // The person authorizes an application and it gets tokens.
    const pkce = pkcePair();
    await page.goto(authorizeUrl(app, pkce.challenge, randomState()));
    await page.getByRole('button', { name: 'Authorize' }).click();
    const code = (await waitForCallback(page)).get('code')!;
    const { status, body } = await exchangeCode(request, app, code, pkce.verifier);
    expect(status).toBe(200);
    const accessToken = body.access_token as string;
    const refreshToken = body.refresh_token as string;
    expect((await introspect(request, app, accessToken)).active).toBe(true);

    await page.goto('/account');
    await page.getByRole('link', { name: 'Delete account…' }).click();
    await expect(page).toHaveURL('/account/delete');
    await expect(page.getByRole('list', { name: 'Applications that will be deleted' })).toContainText(owned.name);
    await screenshots(page, 'account-delete');

    await page.getByLabel(`Type ${user.email} to confirm`).fill('someone@example.com');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page.getByText(`Type your email address, ${user.email}, exactly to confirm`)).toBeVisible();
    await screenshots(page, 'account-delete-error');

    await page.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page).toHaveURL('/account/deleted');
    await expect(page.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await screenshots(page, 'account-deleted');

    // RFC 7662 §2.2: inactive; RFC 6749 §5.2: the refresh token is refused.
    expect(await introspect(request, app, accessToken)).toEqual({ active: false });
    expect(typeof refreshToken).toBe('string');
    {
      const refreshed = await request.post('/o/token', {
        form: { grant_type: 'refresh_token', refresh_token: refreshToken },
        headers: { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret!)}`).toString('base64')}` },
      });
      expect(refreshed.status()).toBe(400);
      expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');
    }
    // The account is gone: signing in fails.
    await page.goto('/login');
    await signIn(page, user);
    await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  });
});
