/**
 * Issue 23, the pages around sign-in and their mail in the reader's language: forgot and reset
 * password and email verification in German (the mail too, through a real SMTP server in this
 * process, and its link works), the account chooser (prompt=select_account) and the "You are
 * leaving" interstitial in Japanese. Screenshots of reset-password and select-account in German and
 * Japanese at phone and desktop widths go to e2e/screenshots/ (i18n-pages-*.png).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import { startTestSmtp, type TestSmtp } from '../lib/testing/smtp';
import { ALICE, CALLBACK, pkceAuthorizePath, registerPublicClient } from './helpers';
import { startServer, type RunningServer } from './servers';
import { shootBothWidths } from './shoot';

// Several sign-ins, a password reset and mail round trips on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let smtp: TestSmtp;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  smtp = await startTestSmtp();
  server = await startServer({
    EMAIL_SERVER: smtp.url,
    EMAIL_FROM: 'OAuth Server <accounts@test.example>',
    OAUTH2_SIGNUP: 'verified',
    OAUTH2_RATE_LIMIT_ACCOUNT_EMAIL_IP: '1000/3600',
  });
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

/** A server action's answer on a machine shared with other test runs can take longer than expect's 10 s. */
const SERVER_ANSWER = 30_000;

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

/** A browser whose Accept-Language is `locale` (the pages follow it: nothing else chooses here). */
async function newPage(browser: Browser, locale: string): Promise<Page> {
  return (await browser.newContext({ locale, baseURL: server.baseURL })).newPage();
}

/** The link in a message's plain text whose path is `pathname`. */
function linkIn(text: string | undefined, pathname: string): string {
  const found = (text ?? '').match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === pathname);
  if (!found) throw new Error(`no ${pathname} link in:\n${text}`);
  return found;
}

/** The message to `to` with `subject`, once it has arrived (the sign-up's verification mail comes first). */
async function mailTo(to: string, subject: string): Promise<ParsedMail> {
  const find = () => smtp.received.find((m) => m.subject === subject && JSON.stringify(m.to ?? '').includes(to));
  await expect.poll(() => find() !== undefined, { timeout: 20_000, message: `a mail to ${to}: ${subject}` }).toBe(true);
  return find()!;
}

/** Signs up on /signup in German (the fields by their ids). */
async function signUpGerman(page: Page, email: string, password: string) {
  await page.goto('/signup');
  await expect(page.getByRole('heading', { name: 'Erstellen Sie Ihr Konto' })).toBeVisible();
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Registrieren', exact: true }).click();
  await expect(page).toHaveURL(`${server.baseURL}/`);
}

test('forgot password in German: the mail is German, its link opens the German reset page, and it works', async ({ browser }) => {
  const email = unique('reset-de');
  const signup = await newPage(browser, 'de-DE');
  await signUpGerman(signup, email, 'erstes-langes-passwort');
  await signup.context().close();

  const page = await newPage(browser, 'de-DE');
  await page.goto('/forgot-password');
  await page.locator('#email').fill(email);
  await page.getByRole('button', { name: 'Link zum Zurücksetzen senden' }).click();
  await expect(page.getByRole('heading', { name: 'Prüfen Sie Ihre E-Mails' })).toBeVisible({ timeout: SERVER_ANSWER });

  const mail = await mailTo(email, 'Setzen Sie Ihr Passwort für OAuth Server zurück');
  expect(mail.headers.get('content-language')).toBe('de');
  expect(mail.text).toContain('Der Link funktioniert einmal, 30 Minuten lang.');
  expect(mail.html).toContain('Neues Passwort wählen');
  const link = linkIn(mail.text, '/reset-password');

  // Looking at the link does not use it: the Japanese screenshot first.
  const ja = await newPage(browser, 'ja-JP');
  await ja.goto(link);
  await expect(ja.getByRole('heading', { name: '新しいパスワードを設定' })).toBeVisible();
  await expect(ja.getByLabel('新しいパスワード')).toBeVisible();
  await shootBothWidths(ja, 'i18n-pages-reset-password-ja');
  await ja.context().close();

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Neues Passwort wählen' })).toBeVisible();
  await expect(page).toHaveTitle('Passwort zurücksetzen · OAuth Server');
  await expect(page.getByText(`Für ${email}. Sie werden überall abgemeldet`)).toBeVisible();
  await shootBothWidths(page, 'i18n-pages-reset-password-de');

  // The browser's own check and the server's answer, both in German.
  await page.getByLabel('Neues Passwort').fill('zweites-langes-passwort');
  await page.getByLabel('Passwort bestätigen').fill('etwas-anderes');
  await page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
  await expect(page.getByText('Die beiden Passwörter stimmen nicht überein')).toBeVisible();
  await page.getByLabel('Neues Passwort').fill('password');
  await page.getByLabel('Passwort bestätigen').fill('password');
  await page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
  await expect(page.getByText('Dieses Passwort gehört zu den häufigsten')).toBeVisible({ timeout: SERVER_ANSWER });
  await shootBothWidths(page, 'i18n-pages-reset-password-error-de');

  await page.getByLabel('Neues Passwort').fill('zweites-langes-passwort');
  await page.getByLabel('Passwort bestätigen').fill('zweites-langes-passwort');
  await page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
  await expect(page).toHaveURL(`${server.baseURL}/login?reset=done`, { timeout: SERVER_ANSWER });
  await expect(page.getByText('Ihr Passwort wurde geändert.')).toBeVisible();
  await mailTo(email, 'Ihr Passwort für OAuth Server wurde geändert');

  // A wrong password after a form POST: the server's answer is German too.
  await page.locator('#email').fill(email);
  await page.locator('#password').fill('erstes-langes-passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page.getByText('E-Mail-Adresse oder Passwort ist falsch')).toBeVisible({ timeout: SERVER_ANSWER });
  await page.locator('#password').fill('zweites-langes-passwort');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await expect(page).toHaveURL(`${server.baseURL}/`);

  // The link worked once; it now says so, in German.
  await page.goto(link);
  await expect(page.getByText('Dieser Link wurde bereits verwendet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Neuen Link senden' })).toHaveAttribute('href', '/forgot-password');
  await page.context().close();
});

