/**
 * Issue 23 on the account area in Chromium: /account, /account/activity, /account/delete and
 * /account/deleted in German (the footer switcher's NEXT_LOCALE cookie) and /account in Japanese
 * (Accept-Language): headings, buttons, the browser's zod messages, the server actions' answers,
 * and dates formatted for the language. English is covered by account.spec.ts and mfa-*.spec.ts,
 * unchanged. Screenshots of /account in German and Japanese at phone and desktop widths go to
 * e2e/screenshots/ (i18n-account-*.png).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { shootBothWidths } from './shoot';

// Signing up, several server actions and a build-time font for Japanese: more than 30 s when busy.
test.describe.configure({ timeout: 120_000 });

const PASSWORD = 'a long translated passphrase';
const uniqueEmail = (tag: string) => `i18n-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A fresh account (its saved language stays unset, so the cookie or the browser decides), signed in. */
async function signUp(browser: Browser, baseURL: string | undefined, locale: string, tag: string): Promise<{ page: Page; email: string }> {
  const context = await browser.newContext({ locale, baseURL });
  const page = await context.newPage();
  const email = uniqueEmail(tag);
  await page.goto('/signup');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#password').press('Enter');
  await expect(page).toHaveURL('/', { timeout: 30_000 });
  return { page, email };
}

/** The date part of "Signed in …" as the server formats it for `locale` (lib/ui/format.ts: medium, UTC). */
const today = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());

