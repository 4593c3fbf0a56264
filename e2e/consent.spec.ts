/**
 * The end user's path through an authorization (RFC 6749 §4.1, OIDC Core §3.1.2): from the
 * client's /o/authorize link through sign-in (or sign-up) and the consent page, back to the
 * client with a code that the token endpoint exchanges; and the ways that path must refuse.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ALICE,
  BOB,
  CALLBACK,
  CLIENT_ORIGIN,
  authorizeUrl,
  createApplication,
  exchangeCode,
  pkcePair,
  randomState,
  servePage,
  signIn,
  startFakeClient,
  waitForCallback,
  type TestApplication,
} from './helpers';

const baseOrigin = () => new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:3100').origin;

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient?.close();
});

const CONSENT_URL = /\/o\/consent\?request=[^&]+$/;
const LOGIN_FROM_AUTHORIZE = /\/login\?next=%2Fo%2Fauthorize%3Fpending%3D/;

/** Starts an authorization in `page` and signs in on the way; ends on the consent page. */
async function reachConsent(page: Page, app: TestApplication, extra: Record<string, string> = {}, user = ALICE) {
  const pkce = pkcePair();
  const state = randomState();
  await page.goto(authorizeUrl(app, pkce.challenge, state, extra));
  await expect(page).toHaveURL(LOGIN_FROM_AUTHORIZE);
  await signIn(page, user);
  await expect(page).toHaveURL(CONSENT_URL);
  return { ...pkce, state, requestId: new URL(page.url()).searchParams.get('request')! };
}

/** Every URL the page requested on the fake client's origin (to prove none carried a code). */
function clientRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(CLIENT_ORIGIN)) seen.push(r.url());
  });
  return seen;
}

