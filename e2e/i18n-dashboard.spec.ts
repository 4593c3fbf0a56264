/**
 * Issue 23, the developers' dashboard in the visitor's language (Accept-Language, for a
 * signed-in person who saved no choice): the application list, the register form with its
 * validation messages (the browser's check and the server's), an application's page with
 * locale-formatted dates, and authorized tokens with a revocation, in German; the form and an
 * application's page in Japanese. English is what e2e/dashboard.spec.ts and the others read.
 * Screenshots of the form and an application's page in both languages at phone and desktop
 * widths go to e2e/screenshots/ (i18n-dashboard-*.png).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CALLBACK, pkceAuthorizePath } from './helpers';
import { shootBothWidths } from './shoot';

test.describe.configure({ timeout: 180_000 });

/** A new account (so no saved language and no other spec's applications), signed in, in `locale`. */
async function newDeveloper(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/signup');
  await page.locator('#email').fill(`dash-${locale}-${Date.now().toString(36)}@example.com`);
  await page.locator('#password').fill('a-good-password');
  await page.locator('form button[type="submit"]').click();
  await expect(page).toHaveURL('/');
  return page;
}

/** Today as the dashboard writes a date in `locale` (lib/ui/format.ts: medium, UTC). */
const today = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());

test('German: the application list, the register form and its validation, an application’s page, authorized tokens', async ({ browser }) => {
  const page = await newDeveloper(browser, 'de-DE');
  const name = `Fotodrucker ${Date.now().toString(36)}`;

  await test.step('the empty list and the dashboard navigation', async () => {
    await page.goto('/o/applications');
    await expect(page).toHaveTitle('Ihre Anwendungen · OAuth Server');
    await expect(page.getByRole('heading', { level: 1, name: 'Ihre Anwendungen' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Registrieren Sie Ihre erste Anwendung' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Autorisierte Tokens' })).toBeVisible();
    await page.getByRole('link', { name: 'Anwendung registrieren' }).click();
  });

  await test.step('the register form refuses a blank name in the browser, in German', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Anwendung registrieren' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Grundlagen' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Vertraulich' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Authorization Code', exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Implicit (veraltet)' })).not.toBeChecked();
    // The server's scope descriptions, in German too (the built-in scopes' catalogue text).
    await expect(page.getByRole('checkbox', { name: 'read', exact: true })).toHaveAccessibleDescription('Daten lesen');
    await page.getByRole('button', { name: 'Anwendung registrieren' }).click();
    await expect(page.locator('#name-error')).toHaveText('Der Name darf nicht leer sein');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await shootBothWidths(page, 'i18n-dashboard-register-error-de');
  });

  await test.step('the rules across fields, then the server’s own (https only), in German, naming the URI as typed', async () => {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Anwendung registrieren' }).click();
    await expect(page.locator('#redirectUris-error')).toHaveText('Die Grants authorization-code und implicit brauchen mindestens eine Redirect-URI');
    await page.getByLabel('Redirect-URIs', { exact: true }).fill('http://drucker.example/rueckruf');
    await page.getByRole('button', { name: 'Anwendung registrieren' }).click();
    await expect(page.locator('#redirectUris-error')).toHaveText(
      'http://drucker.example/rueckruf muss https verwenden (http ist nur für localhost, 127.0.0.1 und [::1] erlaubt)',
    );
    await page.getByLabel('Redirect-URIs', { exact: true }).fill(CALLBACK);
    await page.getByRole('button', { name: 'Anwendung registrieren' }).click();
    await expect(page.getByRole('heading', { name: `${name} ist registriert` })).toBeVisible();
    await expect(page.getByText('Kopieren Sie das Client-Secret jetzt. Es wird nicht noch einmal angezeigt.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Client-Secret kopieren' })).toBeVisible();
  });

  let clientId = '';
  await test.step('the application’s page, its date in German', async () => {
    clientId = await page.getByLabel('Client-ID', { exact: true }).inputValue();
    await expect(page.getByLabel('Client-Secret', { exact: true })).toHaveValue(/^[\w-]{43}$/);
    await page.getByRole('link', { name: 'Zur Anwendung' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    // "01.12.2026", not "Dec 1, 2026".
    await expect(page.getByText(`Registriert am ${today('de')} · 0\u00a0Nutzer · 0\u00a0aktive Tokens`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Zugangsdaten' })).toBeVisible();
    await expect(page.getByText('0 Tokens wurden in den letzten 14 Tagen ausgegeben')).toBeVisible();
    // The access token lifetime: the settings' 36000 seconds with German digits.
    await expect(page.getByText('Standard (36.000 Sekunden)').first()).toBeVisible();
    await expect(page.getByText('Secret erneuern', { exact: true })).toBeVisible();
    await shootBothWidths(page, 'i18n-dashboard-application-de');

    await page.goto('/o/applications');
    const card = page.getByRole('listitem').filter({ hasText: name });
    await expect(card).toContainText('Vertraulich');
    await expect(card).toContainText(`Erstellt am ${today('de')}`);
    await shootBothWidths(page, 'i18n-dashboard-applications-de');
  });

  await test.step('authorized tokens: the permissions, the dates and the revocation in German', async () => {
    // The developer authorizes their own application (the consent page is in German as well).
    await page.route(`${new URL(CALLBACK).origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Back at the client</p>' }));
    await page.goto(pkceAuthorizePath(clientId));
    await page.getByRole('button', { name: 'Autorisieren' }).click();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:3199\/cb\?.*code=/);

    await page.goto('/o/authorized-tokens');
    await expect(page).toHaveTitle('Autorisierte Anwendungen · OAuth Server');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    await expect(item).toContainText(`Autorisiert am ${today('de')}`);
    await expect(item).toContainText('Berechtigungen');
    await expect(item).toContainText('Daten lesen');
    await expect(item).toContainText('Daten schreiben');
    await shootBothWidths(page, 'i18n-dashboard-authorized-tokens-de');

    await item.getByRole('link', { name: /^Widerrufen/ }).click();
    await expect(page.getByRole('heading', { name: `Zugriff für ${name} widerrufen?` })).toBeVisible();
    await expect(page.getByText(`Sie haben sie am ${today('de')} autorisiert.`)).toBeVisible();
    await page.getByRole('button', { name: 'Widerrufen', exact: true }).click();
    await expect(page).toHaveURL(/\/o\/authorized-tokens\?revoked=1$/);
    await expect(page.getByText('Zugriff widerrufen', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Keine Anwendung hat Zugriff auf Ihr Konto' })).toBeVisible();
  });
  await page.context().close();
});

test('Japanese: the register form with a validation error, and an application’s page', async ({ browser }) => {
  const page = await newDeveloper(browser, 'ja-JP');
  const name = `写真プリンター ${Date.now().toString(36)}`;

  await page.goto('/o/applications/register');
  await expect(page).toHaveTitle('アプリケーションを登録 · OAuth Server');
  await expect(page.getByRole('region', { name: '基本情報' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'グラントタイプ' })).toBeVisible();
  await page.getByLabel('名前', { exact: true }).fill(name);
  await page.getByLabel('リダイレクト URI', { exact: true }).fill(`${CALLBACK}#fragment`);
  await page.getByRole('button', { name: 'アプリケーションを登録' }).click();
  await expect(page.locator('#redirectUris-error')).toHaveText(`${CALLBACK}#fragment にフラグメント（#）は使えません`);
  await shootBothWidths(page, 'i18n-dashboard-register-error-ja');

  await page.getByLabel('リダイレクト URI', { exact: true }).fill(CALLBACK);
  await page.getByRole('button', { name: 'アプリケーションを登録' }).click();
  await expect(page.getByRole('heading', { name: `${name} を登録しました` })).toBeVisible();
  await page.getByRole('link', { name: 'アプリケーションを開く' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // "2026/12/01"
  await expect(page.getByText(`${today('ja')} に登録 · ユーザー 0 人 · 有効なトークン 0 件`)).toBeVisible();
  await expect(page.getByRole('heading', { name: '認証情報' })).toBeVisible();
  await expect(page.getByText('件のトークンを過去 14 日間に発行')).toBeVisible();
  await shootBothWidths(page, 'i18n-dashboard-application-ja');
  await page.context().close();
});

test('English stays word for word (the labels every other spec reads)', async ({ browser }) => {
  const page = await newDeveloper(browser, 'en-US');
  await page.goto('/o/applications');
  await expect(page.getByRole('heading', { name: 'Register your first application' })).toBeVisible();
  await expect(page.getByText('Send people to /o/authorize, then exchange the code at /o/token.')).toBeVisible();
  await page.goto('/o/applications/register');
  await expect(page.getByRole('checkbox', { name: 'Implicit (legacy)' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.locator('#name-error')).toHaveText('Name must not be empty');
  await expect(page.locator('#accessTokenLifetime-hint')).toHaveText("Blank: the server's 36,000. From 60 to 604,800.");
  await page.context().close();
});