test('German by the NEXT_LOCALE cookie: /account, its forms and actions, activity, and deleting the account', async ({ browser, baseURL }) => {
  const { page, email } = await signUp(browser, baseURL, 'en-US', 'de');
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'de', url: baseURL ?? 'http://127.0.0.1:3100' }]);

  await page.goto('/account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle('Konto · OAuth Server');
  await expect(page.getByRole('heading', { name: 'Konto', level: 1 })).toBeVisible();
  for (const section of ['Name', 'E-Mail-Adresse', 'Passwort', 'Authenticator-App', 'Passkeys', 'Angemeldet auf', 'Autorisierte Anwendungen', 'Letzte Aktivitäten', 'Konto löschen']) {
    await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByText(`Sie melden sich mit ${email} an.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Name speichern' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bestätigungslink senden' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Konto löschen …' })).toBeVisible();

  // The session list: this browser, marked, with its sign-in time in German (e.g. "01.12.2026, 12:05 UTC").
  const sessions = page.getByRole('list', { name: 'Sitzungen' });
  await expect(sessions.getByRole('listitem').first()).toContainText('Dieses Gerät');
  await expect(sessions.getByRole('listitem').first()).toContainText('jetzt aktiv');
  await expect(sessions.getByTestId('session-signed-in').first()).toHaveText(new RegExp(`^Angemeldet am ${today('de').replace(/\./g, '\\.')}, \\d{2}:\\d{2} UTC$`));
  await expect(page.getByText('Sie sind nirgendwo sonst angemeldet.')).toBeVisible();
  await shootBothWidths(page, 'i18n-account-de');

  // The browser's zod messages, then the server action's refusal and success, all in German.
  const password = page.getByRole('region', { name: 'Passwort', exact: true });
  await password.getByLabel('Aktuelles Passwort').fill('not my password');
  await password.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
  await password.getByLabel('Neues Passwort bestätigen').fill('kurz');
  await password.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(password.getByText('Das Passwort muss mindestens 8 Zeichen lang sein')).toBeVisible();
  await password.getByLabel('Neues Passwort', { exact: true }).fill('ein zweites langes passwort');
  await password.getByLabel('Neues Passwort bestätigen').fill('ein anderes langes passwort');
  await password.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(password.getByText('Die beiden Passwörter stimmen nicht überein')).toBeVisible();
  await password.getByLabel('Neues Passwort', { exact: true }).fill('ein zweites langes passwort');
  await password.getByLabel('Neues Passwort bestätigen').fill('ein zweites langes passwort');
  await password.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(password.getByText('Ihr aktuelles Passwort ist falsch')).toBeVisible();

  const name = page.getByRole('region', { name: 'Name', exact: true });
  await name.getByLabel('Name').fill('Grüße aus Köln');
  await name.getByRole('button', { name: 'Name speichern' }).click();
  await expect(name.getByText('Ihr Name wurde gespeichert.')).toBeVisible();

  const emailSection = page.getByRole('region', { name: 'E-Mail-Adresse', exact: true });
  await emailSection.getByLabel('Neue E-Mail-Adresse').fill(email);
  await emailSection.getByRole('button', { name: 'Bestätigungslink senden' }).click();
  await expect(emailSection.getByText('Das ist bereits Ihre E-Mail-Adresse')).toBeVisible();

  // The authenticator app's server action answers in German too.
  const app = page.getByRole('region', { name: 'Authenticator-App' });
  await app.getByRole('button', { name: 'Einrichten' }).click();
  await expect(app.getByText('Geheimer Schlüssel')).toBeVisible();
  await expect(app.getByRole('img', { name: 'QR-Code für Ihre Authenticator-App' })).toBeVisible();
  await app.getByLabel('Code').fill('000000');
  await app.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(app.getByText('Dieser Code ist nicht richtig.')).toBeVisible();

  const passkeys = page.getByRole('region', { name: 'Passkeys' });
  await passkeys.getByRole('button', { name: 'Passkey hinzufügen' }).click();
  await expect(passkeys.getByText('Geben Sie dem Passkey einen Namen')).toBeVisible();

  // Activity: the page's own words.
  await page.getByRole('link', { name: 'Letzte Aktivitäten' }).click();
  await expect(page).toHaveURL('/account/activity');
  await expect(page).toHaveTitle('Ihre Aktivitäten · OAuth Server');
  await expect(page.getByRole('heading', { name: 'Ihre Aktivitäten', level: 1 })).toBeVisible();
  await expect(page.getByText('Wenn Sie etwas sehen, das nicht von Ihnen stammt')).toBeVisible();
  // The rows (the audit list): dates and labels in German too.
  const firstEvent = page.getByRole('list', { name: 'Ereignisse' }).getByRole('listitem').first();
  await expect(firstEvent).toContainText(`${today('de')}, `);
  await expect(firstEvent).toContainText('Benutzer:');
  await shootBothWidths(page, 'i18n-account-activity-de');
  await page.getByRole('link', { name: 'Konto', exact: true }).first().click();
  await expect(page).toHaveURL('/account');

  // Delete: what it takes with it, the typed confirmation (refused, then accepted), the landing page.
  await page.getByRole('link', { name: 'Konto löschen …' }).click();
  await expect(page).toHaveURL('/account/delete');
  await expect(page.getByRole('heading', { name: 'Ihr Konto löschen?' })).toBeVisible();
  await expect(page.getByText('Sie werden in jedem Browser abgemeldet.')).toBeVisible();
  await expect(page.getByText('Keine Anwendung hat Zugriff auf Ihr Konto.')).toBeVisible();
  await expect(page.getByText('Sie haben keine Anwendungen registriert.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Abbrechen' })).toBeVisible();
  await shootBothWidths(page, 'i18n-account-delete-de');
  const confirm = page.getByLabel(`Geben Sie zur Bestätigung ${email} ein`);
  await page.getByRole('button', { name: 'Konto löschen' }).click();
  await expect(page.getByText('Geben Sie zur Bestätigung Ihre E-Mail-Adresse ein')).toBeVisible();
  await confirm.fill('jemand@example.com');
  await page.getByRole('button', { name: 'Konto löschen' }).click();
  await expect(page.getByText(`Geben Sie zur Bestätigung genau Ihre E-Mail-Adresse ${email} ein`)).toBeVisible();
  await confirm.fill(email);
  await page.getByRole('button', { name: 'Konto löschen' }).click();
  await expect(page).toHaveURL('/account/deleted');
  await expect(page.getByRole('heading', { name: 'Ihr Konto wurde gelöscht' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Startseite' })).toBeVisible();
  await page.context().close();
});

test('Japanese by Accept-Language: /account with its sections, buttons and a Japanese date', async ({ browser, baseURL }) => {
  const { page } = await signUp(browser, baseURL, 'ja-JP', 'ja');
  await page.goto('/account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: 'アカウント', level: 1 })).toBeVisible();
  for (const section of ['名前', 'メールアドレス', 'パスワード', '認証アプリ', 'パスキー', 'サインイン中の場所', 'アカウントの削除']) {
    await expect(page.getByRole('region', { name: section, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: '名前を保存' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'パスワードを変更' })).toBeVisible();
  await expect(page.getByRole('button', { name: '設定する' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'パスキーを追加' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'アカウントを削除…' })).toBeVisible();
  // "2026/12/01 12:05 UTC"
  await expect(page.getByTestId('session-signed-in').first()).toHaveText(new RegExp(`^サインイン: ${today('ja')} \\d{2}:\\d{2} UTC$`));

  // A zod message from the browser, in Japanese.
  const password = page.getByRole('region', { name: 'パスワード', exact: true });
  await password.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(password.getByText('現在のパスワードを入力してください')).toBeVisible();
  await shootBothWidths(page, 'i18n-account-ja');
  await page.context().close();
});
