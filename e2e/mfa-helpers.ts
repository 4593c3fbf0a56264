/** Helpers of the issue 22 specs (mfa-totp, mfa-passkeys). */
import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

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
  await expect(page).toHaveURL('/', { timeout: 30_000 });
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

