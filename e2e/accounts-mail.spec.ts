/**
 * Issue 17, accounts by email, in Chromium against a server of this file's own whose mail goes
 * to a real SMTP server in this process (smtp-server on 127.0.0.1): forgot password → the mail
 * → the link → a new password; and sign-up under OAUTH2_SIGNUP=verified, where no authorization
 * completes until the emailed link is followed. Screenshots of each new page at 1280 and 390.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { startTestSmtp, type TestSmtp } from '../lib/testing/smtp';
import { CALLBACK, authorizeUrl, exchangeCode, pkcePair, randomState, signIn, type TestApplication } from './helpers';
import { startServer, type RunningServer } from './servers';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

let smtp: TestSmtp;
let server: RunningServer;
let api: APIRequestContext;
let base = '';

/** `npm run manage` against this file's server (its embedded database, through the server's socket). */
async function manage(...args: string[]): Promise<string> {
  const port = new URL(base).port;
  const dataDir = fs.readFileSync(path.join(os.tmpdir(), `oauth-e2e-${port}.datadir`), 'utf8').trim();
  const { stdout } = await run('npx', ['tsx', 'lib/manage/index.ts', ...args], { cwd: root, env: { ...process.env, OAUTH2_DATA_DIR: dataDir }, timeout: 60_000 });
  return stdout.trim().split('\n').pop() ?? '';
}

async function application(): Promise<TestApplication> {
  const out = JSON.parse(
    await manage('createapplication', 'confidential', 'authorization-code', '--name', 'Mail Test App', '--redirect-uris', CALLBACK, '--algorithm', 'RS256', '--json'),
  ) as { id: string; client_id: string; client_secret: string; name: string };
  return { id: out.id, clientId: out.client_id, clientSecret: out.client_secret, name: out.name, redirectUri: CALLBACK };
}

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

/** Each new page at desktop and phone widths, into e2e/screenshots/ (gitignored). */
async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(path.join(root, 'e2e/screenshots'), { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: path.join(root, `e2e/screenshots/accounts-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.route(`${CALLBACK}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Client</title><p>Back at the client</p>' }));
  return page;
}

/** The link in a message's plain text that starts with `prefix`. */
function linkIn(text: string | undefined, prefix: string): string {
  const found = (text ?? '').match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname === prefix);
  if (!found) throw new Error(`no ${prefix} link in:\n${text}`);
  return found;
}

/** Runs the code flow in `page` (signed in or not) through consent to tokens. */
async function authorize(page: Page, app: TestApplication, scope: string) {
  const { verifier, challenge } = pkcePair();
  await page.goto(authorizeUrl(app, challenge, randomState(), { scope }));
  return { verifier };
}

async function finishAuthorization(page: Page, app: TestApplication, verifier: string) {
  // The request the browser makes to the client (the page's own URL may show Chromium's error page for a routed cross-origin redirect).
  const arrived = page.waitForRequest((r) => r.url().startsWith(CALLBACK), { timeout: 15_000 });
  await page.getByRole('button', { name: 'Authorize' }).click();
  const code = new URL((await arrived).url()).searchParams.get('code')!;
  expect(code).toBeTruthy();
  const tokens = await exchangeCode(api, app, code, verifier);
  expect(tokens.status).toBe(200);
  return tokens.body;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  smtp = await startTestSmtp();
  server = await startServer({
    EMAIL_SERVER: smtp.url,
    EMAIL_FROM: 'OAuth Server <accounts@test.example>',
    OAUTH2_SIGNUP: 'verified',
    OAUTH2_RATE_LIMIT_ACCOUNT_EMAIL_IP: '1000/3600',
    OAUTH2_RATE_LIMIT_SIGNIN_IP: '1000/60',
    OAUTH2_RATE_LIMIT_SIGNUP_IP: '1000/3600',
    OAUTH2_RATE_LIMIT_AUTHORIZE_IP: '1000/60',
  });
  base = server.baseURL;
  api = await playwrightRequest.newContext({ baseURL: base });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  await smtp?.close();
});

