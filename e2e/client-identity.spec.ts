/**
 * Issue 23, "who the client is", in Chromium: a developer gives an application its logo, home
 * page, privacy policy and terms in the dashboard form; people see them on the consent page, and
 * the logo on their authorized-applications page. An http link is refused with a readable message,
 * in the page's language. A second server allows client logos from one host
 * (OAUTH2_CLIENT_LOGO_HOSTS=logos.example), which the browser gets from a route here (the host does
 * not exist). Screenshots of the form's fields and of the authorized-applications page at 390 and
 * 1280 go to e2e/screenshots/ (client-identity-*.png).
 */
import path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { ALICE, authorizeUrl, CALLBACK, pkcePair, randomState, startFakeClient, waitForCallback, type TestApplication } from './helpers';
import { startServer, type RunningServer } from './servers';

test.describe.configure({ timeout: 240_000 });

const LOGO = 'https://logos.example/acme-notes.svg';
const HOME = 'https://acme-notes.example/';
const POLICY = 'https://acme-notes.example/privacy';
const TERMS = 'https://acme-notes.example/terms';
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0e7490"/><path d="M9 22 16 9l7 13" stroke="#fff" stroke-width="3" fill="none"/></svg>`;

let server: RunningServer;
let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fakeClient = await startFakeClient();
  server = await startServer({ OAUTH2_CLIENT_LOGO_HOSTS: 'logos.example' });
});
test.afterAll(async () => {
  await server?.stop();
  await fakeClient?.close();
});

async function newPage(browser: Browser, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ locale, baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('https://logos.example/**', (r) => r.fulfill({ contentType: 'image/svg+xml', body: SVG }));
  return page;
}

/** Signs alice in on the sign-in page the browser was sent to, in any language (the fields by id). */
async function signInAsAlice(page: Page) {
  await page.locator('#email').fill(ALICE.email);
  await page.locator('#password').fill(ALICE.password);
  await page.locator('#password').press('Enter');
  // Sign-in on a busy machine can take longer than an expectation's 10 s.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 60_000 });
}

/** The part of the form with the four fields (the "Basics" section, whatever its title's language). */
const identitySection = (page: Page): Locator => page.locator('section', { has: page.locator('#logoUri') });

