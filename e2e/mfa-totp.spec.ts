/**
 * Issue 22 in Chromium: an authenticator app set up on /account (codes computed from the shown
 * secret with otpauth, as a phone would), the second step at /login/verify, what a person who
 * knows only the password can reach (nothing), wrong and replayed codes, and a recovery code.
 * Screenshots of each new screen at 1280 and 390 pixels wide go to e2e/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { signIn } from './helpers';

test.describe.configure({ timeout: 240_000 });

const PASSWORD = 'a long mfa passphrase';
const uniqueEmail = () => `mfa-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

export async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `e2e/screenshots/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/screenshots/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
export function codeFor(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

export async function signUp(page: Page, email = uniqueEmail()) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL('/');
  return { email, password: PASSWORD };
}

/** Sets up the authenticator app on /account; the secret and the recovery codes shown once. */
export async function enrolAuthenticatorApp(page: Page, shots = false) {
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Authenticator app' });
  if (shots) await section.scrollIntoViewIfNeeded();
  await section.getByRole('button', { name: 'Set up' }).click();
  const secret = (await section.getByTestId('totp-secret').textContent())!.trim();
  await expect(section.getByRole('img', { name: /QR code/ })).toBeVisible();
  if (shots) await screenshots(page, 'mfa-totp-setup');
  await section.getByLabel('Code').fill('000000');
  await section.getByRole('button', { name: 'Confirm' }).click();
  await expect(section.getByText('That code is not right')).toBeVisible();
  await section.getByLabel('Code').fill(codeFor(secret));
  await section.getByRole('button', { name: 'Confirm' }).click();
  await expect(section.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
  const codes = (await section.getByTestId('recovery-code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  if (shots) await screenshots(page, 'mfa-recovery-codes');
  return { secret, codes };
}

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
  await page.getByLabel('Code').fill(codeFor(secret, 1));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('region', { name: 'Authenticator app' })).toContainText('On.');

  // The same code again, in another sign-in: replay refused.
  await signOut(page);
  await page.goto('/login');
  await signIn(page, user);
  await expect(page).toHaveURL(/\/login\/verify/);
  await page.getByLabel('Code').fill(codeFor(secret, 1));
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
