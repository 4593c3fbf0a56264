/**
 * Issue 22 in Chromium: an authenticator app set up on /account (codes computed from the shown
 * secret with otpauth, as a phone would), the second step at /login/verify, what a person who
 * knows only the password can reach (nothing), wrong and replayed codes, and a recovery code.
 * Screenshots of each new screen at 1280 and 390 pixels wide go to e2e/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { enrolAuthenticatorApp, codeFor, screenshots, signUp } from './mfa-helpers';

test.describe.configure({ timeout: 240_000 });

async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

test('an authenticator app: set up, then a code after the password; the password alone reaches nothing', async ({ page }) => {
  const user = await signUp(page);
  const { secret } = await enrolAuthenticatorApp(page, true);
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Authenticator app' })).toContainText('10 recovery codes left');
  await screenshots(page, 'mfa-account-on');
  await signOut(page);

  await page.goto('/login?next=/account');
  await signIn(page, user);
  await expect(page).toHaveURL(/\/login\/verify\?next=%2Faccount$/);
  await expect(page.getByLabel('Code')).toBeVisible();
  await screenshots(page, 'mfa-verify');

  // Half signed in: no session yet, so the account page and an authorization send back to sign in.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await page.goto('/login/verify?next=/account');

  await page.getByLabel('Code').fill('123456');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right, or it was already used')).toBeVisible();
  await screenshots(page, 'mfa-verify-wrong');

  // The code used at set-up is spent; the next step's code (the window allows one ahead) is not.
  const used = codeFor(secret, 1);
  await page.getByLabel('Code').fill(used);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('region', { name: 'Authenticator app' })).toContainText('On.');

  // The same code again, in another sign-in: replay refused.
  await signOut(page);
  await page.goto('/login');
  await signIn(page, user);
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel('Code').fill(used);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right, or it was already used')).toBeVisible();
});

test('a recovery code signs in once; "Generate new codes" replaces them; "Remove" turns it off', async ({ page }) => {
  const user = await signUp(page);
  const { codes } = await enrolAuthenticatorApp(page);
  await signOut(page);

  await page.goto('/login');
  await signIn(page, user);
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  await expect(page.getByLabel('Recovery code')).toBeVisible();
  await screenshots(page, 'mfa-verify-recovery');
  await page.getByLabel('Recovery code').fill(codes[0]!.toUpperCase());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Authenticator app' });
  await expect(section).toContainText('9 recovery codes left');

  await signOut(page);
  await page.goto('/login');
  await signIn(page, user);
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That recovery code is not right, or it was already used')).toBeVisible();
  await page.getByLabel('Recovery code').fill(codes[1]!);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/');

  await page.goto('/account');
  await section.getByRole('button', { name: 'Generate new codes' }).click();
  await expect(section.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
  const fresh = await section.getByTestId('recovery-code').allTextContents();
  expect(fresh).toHaveLength(10);
  expect(fresh).not.toContain(codes[2]);

  await page.goto('/account');
  await section.getByRole('button', { name: 'Remove' }).click();
  await expect(section.getByText('The authenticator app was removed')).toBeVisible();
  await signOut(page);
  await page.goto('/login');
  await signIn(page, user);
  await expect(page).toHaveURL('/');
});
