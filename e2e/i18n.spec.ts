/**
 * Issue 23 in Chromium: pages in the visitor's language (OIDC Core §3.1.2.1 ui_locales, then the
 * saved choice, then Accept-Language), the operator's branding from settings alone, and who the
 * client is on the consent page (RFC 7591 logo_uri, client_uri, policy_uri, tos_uri). English
 * stays what every other spec reads. Screenshots of sign-in and consent in German and Japanese
 * at phone and desktop widths go to e2e/screenshots/ (i18n-*.png).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ALICE, pkceAuthorizePath, registerPublicClient, startFakeClient, waitForCallback } from './helpers';
import { startServer, type RunningServer } from './servers';
import { shootBothWidths } from './shoot';

// Sign-in plus consent on a busy machine takes longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient.close();
});

/** Signs in on a sign-in page in any language (the fields by their input ids). */
async function signInAnyLanguage(page: Page, submit: string | RegExp) {
  await page.locator('#email').fill(ALICE.email);
  await page.locator('#password').fill(ALICE.password);
  await page.getByRole('button', { name: submit, exact: true }).click();
}

async function newPage(browser: Browser, locale: string, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL });
  return context.newPage();
}

test('Accept-Language: a German browser sees the sign-in page in German; <html lang> follows', async ({ browser, baseURL }) => {
  const page = await newPage(browser, 'de-DE', baseURL);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Anmelden' })).toBeVisible();
  await expect(page.getByLabel('E-Mail-Adresse')).toBeVisible();
  await expect(page.getByLabel('Passwort', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anmelden', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle('Anmelden · OAuth Server');
  await shootBothWidths(page, 'i18n-login-de');
  await page.context().close();
});

test('English stays as it was: the labels other tests and users rely on', async ({ browser, baseURL }) => {
  const page = await newPage(browser, 'en-US', baseURL);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByText("Don't have an account?")).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('OAuth Server: OAuth 2.0 and OpenID Connect authorization server')).toBeVisible();
  await page.context().close();
});

test('OIDC Core §3.1.2.1: ui_locales=fr on /o/authorize gives French sign-in and consent, whatever the browser says', async ({ browser, request, baseURL }) => {
  const clientId = await registerPublicClient(request, baseURL!);
  const page = await newPage(browser, 'de-DE', baseURL);
  await page.goto(pkceAuthorizePath(clientId, { ui_locales: 'fr-CA en' }));
  await expect(page.getByRole('heading', { name: 'Se connecter' })).toBeVisible();
  await signInAnyLanguage(page, 'Se connecter');
  await expect(page.getByRole('button', { name: 'Autoriser' })).toBeVisible();
  await expect(page.getByText('souhaite accéder à votre compte')).toBeVisible();
  await expect(page.getByText('Lire vos données')).toBeVisible(); // the read scope's description, translated
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'Autoriser' }).click();
  expect((await waitForCallback(page)).get('code')).toBeTruthy();

  // A later request without ui_locales follows the browser again.
  await page.goto(pkceAuthorizePath(clientId));
  await expect(page.getByRole('button', { name: 'Autorisieren' })).toBeVisible();
  await page.context().close();
});

