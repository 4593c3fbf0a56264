/**
 * Shared by the browser tests: applications registered through the `manage` CLI (as an
 * operator would, reaching the running server's embedded database through its socket),
 * PKCE pairs, the authorize URL, signing in, and a fake client for the browser to land on.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

/** The demo users `manage seed` creates (lib/auth/demo-users.ts). */
export const ALICE = { email: 'alice@example.com', password: 'alice-password' };
export const BOB = { email: 'bob@example.com', password: 'bob-password' };

/** The fake client's redirect URI (startFakeClient listens there). */
export const CLIENT_ORIGIN = 'http://127.0.0.1:3199';
export const CALLBACK = `${CLIENT_ORIGIN}/cb`;

export interface TestApplication {
  id: string;
  clientId: string;
  clientSecret: string | null;
  name: string;
  redirectUri: string;
}

/**
 * The environment `manage` needs to reach the server under test: OAUTH2_DATA_DIR (or
 * DATABASE_URL) when set here, else the data directory scripts/e2e-server.mjs recorded for
 * its port (the server exposes that embedded database on a local socket).
 */
function manageEnv(): NodeJS.ProcessEnv {
  if (process.env.OAUTH2_DATA_DIR || process.env.DATABASE_URL) return process.env;
  const port = process.env.E2E_PORT || new URL(process.env.E2E_BASE_URL || 'http://127.0.0.1:3100').port || '3100';
  const file = path.join(os.tmpdir(), `oauth-e2e-${port}.datadir`);
  const dataDir = fs.readFileSync(file, 'utf8').trim();
  return { ...process.env, OAUTH2_DATA_DIR: dataDir };
}

/** `npm run manage -- createapplication ... --json` against the server the tests run on. */
export async function createApplication(
  options: {
    name?: string;
    clientType?: 'confidential' | 'public';
    grants?: string;
    redirectUris?: string[];
    owner?: string | null;
    skipAuthorization?: boolean;
    postLogoutRedirectUris?: string[];
    allowedOrigins?: string[];
    /** `--resource-server`: it may introspect any token (RFC 7662 §4). */
    resourceServer?: boolean;
    /** ID token signing; '' = OAuth 2.0 only (openid refused). */
    algorithm?: '' | 'RS256' | 'ES256';
    /** More `createapplication` flags, as typed (e.g. ['--device-code-lifetime', '5']). */
    extraArgs?: string[];
    /** `--scopes`: the scopes it may request (issue 19). */
    scopes?: string;
  } = {},
): Promise<TestApplication> {
  const name = options.name ?? `Test app ${randomBytes(3).toString('hex')}`;
  const redirectUris = options.redirectUris ?? [CALLBACK];
  const args = [
    'tsx',
    'lib/manage/index.ts',
    'createapplication',
    options.clientType ?? 'confidential',
    options.grants ?? 'authorization-code',
    '--name',
    name,
    '--redirect-uris',
    redirectUris.join(' '),
    '--json',
  ];
  const owner = options.owner === undefined ? ALICE.email : options.owner;
  if (owner) args.push('--user', owner);
  if (options.skipAuthorization) args.push('--skip-authorization');
  const algorithm = options.algorithm ?? 'RS256';
  if (algorithm) args.push('--algorithm', algorithm);
  if (options.postLogoutRedirectUris) args.push('--post-logout-redirect-uris', options.postLogoutRedirectUris.join(' '));
  if (options.allowedOrigins) args.push('--allowed-origins', options.allowedOrigins.join(' '));
  if (options.resourceServer) args.push('--resource-server');
  if (options.extraArgs) args.push(...options.extraArgs);
  if (options.scopes !== undefined) args.push('--scopes', options.scopes);
  const stdout = await runManageRetryingRefusal(args);
  const line = stdout.trim().split('\n').pop() ?? '';
  const out = JSON.parse(line) as { id: string; client_id: string; client_secret: string | null; name: string };
  return { id: out.id, clientId: out.client_id, clientSecret: out.client_secret, name: out.name, redirectUri: redirectUris[0]! };
}

/**
 * Runs a `manage` command; if the embedded database refused its statement, says so and runs it
 * once more. Known issue (README, "Running manage against the embedded database"): on the
 * embedded database the command's statements travel over pglite-socket into the server's one
 * PGlite instance, and one can land inside a transaction the server has open; when that
 * transaction has failed, the command's statement is refused and nothing is written. The tests
 * here are about what the pages and the protocol do, so one retry keeps them about that; the
 * warning keeps the refusal visible in the output.
 */