/** One element at phone and desktop widths (cut from a full-page shot, so the sticky header does not cover it). */
async function shootElement(page: Page, element: Locator, stem: string) {
  for (const [suffix, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
    const box = await element.boundingBox();
    if (!box) throw new Error(`${stem}: the element is not visible`);
    await page.screenshot({ path: path.join(__dirname, 'screenshots', `${stem}-${suffix}.png`), fullPage: true, clip: box });
  }
}

async function shootPage(page: Page, stem: string) {
  for (const [suffix, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const) {
    await page.setViewportSize(size);
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
    await page.screenshot({ path: path.join(__dirname, 'screenshots', `${stem}-${suffix}.png`), fullPage: true });
  }
}

test('the dashboard form sets the four links; consent shows them; the authorized-applications page shows the logo', async ({ browser }) => {
  const page = await newPage(browser);
  const name = `Acme Notes ${Date.now().toString(36)}`;
  let app!: TestApplication;

  await test.step('an http logo is refused beside its field, in words', async () => {
    await page.goto('/o/applications/register');
    await signInAsAlice(page);
    await expect(page.getByRole('heading', { name: 'Register an application' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Redirect URIs', { exact: true }).fill(CALLBACK);
    const logo = page.getByLabel('Logo URL');
    await logo.fill('http://logos.example/acme-notes.svg');
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.locator('#logoUri-error')).toHaveText('Logo URL must use https');
    await expect(logo).toHaveAttribute('aria-invalid', 'true');
    await expect(logo).toBeFocused();
  });

  await test.step('with https links it registers', async () => {
    await page.getByLabel('Logo URL').fill(LOGO);
    await page.getByLabel('Home page').fill(HOME);
    await page.getByLabel('Privacy policy').fill(POLICY);
    await page.getByLabel('Terms of service').fill(TERMS);
    await expect(page.locator('#logoUri-error')).toHaveCount(0);
    await shootElement(page, identitySection(page), 'client-identity-form');
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByRole('heading', { name: `${name} is registered` })).toBeVisible();
    const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
    const clientSecret = await page.getByLabel('Client secret', { exact: true }).inputValue();
    await page.getByRole('link', { name: 'Go to the application' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    app = { id: new URL(page.url()).pathname.split('/').pop()!, clientId, clientSecret, name, redirectUri: CALLBACK };
  });

  await test.step('the application’s page previews them as the consent screen will show them', async () => {
    const preview = page.getByTestId('identity-preview');
    await expect(page.getByRole('heading', { name: 'On the consent screen' })).toBeVisible();
    await expect(preview.getByTestId('client-logo')).toHaveAttribute('src', LOGO);
    await expect(preview.getByRole('link', { name: 'acme-notes.example' })).toHaveAttribute('href', HOME);
    await expect(preview.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', POLICY);
    await expect(preview.getByRole('link', { name: 'Terms of service' })).toHaveAttribute('href', TERMS);
    await shootElement(page, preview.locator('xpath=ancestor::div[contains(@class, "rounded-xl")][1]'), 'client-identity-application-card');
  });

  await test.step('the edit form keeps them; clearing one removes it and keeps the others', async () => {
    await page.goto(`/o/applications/${app.id}/update`);
    await expect(page.getByLabel('Logo URL')).toHaveValue(LOGO);
    await expect(page.getByLabel('Home page')).toHaveValue(HOME);
    await expect(page.getByLabel('Privacy policy')).toHaveValue(POLICY);
    await expect(page.getByLabel('Terms of service')).toHaveValue(TERMS);
    await page.getByLabel('Terms of service').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved')).toBeVisible();
    await page.goto(`/o/applications/${app.id}/update`);
    await expect(page.getByLabel('Terms of service')).toHaveValue('');
    await expect(page.getByLabel('Logo URL')).toHaveValue(LOGO);
    await expect(page.getByLabel('Privacy policy')).toHaveValue(POLICY);
  });

  await test.step('the consent page shows the logo, the home page host and the policy link (no terms: cleared)', async () => {
    const { challenge } = pkcePair();
    await page.goto(authorizeUrl(app, challenge, randomState()));
    await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
    const logo = page.getByTestId('client-logo');
    await expect(logo).toHaveAttribute('src', LOGO);
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.getByRole('link', { name: 'acme-notes.example' })).toHaveAttribute('href', HOME);
    await expect(page.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', POLICY);
    await expect(page.getByRole('link', { name: 'Terms of service' })).toHaveCount(0);
    await shootPage(page, 'client-identity-consent');
    await page.getByRole('button', { name: 'Authorize' }).click();
    expect((await waitForCallback(page)).get('code')).toBeTruthy();
  });

  await test.step('the authorized-applications page shows its logo', async () => {
    await page.goto('/o/authorized-tokens');
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    const logo = item.getByTestId('client-logo');
    await expect(logo).toHaveAttribute('src', LOGO);
    await expect(logo).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shootPage(page, 'client-identity-authorized-tokens');
  });
  await page.context().close();
});

test('the authorized-applications page: a logo from a host the operator did not allow shows the monogram, and is never requested', async ({ browser }) => {
  const page = await newPage(browser);
  const name = `Tracker ${Date.now().toString(36)}`;
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/o/applications/register');
  await signInAsAlice(page);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Redirect URIs', { exact: true }).fill(CALLBACK);
  await page.getByLabel('Logo URL').fill('https://tracker.example/pixel.png');
  await page.getByRole('button', { name: 'Register application' }).click();
  const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
  // Its page tells the owner why the logo will not show.
  await page.getByRole('link', { name: 'Go to the application' }).click();
  await expect(page.getByText('and tracker.example is not one of them')).toBeVisible();
  await expect(page.getByTestId('identity-preview').getByTestId('client-logo')).toHaveCount(0);
  const { challenge } = pkcePair();
  await page.goto(authorizeUrl({ id: '', clientId, clientSecret: null, name, redirectUri: CALLBACK }, challenge, randomState()));
  await page.getByRole('button', { name: 'Authorize' }).click();
  await waitForCallback(page);
  await page.goto('/o/authorized-tokens');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await expect(item).toBeVisible();
  await expect(item.getByTestId('client-logo')).toHaveCount(0);
  expect(requested.some((u) => u.includes('tracker.example'))).toBe(false);
  await page.context().close();
});

test('the four fields in German and Japanese (Accept-Language); an http link is refused in the page’s language', async ({ browser }) => {
  const de = await newPage(browser, 'de-DE');
  await de.goto('/o/applications/register');
  await signInAsAlice(de);
  await expect(de.getByLabel('Logo-URL')).toBeVisible();
  await expect(de.getByLabel('Startseite')).toBeVisible();
  await expect(de.getByLabel('Datenschutzerklärung')).toBeVisible();
  await expect(de.getByLabel('Nutzungsbedingungen')).toBeVisible();
  await expect(de.getByText('Die Website Ihrer App. Die Zustimmungsseite zeigt ihren Hostnamen.')).toBeVisible();
  await de.getByLabel('Datenschutzerklärung').fill('http://acme-notes.example/privacy');
  await de.locator('form:has(#logoUri) button[type=submit]').click();
  await expect(de.locator('#policyUri-error')).toHaveText('Datenschutzerklärung muss https verwenden');
  await shootElement(de, identitySection(de), 'client-identity-form-de');
  await de.context().close();

  const ja = await newPage(browser, 'ja-JP');
  await ja.goto('/o/applications/register');
  await signInAsAlice(ja);
  await expect(ja.getByLabel('ロゴの URL')).toBeVisible();
  await expect(ja.getByLabel('プライバシーポリシー')).toBeVisible();
  await ja.getByLabel('ロゴの URL').fill('ftp://logos.example/a.svg');
  await ja.locator('form:has(#logoUri) button[type=submit]').click();
  await expect(ja.locator('#logoUri-error')).toHaveText('ロゴの URLには https を使用してください');
  await shootElement(ja, identitySection(ja), 'client-identity-form-ja');
  await ja.context().close();
});
