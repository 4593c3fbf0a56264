/**
 * Rate limits as a person meets them, on a server of this file's own started with tiny limits
 * through the environment alone (the shared test server raises its per-IP limits instead):
 * the sign-in and sign-up forms' message, the authorization endpoint's 429 page, and the
 * application form's "Rate limit" field.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './servers';

let server: RunningServer | undefined;
let base = '';

const uniqueEmail = () => `rl-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer({
    OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '2/900',
    OAUTH2_RATE_LIMIT_SIGNUP_IP: '2/3600',
    OAUTH2_RATE_LIMIT_SIGNIN_IP: '50/60',
    OAUTH2_RATE_LIMIT_AUTHORIZE_IP: '3/60',
  });
  base = server.baseURL;
});

test.afterAll(async () => {
  await server?.stop();
});

async function signUp(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  return page;
}

test.describe.configure({ mode: 'serial' });

test.describe('rate limits on pages', () => {
  let owner: Page;

  test('sign-up: over the per-IP limit, the form says how long to wait', async ({ browser }) => {
    owner = await signUp(browser, uniqueEmail());
    await expect(owner).toHaveURL(`${base}/`);
    const second = await signUp(browser, uniqueEmail());
    await expect(second).toHaveURL(`${base}/`);
    const third = await signUp(browser, uniqueEmail());
    await expect(third.getByText('Too many attempts. Try again in 60 minutes.')).toBeVisible();
    await expect(third).toHaveURL(/\/signup/);
    await third.screenshot({ path: 'test-results/rate-limit-signup.png', fullPage: true });
  });

  test('sign-in: failed passwords lock the account, even the right password waits', async ({ browser }) => {
    const ctx = await browser.newContext({ baseURL: base });
    const login = await ctx.newPage();
    const victim = uniqueEmail();
    for (let i = 0; i < 2; i++) {
      await login.goto('/login');
      await login.getByLabel('Email').fill(victim);
      await login.getByLabel('Password').fill(`wrong-password-${i}`);
      await login.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(login.getByText('Email or password is incorrect')).toBeVisible();
    }
    await login.goto('/login');
    await login.getByLabel('Email').fill(victim);
    await login.getByLabel('Password').fill('wrong-password-again');
    await login.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(login.getByText('Too many attempts. Try again in 15 minutes.')).toBeVisible();
    await login.screenshot({ path: 'test-results/rate-limit-signin.png', fullPage: true });
  });

  test('authorization endpoint: a 429 page with Retry-After', async ({ browser }) => {
    const ctx = await browser.newContext({ baseURL: base });
    const url = '/o/authorize?response_type=code&client_id=unknown-client';
    for (let i = 0; i < 3; i++) {
      const res = await ctx.request.get(url, { maxRedirects: 0 });
      expect(res.status()).toBe(302);
    }
    const page = await ctx.newPage();
    const res = await page.goto(url);
    expect(res!.status()).toBe(429);
    expect(Number(res!.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
    await expect(page.getByRole('heading', { name: 'Too many requests' })).toBeVisible();
    await expect(page.getByText(/Try again in \d+ seconds/)).toBeVisible();
    await page.screenshot({ path: 'test-results/rate-limit-authorize.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/rate-limit-authorize-phone.png' });
  });

  test('dashboard: an application gets a custom limit, then none', async () => {
    await owner.goto('/o/applications/register');
    await owner.getByLabel('Name').fill('Busy service');
    await owner.getByLabel('Client credentials').check();
    await owner.getByLabel('Authorization code').uncheck();
    await owner.getByLabel('Custom').check();
    await owner.getByLabel('Requests per minute').fill('0');
    await owner.getByRole('button', { name: 'Register application' }).click();
    await expect(owner.getByText('Enter a whole number of requests per minute, from 1 to 1,000,000')).toBeVisible();
    await owner.getByLabel('Requests per minute').fill('5000');
    await owner.getByLabel('Requests per minute').scrollIntoViewIfNeeded();
    await owner.screenshot({ path: 'test-results/rate-limit-form.png', fullPage: true });
    await owner.getByRole('button', { name: 'Register application' }).click();
    await owner.getByRole('link', { name: 'Go to the application' }).click();
    await expect(owner.getByText('5,000 requests per minute (custom)')).toBeVisible();

    await owner.getByRole('link', { name: 'Edit', exact: true }).first().click();
    await expect(owner.getByLabel('Custom')).toBeChecked();
    await expect(owner.getByLabel('Requests per minute')).toHaveValue('5000');
    await owner.getByLabel('No limit').check();
    await expect(owner.getByLabel('Requests per minute')).toHaveCount(0);
    await owner.getByRole('button', { name: 'Save changes' }).click();
    await expect(owner.getByText('Changes saved')).toBeVisible();
    await expect(owner.getByText('No limit', { exact: true })).toBeVisible();
    await owner.screenshot({ path: 'test-results/rate-limit-detail.png', fullPage: true });
  });
});
