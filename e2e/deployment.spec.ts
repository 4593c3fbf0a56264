/**
 * Demo accounts (published passwords) announce themselves on the sign-in page, and a server
 * started without them shows no such notice. Also the message a refused social sign-in leads to.
 */
import { expect, test, type Page } from '@playwright/test';
import { startServer } from './servers';

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
}

test('the sign-in page warns while demo accounts exist on the server', async ({ page }) => {
  await page.goto('/login');
  const notice = page.getByRole('status').filter({ hasText: 'Demo accounts exist on this server' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('alice@example.com, bob@example.com have published passwords. Do not use this server for real users.');
  await screenshots(page, 'login-demo-accounts');
});

test('a social sign-in refused for an unverified account says why on /login', async ({ page }) => {
  await page.goto('/login?error=UnverifiedAccount');
  const message = page.getByRole('alert').filter({ hasText: 'An account with this email already exists' });
  await expect(message).toContainText('its email address has not been verified, so it cannot be joined to that sign-in');
  await expect(message).toContainText('Sign in with your email and password instead.');
  await screenshots(page, 'login-unverified-account');
});

test('a server with OAUTH2_DEMO_USERS=off has no demo accounts and shows no notice', async ({ page }) => {
  test.setTimeout(120_000);
  const server = await startServer({ OAUTH2_DEMO_USERS: 'off' });
  try {
    await page.goto(`${server.baseURL}/login`);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Demo accounts exist on this server')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