test('forgot password: the mail, the link, a new password; the old one and old tokens stop working', async ({ browser }) => {
  test.setTimeout(120_000);
  const email = unique('reset');
  await manage('createuser', '--email', email, '--password', 'first-password-1');
  const app = await application();

  // An application holds a refresh token from before the reset.
  const before = await newPage(browser);
  const { verifier } = await authorize(before, app, 'read');
  await signIn(before, { email, password: 'first-password-1' });
  const tokens = await finishAuthorization(before, app, verifier);
  expect(typeof tokens.refresh_token).toBe('string');

  const page = await newPage(browser);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page).toHaveURL(`${base}/forgot-password`);
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await shoot(page, 'forgot-password');

  // An unknown address gets the very same answer.
  await page.getByLabel('Email').fill(unique('nobody'));
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page).toHaveURL(`${base}/forgot-password?sent=1`);
  const unknownAnswer = await page.locator('main').innerText();

  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page).toHaveURL(`${base}/forgot-password?sent=1`);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(await page.locator('main').innerText()).toBe(unknownAnswer);
  await shoot(page, 'forgot-password-sent');

  const mail = await smtp.waitFor(email);
  expect(mail.subject).toBe('Reset your OAuth Server password');
  expect(mail.from?.text).toContain('accounts@test.example');
  expect(mail.html).toContain('Choose a new password');
  const link = linkIn(mail.text, '/reset-password');
  expect(new URL(link).origin).toBe(base);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await shoot(page, 'reset-password');
  // The policy, in words that say what to do.
  await page.getByLabel('New password').fill('password');
  await page.getByLabel('Confirm password').fill('password');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByText('This password is one of the most common ones')).toBeVisible();
  await page.getByLabel('New password').fill('second-password-2');
  await page.getByLabel('Confirm password').fill('second-password-3');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByText('The two passwords do not match')).toBeVisible();
  await page.getByLabel('Confirm password').fill('second-password-2');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page).toHaveURL(`${base}/login?reset=done`);
  await expect(page.getByText('Your password was changed. Sign in with your new password.')).toBeVisible();
  await shoot(page, 'login-after-reset');

  const notice = await smtp.waitFor(email).then(() => smtp.received.find((m) => m.subject === 'Your OAuth Server password was changed'));
  await expect.poll(() => smtp.received.some((m) => m.subject === 'Your OAuth Server password was changed')).toBe(true);
  void notice;

  // The old password fails, the new one works.
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('first-password-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  await page.getByLabel('Password').fill('second-password-2');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${base}/`);

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText('This link has already been used.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password');
  await shoot(page, 'reset-password-used');
  await page.goto('/reset-password?token=forged-token-forged-token-forged-token-x');
  await expect(page.getByText('This link is not valid.')).toBeVisible();

  // The application's refresh token is refused, and the other browser is signed out (endUserAccess).
  const basic = Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret!)}`).toString('base64');
  const refreshed = await api.post('/o/token', { form: { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) }, headers: { Authorization: `Basic ${basic}` } });
  expect(refreshed.status()).toBe(400);
  expect((await refreshed.json()).error).toBe('invalid_grant');
  await before.goto('/o/applications');
  await expect(before).toHaveURL(/\/login/);
});

test('OAUTH2_SIGNUP=verified: no authorization until the emailed link is followed; then the ID token says email_verified', async ({ browser }) => {
  test.setTimeout(120_000);
  const email = unique('verify');
  const app = await application();
  const page = await newPage(browser);
  const { verifier } = await authorize(page, app, 'openid email');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await page.getByLabel('Password').fill('verify-me-please');
  await page.getByRole('button', { name: 'Sign up' }).click();

  // Signed in, but sent to verify the address before the application gets anything.
  await expect(page).toHaveURL(/\/verify-email\?next=/);
  await expect(page.getByRole('heading', { name: 'Verify your email' })).toBeVisible();
  await expect(page.getByText(`We sent a link to ${email}`)).toBeVisible();
  await shoot(page, 'verify-email');
  const holdUrl = page.url();
  // Continue before verifying: still held.
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Verify your email' })).toBeVisible();
  // A direct /o/authorize is held too.
  const again = pkcePair();
  await page.goto(authorizeUrl(app, again.challenge, randomState(), { scope: 'openid email' }));
  await expect(page).toHaveURL(/\/verify-email\?next=/);
  await page.goto(holdUrl);

  const first = await smtp.waitFor(email);
  expect(first.subject).toBe('Confirm your email address for OAuth Server');
  await page.getByRole('button', { name: 'Resend' }).click();
  await expect(page.getByText(`A new link is on its way to ${email}`)).toBeVisible();
  await expect.poll(() => smtp.received.filter((m) => m.subject === first.subject && m.to && JSON.stringify(m.to).includes(email)).length).toBe(2);
  const latest = smtp.received.filter((m) => JSON.stringify(m.to).includes(email)).at(-1)!;

  // The link, opened in another tab as from a mail program.
  const tab = await page.context().newPage();
  await tab.goto(linkIn(latest.text, '/verify-email'));
  await expect(tab.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
  await expect(tab.getByText(`${email} is confirmed`)).toBeVisible();
  await shoot(tab, 'verify-email-confirmed');
  await tab.goto(linkIn(latest.text, '/verify-email'));
  await expect(tab.getByText('This link has already been used.')).toBeVisible();
  await expect(tab.getByText(`Your address, ${email}, is already confirmed`)).toBeVisible();
  await shoot(tab, 'verify-email-used');

  // Back in the first tab: Continue resumes the authorization.
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  const tokens = await finishAuthorization(page, app, verifier);
  const claims = JSON.parse(Buffer.from(String(tokens.id_token).split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(claims.email).toBe(email);
  expect(claims.email_verified).toBe(true);
  const userinfo = await api.get('/o/userinfo', { headers: { Authorization: `Bearer ${String(tokens.access_token)}` } });
  expect((await userinfo.json()).email_verified).toBe(true);
});

test('a forged email-change link says so and offers the account page, never a 500', async ({ browser }) => {
  const page = await newPage(browser);
  const res = await page.goto('/confirm-email?token=not-a-real-token-not-a-real-token-xx');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('This link is not valid.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your account' })).toBeVisible();
  await shoot(page, 'confirm-email-invalid');
  const empty = await page.goto('/reset-password');
  expect(empty?.status()).toBe(200);
  await expect(page.getByText('This link is not valid.')).toBeVisible();
});