test('email verification in German: the waiting page, the German mail, and the confirmed page', async ({ browser }) => {
  const email = unique('verify-de');
  const page = await newPage(browser, 'de-DE');
  await signUpGerman(page, email, 'ein-langes-passwort');
  const mail = await mailTo(email, 'Bestätigen Sie Ihre E-Mail-Adresse für OAuth Server');
  expect(mail.text).toContain('Willkommen bei OAuth Server.');

  await page.goto('/verify-email');
  await expect(page.getByRole('heading', { name: 'E-Mail-Adresse bestätigen' })).toBeVisible();
  await expect(page.getByText('Ein Schritt noch, bevor Anwendungen Ihr Konto nutzen können.')).toBeVisible();
  await expect(page.getByText(`Wir haben einen Link an ${email} gesendet.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erneut senden' })).toBeVisible();
  await shootBothWidths(page, 'i18n-pages-verify-email-de');

  await page.goto(linkIn(mail.text, '/verify-email'));
  await expect(page.getByRole('heading', { name: 'E-Mail-Adresse bestätigt' })).toBeVisible();
  await expect(page.getByText(`${email} ist bestätigt. Vielen Dank.`)).toBeVisible();

  await page.goto('/verify-email?token=forged-token-forged-token-forged-token-x');
  await expect(page.getByText('Dieser Link ist ungültig.')).toBeVisible();
  await page.context().close();
});

test('prompt=select_account in Japanese and German; the "You are leaving" page in Japanese', async ({ browser }) => {
  const shots: [string, string, string, string][] = [
    ['ja-JP', 'アカウントの選択', '別のアカウントを使う', 'ja'],
    ['de-DE', 'Konto auswählen', 'Anderes Konto verwenden', 'de'],
  ];
  for (const [locale, heading, another, stem] of shots) {
    const page = await newPage(browser, locale);
    const clientId = await registerPublicClient(page.request);
    await page.goto('/login');
    await page.locator('#email').fill(ALICE.email);
    await page.locator('#password').fill(ALICE.password);
    await page.locator('button[type=submit]').first().click();
    await expect(page).toHaveURL(`${server.baseURL}/`);

    await page.goto(pkceAuthorizePath(clientId, { scope: 'read', prompt: 'select_account' }));
    await expect(page).toHaveURL(/\/o\/select-account\?request=/);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    await expect(page.getByRole('button', { name: another })).toBeVisible();
    await expect(page.getByText('Fotoalbum Synchronisierung', { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', stem);
    await shootBothWidths(page, `i18n-pages-select-account-${stem}`);

    if (stem === 'ja') {
      await page.goto(`/o/leaving?${new URLSearchParams({ client_id: clientId, to: `${CALLBACK}?error=access_denied` })}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/OAuth Server \(.+\) から 127\.0\.0\.1:3199 に移動します/);
      await expect(page.getByText('アプリケーション自身が登録 · 運営者は確認していません')).toBeVisible();
      await expect(page.getByRole('link', { name: '127.0.0.1:3199 に進む' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'このページにとどまる' })).toBeVisible();
      await shootBothWidths(page, 'i18n-pages-leaving-ja');
      await page.goto(`/o/leaving?${new URLSearchParams({ client_id: clientId, to: 'https://evil.example/' })}`);
      await expect(page.getByText('このリンクは、このサーバーに登録されたアプリケーションに戻るものではありません。')).toBeVisible();
    }
    await page.context().close();
  }
});

test('English is unchanged on these pages (the words other specs and people rely on); the home page in German and Japanese', async ({ browser }) => {
  const page = await newPage(browser, 'en-US');
  await page.goto('/reset-password?token=forged-token-forged-token-forged-token-x');
  await expect(page.getByRole('heading', { name: 'Reset password' })).toBeVisible();
  await expect(page.getByText('This link is not valid.')).toBeVisible();
  await expect(page.getByText('Reset links work once, for 30 minutes. Ask for a new one and use the latest email.')).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'The authorization server for your applications' })).toBeVisible();
  await expect(page.getByText('Token introspection for resource servers')).toBeVisible();
  const de = await newPage(browser, 'de-DE');
  await de.goto('/');
  await expect(de.getByRole('heading', { name: 'Der Autorisierungsserver für Ihre Anwendungen' })).toBeVisible();
  await expect(de.getByText('Token-Introspektion für Ressourcenserver')).toBeVisible();
  await shootBothWidths(de, 'i18n-pages-home-de');
  await de.context().close();
  const ja = await newPage(browser, 'ja-JP');
  await ja.goto('/');
  await expect(ja.getByRole('heading', { name: 'あなたのアプリケーションのための認可サーバー' })).toBeVisible();
  await shootBothWidths(ja, 'i18n-pages-home-ja');
  await ja.context().close();
  await page.context().close();
});