test('RFC 9126 §4 with OIDC Core §3.1.2.1: a pushed request\'s ui_locales=es gives Spanish sign-in and consent', async ({ browser, request, baseURL }) => {
  const clientId = await registerPublicClient(request, baseURL!);
  const params = Object.fromEntries(new URL(pkceAuthorizePath(clientId, { ui_locales: 'es' }), baseURL).searchParams);
  const pushed = await request.post(`${baseURL}/o/par`, { form: params });
  expect(pushed.status(), await pushed.text()).toBe(201);
  const { request_uri } = (await pushed.json()) as { request_uri: string };
  const page = await newPage(browser, 'de-DE', baseURL);
  await page.goto(`/o/authorize?${new URLSearchParams({ client_id: clientId, request_uri })}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await signInAnyLanguage(page, 'Iniciar sesión');
  await expect(page.getByRole('button', { name: 'Autorizar' })).toBeVisible();
  await page.context().close();
});

test('a ui_locales value with no translation falls back silently to Accept-Language', async ({ browser, request, baseURL }) => {
  const clientId = await registerPublicClient(request, baseURL!);
  const page = await newPage(browser, 'ja-JP', baseURL);
  await page.goto(pkceAuthorizePath(clientId, { ui_locales: 'tlh' }));
  await signInAnyLanguage(page, 'サインイン');
  await expect(page.getByRole('button', { name: '許可する' })).toBeVisible();
  await expect(page.getByText('があなたのアカウントへのアクセスを求めています')).toBeVisible();
  await shootBothWidths(page, 'i18n-consent-ja');
  await page.context().close();
});

test('the footer switcher changes the language and keeps the page; a long German consent page lays out', async ({ browser, request, baseURL }) => {
  const clientId = await registerPublicClient(request, baseURL!, { client_name: 'Datenschutzkonforme Fotoalbumsynchronisierungsanwendung für Familienmitglieder' });
  const page = await newPage(browser, 'en-US', baseURL);
  await page.goto(pkceAuthorizePath(clientId));
  await signInAnyLanguage(page, 'Sign in');
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  const consentUrl = page.url();
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('button', { name: 'Autorisieren' })).toBeVisible();
  expect(page.url()).toBe(consentUrl);
  // Saved for the account: a fresh English browser signed in as alice gets German too.
  await page.goto('/o/authorized-tokens');
  await expect(page.getByRole('link', { name: 'Konto' })).toBeVisible();
  await page.goto(consentUrl);
  await shootBothWidths(page, 'i18n-consent-de-long');
  // Back to English, so the account's saved choice does not follow alice into other specs.
  await page.getByLabel('Sprache').selectOption('en');
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await page.context().close();
});

test('OIDC Discovery lists ui_locales_supported', async ({ request }) => {
  const meta = (await (await request.get('/.well-known/openid-configuration')).json()) as Record<string, unknown>;
  expect(meta.ui_locales_supported).toEqual(['en', 'de', 'fr', 'es', 'ja']);
});

test.describe('an operator who set the branding and allowed client logos from one host', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startServer({
      OAUTH2_BRAND_NAME: 'Acme Identity',
      OAUTH2_BRAND_COLOR: '#0b6e4f',
      OAUTH2_BRAND_LOGO_URL: 'https://brand.acme.example/logo.svg',
      OAUTH2_SUPPORT_URL: 'https://acme.example/help',
      OAUTH2_PRIVACY_URL: 'https://acme.example/privacy',
      OAUTH2_TERMS_URL: 'https://acme.example/terms',
      OAUTH2_CLIENT_LOGO_HOSTS: 'logos.example',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  const SVG = (fill: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${fill}"/></svg>`;

  async function brandedPage(browser: Browser, locale = 'en-US'): Promise<Page> {
    const page = await newPage(browser, locale, server.baseURL);
    // The logos' hosts do not exist here: the browser gets them from these routes instead.
    await page.route('https://brand.acme.example/logo.svg', (r) => r.fulfill({ contentType: 'image/svg+xml', body: SVG('#0b6e4f') }));
    await page.route('https://logos.example/**', (r) => r.fulfill({ contentType: 'image/svg+xml', body: SVG('#e11d48') }));
    return page;
  }

  test('name, logo, colour and footer links on every page; the title follows', async ({ browser }) => {
    const page = await brandedPage(browser);
    await page.goto('/login');
    await expect(page).toHaveTitle('Sign in · Acme Identity');
    await expect(page.getByRole('banner').getByText('Acme Identity')).toBeVisible();
    await expect(page.getByRole('banner').locator('img')).toHaveAttribute('src', 'https://brand.acme.example/logo.svg');
    await expect(page.getByText('Acme Identity: OAuth 2.0 and OpenID Connect authorization server')).toBeVisible();
    const help = page.getByRole('navigation', { name: 'Help' });
    await expect(help.getByRole('link', { name: 'Support' })).toHaveAttribute('href', 'https://acme.example/help');
    await expect(help.getByRole('link', { name: 'Privacy' })).toHaveAttribute('href', 'https://acme.example/privacy');
    await expect(help.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', 'https://acme.example/terms');
    // The accent: the primary button is the brand colour (rgb(11, 110, 79) = #0b6e4f).
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toHaveCSS('background-color', 'rgb(11, 110, 79)');
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', 'https://brand.acme.example/logo.svg');
    await shootBothWidths(page, 'i18n-branded-login');
    await page.context().close();
  });

  test('consent shows the client logo, its home page host and its policy and terms links', async ({ browser, request }) => {
    const clientId = await registerPublicClient(request, server.baseURL, {
      client_name: 'Photo Sync',
      logo_uri: 'https://logos.example/photo-sync.svg',
      client_uri: 'https://photosync.example/',
      policy_uri: 'https://photosync.example/privacy',
      tos_uri: 'https://photosync.example/terms',
    });
    const page = await brandedPage(browser);
    await page.goto(pkceAuthorizePath(clientId));
    await signInAnyLanguage(page, 'Sign in');
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    const logo = page.getByTestId('client-logo');
    await expect(logo).toHaveAttribute('src', 'https://logos.example/photo-sync.svg');
    await expect(logo).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('link', { name: 'photosync.example' })).toHaveAttribute('href', 'https://photosync.example/');
    await expect(page.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', 'https://photosync.example/privacy');
    await expect(page.getByRole('link', { name: 'Terms of service' })).toHaveAttribute('href', 'https://photosync.example/terms');
    await shootBothWidths(page, 'i18n-consent-client-identity');
    await page.context().close();
  });

  test('a logo from a host the operator did not allow, or a broken one, shows the monogram', async ({ browser, request }) => {
    const elsewhere = await registerPublicClient(request, server.baseURL, { client_name: 'Tracker', logo_uri: 'https://tracker.example/pixel.png' });
    const broken = await registerPublicClient(request, server.baseURL, { client_name: 'Broken', logo_uri: 'https://logos.example/missing.png' });
    const page = await brandedPage(browser);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.route('https://logos.example/missing.png', (r) => r.fulfill({ status: 404, body: 'no' }));
    await page.goto(pkceAuthorizePath(elsewhere));
    await signInAnyLanguage(page, 'Sign in');
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await expect(page.getByTestId('client-logo')).toHaveCount(0);
    expect(requested.some((u) => u.includes('tracker.example'))).toBe(false);

    await page.goto(pkceAuthorizePath(broken));
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    await expect(page.getByTestId('client-logo')).toHaveCount(0); // the image failed: the monogram replaced it
    await page.context().close();
  });

  test('the branded consent page in Japanese by Accept-Language', async ({ browser, request }) => {
    const clientId = await registerPublicClient(request, server.baseURL, { client_name: '写真同期', logo_uri: 'https://logos.example/a.svg', policy_uri: 'https://photosync.example/privacy' });
    const page = await brandedPage(browser, 'ja');
    await page.goto(pkceAuthorizePath(clientId));
    await signInAnyLanguage(page, 'サインイン');
    await expect(page.getByRole('button', { name: '許可する' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'プライバシーポリシー' })).toBeVisible();
    await expect(page).toHaveTitle('アプリケーションの許可 · Acme Identity');
    await shootBothWidths(page, 'i18n-branded-consent-ja');
    await page.context().close();
  });
});