test.describe('RFC 6749 §4.1: authorization code flow in the browser', () => {
  test('signs in from the authorize redirect, shows the consent page, approves, and the code is exchanged for tokens', async ({
    page,
    request,
  }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const { verifier, state } = await reachConsent(page, app);

    // What the person is asked, and by whom.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Photo Printer wants to access your account');
    // Issue 15 item 17: the owner's name, never their email.
    await expect(page.getByText('Registered by Alice', { exact: true })).toBeVisible();
    await expect(page.getByText('Registered by alice@example.com')).toHaveCount(0);
    await expect(page.getByText('Signed in as alice@example.com')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Switch account' })).toBeVisible();
    await expect(page.getByText('You will be sent back to 127.0.0.1:3199')).toBeVisible();
    for (const name of ['Reading scope', 'Writing scope']) {
      await expect(page.getByRole('checkbox', { name })).toBeChecked();
    }
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();

    await page.getByRole('button', { name: 'Authorize' }).click();
    const params = await waitForCallback(page);
    expect(params.get('state')).toBe(state);
    // RFC 9207: the issuer identifier the metadata announces.
    const metadata = (await (await request.get('/.well-known/oauth-authorization-server')).json()) as { issuer: string };
    expect(params.get('iss')).toBe(metadata.issuer);
    const code = params.get('code');
    expect(code).toBeTruthy();

    const { status, body } = await exchangeCode(request, app, code!, verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.refresh_token).toBe('string');

    // §4.1.2: the code is single use.
    const again = await exchangeCode(request, app, code!, verifier);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  test('Cancel sends the browser back with error=access_denied and the same state', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const { state } = await reachConsent(page, app);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const params = await waitForCallback(page);
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe(state);
    expect(params.get('code')).toBeNull();
  });

  test('unticking a scope yields a code whose token carries only the remaining scopes', async ({ page, request }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const { verifier } = await reachConsent(page, app);
    await page.getByRole('checkbox', { name: 'Writing scope' }).uncheck();
    await page.getByRole('button', { name: 'Authorize' }).click();
    const code = (await waitForCallback(page)).get('code');
    expect(code).toBeTruthy();
    const { status, body } = await exchangeCode(request, app, code!, verifier);
    expect(status).toBe(200);
    expect(body.scope).toBe('read');
  });

  test('the request survives sign-up: a new account comes straight back to the consent page', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const state = randomState();
    await page.goto(authorizeUrl(app, pkcePair().challenge, state));
    await expect(page).toHaveURL(LOGIN_FROM_AUTHORIZE);
    // The sign-up link carries `next` too.
    await page.locator('main a[href^="/signup?next=%2Fo%2Fauthorize%3Fpending%3D"]').click();
    await expect(page).toHaveURL(/\/signup\?next=%2Fo%2Fauthorize%3Fpending%3D/);

    const email = `consent-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();

    await expect(page).toHaveURL(CONSENT_URL);
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    await page.getByRole('button', { name: 'Authorize' }).click();
    const params = await waitForCallback(page);
    expect(params.get('code')).toBeTruthy();
    expect(params.get('state')).toBe(state);
  });

  test('"Switch account" signs out and resumes the same request as the other user', async ({ page, request }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const { verifier, state } = await reachConsent(page, app);
    await page.getByRole('button', { name: 'Switch account' }).click();
    await expect(page).toHaveURL(LOGIN_FROM_AUTHORIZE);
    await signIn(page, BOB);
    await expect(page).toHaveURL(CONSENT_URL);
    await expect(page.getByText('Signed in as bob@example.com')).toBeVisible();
    await page.getByRole('button', { name: 'Authorize' }).click();
    const params = await waitForCallback(page);
    expect(params.get('state')).toBe(state);
    const { status } = await exchangeCode(request, app, params.get('code')!, verifier);
    expect(status).toBe(200);
  });
});

test.describe("DOT approval_prompt and OIDC prompt", () => {
  test('approval_prompt=auto skips the consent page once the application is approved; force asks again', async ({ page, request }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const first = await reachConsent(page, app, { approval_prompt: 'auto' });
    await page.getByRole('button', { name: 'Authorize' }).click();
    expect((await waitForCallback(page)).get('code')).toBeTruthy();

    // Second time: straight back to the client, no consent page on the way.
    const navigations: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest()) navigations.push(r.url());
    });
    const second = pkcePair();
    const state = randomState();
    await page.goto(authorizeUrl(app, second.challenge, state, { approval_prompt: 'auto' }));
    const params = await waitForCallback(page);
    expect(params.get('state')).toBe(state);
    expect(navigations.some((u) => u.includes('/o/consent'))).toBe(false);
    const { status } = await exchangeCode(request, app, params.get('code')!, second.verifier);
    expect(status).toBe(200);

    // approval_prompt=force (the default) shows the page again.
    await page.goto(authorizeUrl(app, first.challenge, randomState(), { approval_prompt: 'force' }));
    await expect(page).toHaveURL(CONSENT_URL);
  });

  test('signing in on a request that needs no consent: the browser, not the server, takes the code back', async ({ page, request }) => {
    const app = await createApplication({ name: 'Photo Printer', skipAuthorization: true });
    const { verifier, challenge } = pkcePair();
    const state = randomState();
    await page.goto(authorizeUrl(app, challenge, state));
    await expect(page).toHaveURL(LOGIN_FROM_AUTHORIZE);
    await signIn(page, ALICE);
    const params = await waitForCallback(page);
    expect(params.get('state')).toBe(state);
    // The sign-in action's redirect to /o/authorize is fetched by Next itself (RSC: 1); had the
    // endpoint answered that fetch, the server would have issued a code and called the client.
    expect(fakeClient.requests.filter((u) => u.includes(state))).toHaveLength(1);
    expect(fakeClient.flightRequests.filter((u) => u.includes(state))).toEqual([]);
    const { status } = await exchangeCode(request, app, params.get('code')!, verifier);
    expect(status).toBe(200);
  });

  test("a router fetch (RSC: 1) of /o/authorize does nothing and asks for a full page load", async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer', skipAuthorization: true });
    await page.goto('/login');
    await signIn(page, ALICE);
    await expect(page).toHaveURL('/');
    const state = randomState();
    // Next first adds its cache-busting `_rsc` parameter (a 307 to the same route); then the endpoint answers.
    const res = await page.request.get(authorizeUrl(app, pkcePair().challenge, state), { headers: { RSC: '1' } });
    expect(res.status()).toBe(204);
    expect(res.url()).toContain('/o/authorize?');
    expect(fakeClient.requests.filter((u) => u.includes(state))).toEqual([]);
  });

  test('prompt=none without a session sends error=login_required back to the client', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const state = randomState();
    await page.goto(authorizeUrl(app, pkcePair().challenge, state, { prompt: 'none' }));
    const params = await waitForCallback(page);
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe(state);
  });

  test('prompt=none signed in but never approved sends error=consent_required', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    await page.goto('/login');
    await signIn(page, ALICE);
    await expect(page).toHaveURL('/');
    const state = randomState();
    await page.goto(authorizeUrl(app, pkcePair().challenge, state, { prompt: 'none' }));
    const params = await waitForCallback(page);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('state')).toBe(state);
  });

  test('prompt=login makes a signed-in user sign in again, then continues to consent', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    await page.goto('/login');
    await signIn(page, ALICE);
    await expect(page).toHaveURL('/');
    // auth_time and the request's time are in whole seconds: make the sign-in strictly older.
    await page.waitForTimeout(1100);
    await page.goto(authorizeUrl(app, pkcePair().challenge, randomState(), { prompt: 'login' }));
    await expect(page).toHaveURL(/\/login\?.*reauth=1/);
    await expect(page.getByText('Please sign in again to continue')).toBeVisible();
    await signIn(page, ALICE);
    await expect(page).toHaveURL(CONSENT_URL);
  });
});

test.describe('RFC 6749 §3.1.2.4 / §4.1.2.1: requests that cannot be trusted are never redirected', () => {
  test('an unregistered redirect URI shows the error page and stays on the server', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const toClient = clientRequests(page);
    await page.goto(authorizeUrl({ ...app, redirectUri: `${CLIENT_ORIGIN}/elsewhere` }, pkcePair().challenge, randomState()));
    await expect(page).toHaveURL(/\/o\/error\?/);
    expect(new URL(page.url()).origin).toBe(baseOrigin());
    await expect(page.getByRole('heading', { name: "This request can't be completed" })).toBeVisible();
    await expect(page.getByText(`The redirect URI "${CLIENT_ORIGIN}/elsewhere" is not registered for Photo Printer.`)).toBeVisible();
    await expect(page.getByText("contact the application's developer")).toBeVisible();
    await expect(page.locator('code', { hasText: 'invalid_request' })).toBeVisible();
    expect(toClient).toEqual([]);
  });

  test('an unknown client_id shows the error page', async ({ page }) => {
    await page.goto('/o/authorize?response_type=code&client_id=no-such-client&state=s');
    await expect(page).toHaveURL(/\/o\/error\?/);
    await expect(page.getByText('No application is registered with client_id "no-such-client".')).toBeVisible();
    await expect(page.locator('code', { hasText: 'invalid_client' })).toBeVisible();
  });

  test('the error page shows its query as text, not markup', async ({ page }) => {
    await page.goto(`/o/error?${new URLSearchParams({ error: '<b>x</b>', error_description: '<img src=x onerror=alert(1)> bad' })}`);
    await expect(page.getByText('<img src=x onerror=alert(1)> bad')).toBeVisible();
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    await expect(page.locator('main code')).toHaveCount(0); // not an RFC error code: not shown
  });

  test('a consent request that was already decided shows a readable error', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    await reachConsent(page, app);
    const consentUrl = page.url();
    await page.getByRole('button', { name: 'Authorize' }).click();
    await waitForCallback(page);
    await page.goto(consentUrl);
    await expect(page.getByText('This authorization request has expired or was already used. Return to the application and try again.')).toBeVisible();
  });
});

test.describe('RFC 6749 §10.12 / §10.13: cross-site submission and framing', () => {
  /** The hidden field React renders so the decision form posts to its server action without JavaScript. */
  async function decisionActionField(page: Page): Promise<string> {
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Authorize' }) });
    const name = await form.locator('input[type="hidden"][name^="$ACTION_ID_"]').getAttribute('name');
    expect(name).toBeTruthy();
    return name!;
  }

  test('a form posted from another site is refused, issues no code, and leaves the request to its owner', async ({ page, request }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    const { verifier, requestId } = await reachConsent(page, app);
    const actionField = await decisionActionField(page);
    const target = `${baseOrigin()}/o/consent?request=${encodeURIComponent(requestId)}`;

    // An attacker's page, in the same browser, auto-submits the decision without the token.
    const attacker = await page.context().newPage();
    const toClient = clientRequests(attacker);
    await servePage(
      attacker,
      'http://attacker.test/',
      `<!doctype html><form id="f" method="POST" enctype="multipart/form-data" action="${target}">
        <input type="hidden" name="${actionField}" value="">
        <input type="hidden" name="request" value="${requestId}">
        <input type="hidden" name="decision" value="allow">
        </form><script>document.getElementById('f').submit()</script>`,
    );
    await attacker.goto('http://attacker.test/');
    await attacker.waitForURL((url) => url.origin === baseOrigin());
    await attacker.waitForLoadState();
    expect(toClient).toEqual([]);
    expect(attacker.url()).not.toContain('code=');
    await attacker.close();

    // Same origin as far as Next.js can tell, but without the CSRF token: our check refuses it.
    const noToken = await page.request.post(target, {
      headers: { Origin: baseOrigin() },
      multipart: { [actionField]: '', request: requestId, decision: 'allow' },
      maxRedirects: 0,
    });
    expect(noToken.status()).toBe(303);
    const location = noToken.headers()['location'] ?? '';
    expect(location).toContain('/o/error?');
    expect(location).not.toContain(CALLBACK);

    // The token, but a forged Origin: Next.js refuses the server action before it runs.
    const csrf = await page.locator('input[name="csrf"]').inputValue();
    const forged = await page.request.post(target, {
      headers: { Origin: 'http://attacker.test' },
      multipart: { [actionField]: '', request: requestId, decision: 'allow', csrf },
      maxRedirects: 0,
    });
    expect(forged.headers()['location'] ?? '').not.toContain('code=');
    expect(forged.status()).not.toBe(303);

    // None of that consumed the request: its owner still decides it, and gets the only code.
    await page.getByRole('button', { name: 'Authorize' }).click();
    const code = (await waitForCallback(page)).get('code');
    const { status } = await exchangeCode(request, app, code!, verifier);
    expect(status).toBe(200);
  });

  test('the consent page cannot be framed, even by a page on the same site', async ({ page }) => {
    const app = await createApplication({ name: 'Photo Printer' });
    await reachConsent(page, app);
    const consentUrl = page.url();

    const res = await page.request.get(consentUrl, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()['x-frame-options']).toBe('DENY');
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    // 127.0.0.1:3199 is the same site as the server (ports don't count), so cookies go along.
    const framer = await page.context().newPage();
    await servePage(
      framer,
      `${CLIENT_ORIGIN}/framer`,
      `<!doctype html><title>framer</title><iframe src="${consentUrl}" onload="document.title='loaded'"></iframe>`,
    );
    await framer.goto(`${CLIENT_ORIGIN}/framer`);
    await expect(framer).toHaveTitle('loaded');
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    expect(frame).toBeTruthy();
    await expect(frame!.getByRole('button', { name: 'Authorize' })).toHaveCount(0);
    await framer.close();
  });

  test('every page refuses framing; the machine endpoints stay lean', async ({ request }) => {
    for (const path of ['/', '/login', '/signup', '/o/error?error=invalid_request', '/o/consent?request=x']) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.headers()['x-frame-options'], path).toBe('DENY');
      expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
    }
    for (const path of ['/o/token', '/o/revoke_token', '/o/introspect']) {
      const res = await request.post(path, { form: { token: 'x' } });
      expect(res.headers()['x-frame-options'], path).toBeUndefined();
      expect(res.headers()['content-security-policy'], path).toBeUndefined();
    }
  });
});

test.describe('screenshots', () => {
  const viewports = [
    { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false },
    { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
  ] as const;

  for (const vp of viewports) {
    test(`sign-in from an authorize redirect, consent, and the error page at ${vp.viewport.width}x${vp.viewport.height}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: vp.viewport, isMobile: vp.isMobile, hasTouch: vp.isMobile });
      const page = await context.newPage();
      const app = await createApplication({ name: 'Photo Printer' });
      await page.goto(authorizeUrl(app, pkcePair().challenge, randomState(), { scope: 'read write openid' }));
      await expect(page).toHaveURL(LOGIN_FROM_AUTHORIZE);
      await page.screenshot({ path: `e2e/screenshots/signin-from-authorize-${vp.name}.png`, fullPage: true });

      await signIn(page, ALICE);
      await expect(page).toHaveURL(CONSENT_URL);
      await page.getByRole('button', { name: 'Authorize' }).waitFor();
      await page.screenshot({ path: `e2e/screenshots/consent-${vp.name}.png`, fullPage: true });

      await page.goto(authorizeUrl({ ...app, redirectUri: `${CLIENT_ORIGIN}/elsewhere` }, pkcePair().challenge, randomState()));
      await expect(page.getByRole('heading', { name: "This request can't be completed" })).toBeVisible();
      await page.screenshot({ path: `e2e/screenshots/error-${vp.name}.png`, fullPage: true });
      await context.close();
    });
  }
});
