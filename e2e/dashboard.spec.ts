/**
 * The dashboard in the browser: a developer registers an application and reads its
 * credentials once; someone authorizes it, sees it under authorized tokens and revokes it, and
 * the token stops working (RFC 7009 §2.1, RFC 7662 §2.2); another account gets 404s for it,
 * through the pages and through the server actions. Every screen is photographed at desktop
 * and phone widths, empty and full, into e2e/screenshots/.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ALICE, BOB, CALLBACK, authorizeUrl, createApplication, pkcePair, randomState, signIn, type TestApplication } from './helpers';
import { shootBothWidths } from './shoot';

const DESKTOP = { width: 1280, height: 800 };

const shoot = (page: Page, name: string) => shootBothWidths(page, `dashboard-${name}`);

function basic(clientId: string, secret: string) {
  return { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` };
}

/** RFC 7662 §2.1, authenticated as the token's own client. */
async function introspect(request: APIRequestContext, app: { clientId: string; clientSecret: string }, token: string) {
  const res = await request.post('/o/introspect', { form: { token }, headers: basic(app.clientId, app.clientSecret) });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

async function signedIn(browser: Browser, user: { email: string; password: string }, start: string) {
  const context = await browser.newContext({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(start);
  await signIn(page, user);
  await expect(page).toHaveURL(new RegExp(`${start.replace(/[?]/g, '\\?')}$`));
  return { context, page };
}

/** Catches the browser on its way back to the client (nothing listens there) and returns the query. */
async function catchRedirect(page: Page): Promise<() => Promise<URLSearchParams>> {
  let resolve!: (p: URLSearchParams) => void;
  const arrived = new Promise<URLSearchParams>((r) => (resolve = r));
  await page.route(`${new URL(CALLBACK).origin}/**`, async (route) => {
    resolve(new URL(route.request().url()).searchParams);
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Client</title><p>Back at the client</p>' });
  });
  return () => arrived;
}

test.describe('the dashboard', () => {
  test.describe.configure({ timeout: 240_000 });

  test('empty states for a new account', async ({ browser }) => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const email = `new-${Date.now()}@example.com`;
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL('/');

    await page.goto('/o/applications');
    await expect(page.getByRole('heading', { name: 'Register your first application' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Register an application' })).toHaveCount(1);
    await shoot(page, 'applications-empty');

    await page.goto('/o/authorized-tokens');
    await expect(page.getByRole('heading', { name: 'No applications have access to your account' })).toBeVisible();
    await shoot(page, 'authorized-tokens-empty');
    await context.close();
  });

  test('the register form works without JavaScript, and the server refuses a fragment beside the field', async ({ browser }) => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/o/applications/register');
    await signIn(page, ALICE);
    await expect(page).toHaveURL(/\/o\/applications\/register$/);
    await page.getByLabel('Name', { exact: true }).fill('No-JS app');
    await page.getByLabel('Redirect URIs', { exact: true }).fill('https://client.example/cb#section');
    await page.getByRole('button', { name: 'Register application' }).click();

    const field = page.getByLabel('Redirect URIs', { exact: true });
    await expect(page.getByText('https://client.example/cb#section must not contain a fragment (#)')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    // What was typed is still there.
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('No-JS app');
    await expect(field).toHaveValue('https://client.example/cb#section');

    // The server's own rule (RFC 9700 §2.1: http only for loopback), also beside the field.
    await field.fill('http://client.example/cb');
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByText(/http:\/\/client\.example\/cb must use https/)).toBeVisible();

    await field.fill('https://client.example/cb');
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByRole('heading', { name: 'No-JS app is registered' })).toBeVisible();
    await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(/^[\w-]{43}$/);
    await context.close();
  });

  test('alice registers an application, bob authorizes it and revokes it, and the token stops working', async ({ browser, request }) => {
    const name = `Photo Printer ${Date.now().toString(36)}`;
    let app!: TestApplication & { clientSecret: string };
    let applicationUrl = '';

    const alice = await signedIn(browser, ALICE, '/o/applications/register');
    await test.step('alice fills in the form; a fragment is refused beside the field', async () => {
      const page = alice.page;
      await expect(page.getByRole('heading', { name: 'Register an application' })).toBeVisible();
      await expect(page.getByRole('radio', { name: 'Confidential' })).toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Authorization code' })).toBeChecked();
      // RFC 9700: the legacy grants are marked and off by default.
      await expect(page.getByRole('checkbox', { name: 'Implicit (legacy)' })).not.toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Resource owner password (legacy)' })).not.toBeChecked();
      await expect(page.getByText('RFC 9700 (OAuth 2.0 Security Best Current Practice) retires the implicit')).toBeVisible();
      await shoot(page, 'register');

      await page.getByLabel('Name', { exact: true }).fill(name);
      const uris = page.getByLabel('Redirect URIs', { exact: true });
      await uris.fill(`${CALLBACK}#fragment`);
      await page.getByRole('button', { name: 'Register application' }).click();
      await expect(page.locator('#redirectUris-error')).toHaveText(`${CALLBACK}#fragment must not contain a fragment (#)`);
      await expect(uris).toHaveAttribute('aria-invalid', 'true');
      await expect(uris).toBeFocused();
      await shoot(page, 'register-error');

      await uris.fill(CALLBACK);
      await expect(page.locator('#redirectUris-error')).toHaveCount(0);
      await page.getByRole('button', { name: 'Register application' }).click();
    });

    await test.step('alice reads the credentials from the once-shown panel and copies the secret', async () => {
      const page = alice.page;
      await expect(page.getByRole('heading', { name: `${name} is registered` })).toBeVisible();
      await expect(page.getByText('Copy the client secret now. It will not be shown again.')).toBeVisible();
      const clientId = await page.getByLabel('Client ID', { exact: true }).inputValue();
      const clientSecret = await page.getByLabel('Client secret', { exact: true }).inputValue();
      expect(clientSecret).toMatch(/^[\w-]{43}$/); // 256 bits, base64url
      expect(page.url()).not.toContain(clientSecret);

      await page.getByRole('button', { name: 'Copy client secret' }).click();
      await expect(page.getByRole('button', { name: 'Copy client secret' })).toHaveText('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clientSecret);
      await shoot(page, 'register-success');

      await page.getByRole('link', { name: 'Go to the application' }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      applicationUrl = new URL(page.url()).pathname;
      const id = applicationUrl.split('/').pop()!;
      app = { id, clientId, clientSecret, name, redirectUri: CALLBACK };

      // The secret is gone for good: not on the application's page.
      expect(await page.content()).not.toContain(clientSecret);
      await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue(clientId);
      await expect(page.getByText('0 tokens issued in the last 14 days')).toBeVisible();
    });

    const bob = await browser.newContext({ viewport: DESKTOP });
    const bobPage = await bob.newPage();
    let accessToken = '';
    let refreshToken = '';
    await test.step('bob authorizes it in a fresh browser; the code is exchanged with Basic auth', async () => {
      const callback = await catchRedirect(bobPage);
      const { verifier, challenge } = pkcePair();
      const state = randomState();
      await bobPage.goto(authorizeUrl(app, challenge, state));
      await signIn(bobPage, BOB);
      await expect(bobPage.getByRole('heading', { level: 1 })).toHaveText(`${name} wants to access your account`);
      await bobPage.getByRole('button', { name: 'Authorize' }).click();
      const params = await callback();
      expect(params.get('state')).toBe(state);
      const code = params.get('code')!;
      expect(code).toBeTruthy();

      const res = await request.post('/o/token', {
        form: { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier },
        headers: basic(app.clientId, app.clientSecret),
      });
      expect(res.status()).toBe(200);
      const body = (await res.json()) as { access_token: string; refresh_token: string };
      accessToken = body.access_token;
      refreshToken = body.refresh_token;
      const info = (await introspect(request, app, accessToken)).body;
      expect(info).toMatchObject({ active: true, client_id: app.clientId });
      expect(info.username).toBeUndefined(); // bob granted read write, not email
    });

    await test.step('alice sees one user and one active token, and the chart counts it', async () => {
      const page = alice.page;
      await page.goto('/o/applications');
      const card = page.getByRole('listitem').filter({ hasText: name });
      await expect(card).toContainText('1 user');
      await expect(card).toContainText('1 active token');
      await expect(card).toContainText('Confidential');
      await expect(card).toContainText('Authorization code');
      await shoot(page, 'applications');

      await page.goto(applicationUrl);
      await expect(page.getByText('1 token issued in the last 14 days')).toBeVisible();
      await expect(page.getByText(`client_id=${app.clientId}`)).toBeVisible();
      await expect(page.getByText(`-u "${app.clientId}:YOUR_CLIENT_SECRET"`)).toBeVisible();
      await shoot(page, 'application');
    });

    await test.step('bob sees it under authorized tokens, with scopes by description, and revokes it', async () => {
      await bobPage.goto('/o/authorized-tokens');
      const item = bobPage.getByRole('listitem').filter({ has: bobPage.getByRole('heading', { name }) });
      await expect(item).toContainText('Reading scope');
      await expect(item).toContainText('Writing scope');
      await expect(item).toContainText('last used just now');
      await shoot(bobPage, 'authorized-tokens');

      await item.getByRole('link', { name: /^Revoke/ }).click();
      await expect(bobPage.getByRole('heading', { name: `Revoke access for ${name}?` })).toBeVisible();
      await shoot(bobPage, 'authorized-token-revoke');
      await bobPage.getByRole('button', { name: 'Revoke', exact: true }).click();
      await expect(bobPage).toHaveURL(/\/o\/authorized-tokens\?revoked=1$/);
      await expect(bobPage.getByText('Access revoked')).toBeVisible();
      await expect(bobPage.getByRole('heading', { name })).toHaveCount(0);
      await shoot(bobPage, 'authorized-tokens-revoked');
    });

    await test.step('the revoked tokens are rejected by introspection, the token endpoint and a protected API', async () => {
      // RFC 7662 §2.2: a revoked token is exactly {"active": false}.
      expect((await introspect(request, app, accessToken)).body).toEqual({ active: false });
      // RFC 6749 §6: the refresh token went with it.
      const refreshed = await request.post('/o/token', {
        form: { grant_type: 'refresh_token', refresh_token: refreshToken },
        headers: basic(app.clientId, app.clientSecret),
      });
      expect(refreshed.status()).toBe(400);
      expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');

      // RFC 6750 §3.1: the protected example API refuses it.
      const hello = await request.get('/api/hello', { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(hello.status()).toBe(401);
    });

    await test.step('bob cannot open alice’s application by URL, nor act on it through a server action', async () => {
      for (const suffix of ['', '/update', '/delete']) {
        const res = await bobPage.goto(`${applicationUrl}${suffix}`);
        expect(res?.status(), `${applicationUrl}${suffix}`).toBe(404);
        await expect(bobPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expect(bobPage.getByText(app.clientId)).toHaveCount(0);
      }
      await shoot(bobPage, 'not-found');

      // Bob's own application's delete form, pointed at alice's id: the action answers 404.
      const own = await createApplication({ name: 'Bob’s own', owner: BOB.email });
      await bobPage.goto(`/o/applications/${own.id}/delete`);
      await bobPage.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), app.id);
      const [response] = await Promise.all([
        bobPage.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/o/applications/${own.id}/delete`)),
        bobPage.getByRole('button', { name: 'Delete application' }).click(),
      ]);
      expect(response.status()).toBe(404);
      expect((await introspect(request, app, 'anything')).status).toBe(200); // alice's client still authenticates
    });

    await test.step('alice edits the application', async () => {
      const page = alice.page;
      await page.goto(`${applicationUrl}/update`);
      await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
      await expect(page.getByLabel('Redirect URIs', { exact: true })).toHaveValue(CALLBACK);
      await shoot(page, 'update');
      await page.getByLabel('Allowed origins').fill('https://printer.example/path');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.locator('#allowedOrigins-error')).toContainText('is not an origin');
      await page.getByLabel('Allowed origins').fill('https://printer.example');
      await page.getByLabel('ID token signing algorithm (OpenID Connect)').selectOption('RS256');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page).toHaveURL(`${applicationUrl}?saved=1`);
      await expect(page.getByText('Changes saved')).toBeVisible();
      await expect(page.getByText('https://printer.example', { exact: true })).toBeVisible();
    });

    await test.step('alice rotates the secret: the new one is shown once and the old one stops working', async () => {
      const page = alice.page;
      await page.getByText('Rotate secret', { exact: true }).click();
      await expect(page.getByText('Keep the current one working for a while')).toBeVisible();
      await page.getByRole('button', { name: 'Rotate secret now' }).click();
      await expect(page.getByRole('heading', { name: 'Secret rotated' })).toBeVisible();
      const secret = await page.getByLabel('New client secret', { exact: true }).inputValue();
      expect(secret).not.toBe(app.clientSecret);
      await shoot(page, 'rotated');

      expect((await introspect(request, app, 'x')).status).toBe(401);
      expect((await introspect(request, { ...app, clientSecret: secret }, 'x')).status).toBe(200);
      app = { ...app, clientSecret: secret };
    });

    await test.step('alice deletes the application; its client stops working', async () => {
      const page = alice.page;
      await page.goto(applicationUrl);
      await page.getByRole('link', { name: 'Delete' }).click();
      await expect(page.getByRole('heading', { name: `Delete ${name}?` })).toBeVisible();
      await shoot(page, 'delete');
      await page.getByRole('button', { name: 'Delete application' }).click();
      await expect(page).toHaveURL(/\/o\/applications\?deleted=1$/);
      await expect(page.getByText('Application deleted')).toBeVisible();
      await expect(page.getByRole('heading', { name })).toHaveCount(0);
      expect((await introspect(request, app, 'x')).status).toBe(401);
      expect((await page.goto(applicationUrl))?.status()).toBe(404);
    });

    await alice.context.close();
    await bob.close();
  });
});
