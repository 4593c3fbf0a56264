/**
 * Issue 23 for the operators' console, in Chromium: an operator whose browser asks for German
 * (Accept-Language) gets the users list, a user's page (with an action's notice), the tokens page
 * and the audit trail in German, dates formatted for German; one whose browser asks for Japanese
 * gets the users list and a user's page in Japanese. Audit event names (sign_in.succeeded) stay as
 * they are. The operator is a fresh account made operator by alice, so no saved language of a
 * demo user (which beats Accept-Language) is involved or left behind. Screenshots of the users
 * list and a user's page in German and Japanese at phone and desktop widths (i18n-admin-*.png).
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ALICE, BOB, signIn } from './helpers';
import { shootBothWidths } from './shoot';

// Sign-ups, sign-ins in three browsers and full-page screenshots at two widths: past the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const operator = { email: `betreiber-${randomBytes(4).toString('hex')}@example.com`, password: 'a long enough password 1' };

/** As the pages format it (lib/ui/format.ts: medium date, UTC). */
const dateIn = (locale: string, d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);

async function browserIn(browser: Browser, locale: string, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL });
  return context.newPage();
}

/** Signs in on a sign-in page in any language (the fields by their input ids). */
async function signInAs(page: Page, user: { email: string; password: string }, submit: string) {
  await page.goto('/login');
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.getByRole('button', { name: submit, exact: true }).click();
}

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // The account signs up in English, then alice (in English) makes it an operator on its page.
  const signup = await browserIn(browser, 'en-US', baseURL);
  await signup.goto('/signup');
  await signup.getByLabel('Email').fill(operator.email);
  await signup.getByLabel('Password').fill(operator.password);
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await signup.context().close();

  const alice = await browserIn(browser, 'en-US', baseURL);
  await alice.goto('/login');
  await signIn(alice, ALICE);
  await expect(alice.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await alice.goto(`/admin/users?q=${encodeURIComponent(operator.email)}`);
  await alice.getByRole('link', { name: new RegExp(operator.email) }).click();
  await alice.getByRole('button', { name: 'Make operator' }).click();
  await expect(alice.getByText('This account is now an operator.')).toBeVisible();
  await alice.context().close();
});

test('German: the users list, a user page with its notice, tokens and the audit trail', async ({ browser, baseURL }) => {
  const page = await browserIn(browser, 'de-DE', baseURL);
  await signInAs(page, operator, 'Anmelden');
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { name: 'Benutzer', exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/^Benutzer · Verwaltung/);
  const nav = page.getByRole('navigation', { name: 'Verwaltung' });
  await expect(nav.getByRole('link', { name: 'Audit-Protokoll' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Signaturschlüssel' })).toBeVisible();
  await expect(page.getByText(/^Seite 1 von \d+ · [\d.]+ Kont(o|en)$/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Nach E-Mail-Adresse oder Name suchen' }).fill(operator.email);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const row = page.getByRole('list', { name: 'Benutzer' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Operator');
  // Joined today, as German writes a date ("01.12.2026").
  await expect(row).toContainText(`Registriert am ${dateIn('de', new Date())}`);
  await page.getByRole('searchbox').fill('');
  await page.getByRole('button', { name: 'Suchen' }).click();
  await shootBothWidths(page, 'i18n-admin-users-de');

  // A user's page, and an action's answer in German (the server action's notice).
  await page.goto(`/admin/users?q=${encodeURIComponent(BOB.email)}`);
  await page.getByRole('link', { name: new RegExp(BOB.email) }).click();
  await expect(page.getByRole('heading', { name: BOB.email })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Benutzer', exact: true }).first()).toBeVisible();
  for (const name of ['Konto deaktivieren', 'Passwort-Reset senden', 'Alle Sitzungen beenden', 'Alle Tokens widerrufen', 'Rollen speichern', 'Konto löschen']) {
    await expect(page.getByRole('button', { name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Letzte Aktivitäten' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Autorisierte Anwendungen' })).toBeVisible();
  await expect(page.getByLabel(/Geben Sie zur Bestätigung .* ein/)).toBeVisible();
  await page.getByLabel('Rollen', { exact: true }).fill('kein/gültiger name');
  await page.getByRole('button', { name: 'Rollen speichern' }).click();
  await expect(page.getByText('Rollennamen bestehen aus 1 bis 64 Buchstaben')).toBeVisible();
  await shootBothWidths(page, 'i18n-admin-user-de');

  // Tokens: the reason a filter names nothing, worded in German.
  await page.goto('/admin/tokens?user=niemand%40example.com');
  await expect(page.getByRole('heading', { name: 'Tokens', exact: true })).toBeVisible();
  await expect(page.getByText('Kein Konto hat die E-Mail-Adresse „niemand@example.com“.')).toBeVisible();

  // The audit trail: German labels and dates; event names stay as they are (data, not words).
  await page.goto('/admin/audit');
  await expect(page.getByRole('heading', { name: 'Audit-Protokoll' })).toBeVisible();
  await page.getByLabel('Benutzer', { exact: true }).fill(operator.email);
  await page.getByRole('button', { name: 'Filtern' }).click();
  const signInEvent = page.locator('[data-event-type="sign_in.succeeded"]').first();
  await expect(signInEvent).toContainText('sign_in.succeeded');
  await expect(signInEvent).toContainText('Benutzer:');
  // "01.12.2026, 14:05 UTC": German's medium date and 24-hour time.
  await expect(signInEvent.locator('time')).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC$/);
  await expect(page.getByRole('link', { name: 'Als CSV exportieren' })).toBeVisible();
  await page.goto('/admin/audit?from=gestern');
  await expect(page.getByText('Dieser Filter kann nicht verwendet werden')).toBeVisible();
  await expect(page.getByText('„Von“ muss ein Datum wie 2026-11-30 sein.')).toBeVisible();
  await page.context().close();
});

test('Japanese: the users list and a user page', async ({ browser, baseURL }) => {
  const page = await browserIn(browser, 'ja-JP', baseURL);
  await signInAs(page, operator, 'サインイン');
  await expect(page.getByRole('button', { name: 'サインアウト' })).toBeVisible();

  await page.goto(`/admin/users?q=${encodeURIComponent(operator.email)}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: 'ユーザー', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理' }).getByRole('link', { name: '監査ログ' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'ユーザー' })).toContainText(`登録日 ${dateIn('ja', new Date())}`);
  await page.goto('/admin/users');
  await shootBothWidths(page, 'i18n-admin-users-ja');

  await page.goto(`/admin/users?q=${encodeURIComponent(BOB.email)}`);
  await page.getByRole('link', { name: new RegExp(BOB.email) }).click();
  await expect(page.getByRole('heading', { name: BOB.email })).toBeVisible();
  await expect(page.getByRole('button', { name: 'アカウントを無効にする' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'セッション' })).toBeVisible();
  await expect(page.getByText(/登録日 \d{4}\/\d{2}\/\d{2}/)).toBeVisible();
  await shootBothWidths(page, 'i18n-admin-user-ja');
  await page.context().close();
});