async function runManageRetryingRefusal(args: string[]): Promise<string> {
  try {
    return (await run('npx', args, { cwd: root, env: manageEnv(), timeout: 60_000 })).stdout;
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '');
    if (!stderr.includes('manage: the database refused the command')) throw e;
    console.warn(`e2e: ${stderr.trim().split('\n').pop()} (retrying once)`);
    return (await run('npx', args, { cwd: root, env: manageEnv(), timeout: 60_000 })).stdout;
  }
}

/**
 * RFC 6749 §4.1.1 with PKCE (RFC 7636): an authorization request path for a client
 * redirecting to CALLBACK; `extra` adds or overrides parameters (scope, prompt, ui_locales…).
 */
export function pkceAuthorizePath(clientId: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: 'read write',
    state: randomState(),
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/o/authorize?${params}`;
}

/** RFC 7591 registration of a public client nobody vetted (the e2e servers run with OAUTH2_MCP=on); its client_id. */
export async function registerPublicClient(request: APIRequestContext, baseURL = '', metadata: Record<string, unknown> = {}): Promise<string> {
  const res = await request.post(`${baseURL}/o/register`, {
    data: { client_name: 'Fotoalbum Synchronisierung', redirect_uris: [CALLBACK], grant_types: ['authorization_code'], token_endpoint_auth_method: 'none', ...metadata },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { client_id: string }).client_id;
}

/** RFC 7636 §4.1-4.2: a verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function randomState(): string {
  return randomBytes(12).toString('base64url');
}

/** /o/authorize for the code flow with PKCE; `extra` adds or overrides parameters. */
export function authorizeUrl(app: TestApplication, challenge: string, state: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: 'read write',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return `/o/authorize?${params}`;
}

const CLIENT_PAGE = '<!doctype html><title>Client</title><p>Back at the client</p>';

/**
 * JSON documents the fake client serves by path, e.g. a client ID metadata document at
 * /agent/client.json (the e2e server runs with OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK=on).
 * Module state, so a fake client another spec in this process started serves them too.
 */
export const fakeClientDocuments = new Map<string, unknown>();

/**
 * The fake client: a real listener on CLIENT_ORIGIN answering every request with a plain page,
 * so the browser lands there after the server's redirect (Playwright's page.route does not see
 * the target of an HTTP redirect) and the test reads the code or error from the URL. Start it
 * in beforeAll and close it in afterAll. Only the browser ever talks to it: a request from the
 * server would be a bug (see `clientRequests` in the spec).
 */
export async function startFakeClient(): Promise<{ close: () => Promise<void>; requests: string[]; flightRequests: string[] }> {
  /** Every path+query asked for; and those asked with Next's `RSC` header (a fetch by Next, never a browser navigation). */
  const requests: string[] = [];
  const flightRequests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.headers.rsc) flightRequests.push(req.url ?? '');
    const doc = fakeClientDocuments.get(req.url ?? '');
    if (doc) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(doc));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(CLIENT_PAGE);
  });
  const { port, hostname } = new URL(CLIENT_ORIGIN);
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(false) : reject(e)));
    server.listen(Number(port), hostname, () => resolve(true));
  });
  // Another test worker's fake client already answers there, the same way: use that one.
  if (!listening) return { requests, flightRequests, close: async () => {} };
  return { requests, flightRequests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Serves `html` at `url` (on any origin, even one that does not resolve) for this page only. */
export async function servePage(page: Page, url: string, html: string): Promise<void> {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
}

/** Waits for the browser to arrive at the client's redirect URI and returns its query parameters. */
export async function waitForCallback(page: Page): Promise<URLSearchParams> {
  await page.waitForURL((url) => url.href.startsWith(CALLBACK), { timeout: 15_000 });
  return new URL(page.url()).searchParams;
}

/** Fills the sign-in form the browser is on and submits it. */
export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** RFC 6749 §4.1.3 with client_secret_basic (§2.3.1) and the PKCE verifier. */
export async function exchangeCode(
  request: APIRequestContext,
  app: TestApplication,
  code: string,
  verifier: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: app.redirectUri,
    code_verifier: verifier,
  };
  if (app.clientSecret) {
    // §2.3.1: form-urlencode each part before joining.
    const basic = `${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    form.client_id = app.clientId;
  }
  const res = await request.post('/o/token', { form, headers });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}
