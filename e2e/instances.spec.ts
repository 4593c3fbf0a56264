/**
 * Production shape (issue 11): two server.mjs instances on two ports sharing one PostgreSQL
 * (a throwaway pg-temp cluster this file starts and stops), as behind a load balancer.
 *   - a full authorization-code flow whose steps alternate between the instances
 *   - a session signed out on one instance is refused by the other (user_sessions rows)
 *   - a rate limit shared by both (skipped until the rate-limit settings exist on this branch)
 *   - the log output of the whole run: one JSON line per request, and no code, token, secret or password
 *   - metrics per instance
 *   - graceful shutdown: a request in flight at SIGTERM completes, new connections are refused, exit 0
 *   - /api/ready answers 503 when PostgreSQL goes down; /api/health stays 200
 * Starts servers: run under `flock /tmp/heavy.lock` (scripts/e2e.sh is).
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CALLBACK, pkcePair, randomState, signIn, startFakeClient, waitForCallback } from './helpers';
import { freePort, startInstance, startPostgres, stopPostgres, type Instance } from './servers';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const METRICS_TOKEN = randomBytes(24).toString('hex');
// The rate-limit engineer's setting (issue 11 part 1). Until that branch is merged the server
// ignores it and the shared-limit test below is skipped.
const RATE_LIMIT_SETTING = 'OAUTH2_RATE_LIMIT_TOKEN_CLIENT';
const rateLimitsImplemented = (() => {
  const seen = spawnSync('grep', ['-rl', '--include=*.ts', '--exclude=*.test.ts', RATE_LIMIT_SETTING, path.join(root, 'lib')], { encoding: 'utf8' });
  return seen.stdout.trim() !== '';
})();

/** The JSON request-log lines an instance wrote. */
function requestLines(instance: Instance): Record<string, unknown>[] {
  return instance.output
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'request');
}

function basic(clientId: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

async function post(url: string, form: Record<string, string>, authorization: string) {
  const res = await fetch(url, { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, string> };
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let pg: { url: string; dir: string } | undefined;
let a: Instance;
let b: Instance;
let env: NodeJS.ProcessEnv;
let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
/** Every secret value the run handled: none may appear in any log output. */
const secrets: Record<string, string> = {};
const user = { email: `carol-${randomBytes(3).toString('hex')}@example.com`, password: `pw-${randomBytes(12).toString('base64url')}` };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = startPostgres();
  const [portA, portB] = [await freePort(), await freePort()];
  env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    DATABASE_POOL_SIZE: '4',
    // Shared by both instances: sessions are JWT cookies signed with it.
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    // One issuer for both, as behind a load balancer.
    OAUTH2_ISSUER: `http://127.0.0.1:${portA}`,
    OAUTH2_METRICS_TOKEN: METRICS_TOKEN,
    OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: '10',
    [RATE_LIMIT_SETTING]: '3/60',
    LOG_LEVEL: 'trace', // whatever the level, no secret is logged
  };
  delete env.OAUTH2_DATA_DIR;
  delete env.OAUTH2_DEMO_USERS;
  // Both start at once: migrations at start must not collide (an advisory lock serialises them).
  [a, b] = await Promise.all([startInstance('A', portA, env), startInstance('B', portB, env)]);
  const cli = (...args: string[]) => run('npx', ['tsx', 'lib/manage/index.ts', ...args], { cwd: root, env, timeout: 60_000 });
  await cli('createuser', '--email', user.email, '--password', user.password);
  secrets.password = user.password;
  fakeClient = await startFakeClient();
});

test.afterAll(async () => {
  // The servers' output, for whoever investigates a failure (test secrets only).
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  for (const i of [a, b]) if (i) fs.writeFileSync(path.join(root, 'test-results', `instance-${i.name}.log`), i.output.join('\n'));
  await fakeClient?.close();
  for (const i of [a, b]) if (i && i.proc.exitCode === null) i.proc.kill('SIGKILL');
  if (pg) stopPostgres(pg.dir);
});

async function createApp(grants: string): Promise<{ clientId: string; clientSecret: string }> {
  const { stdout } = await run(
    'npx',
    ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', grants, '--name', `Two instances ${grants}`, '--redirect-uris', CALLBACK, '--user', user.email, '--algorithm', 'RS256', '--json'],
    { cwd: root, env, timeout: 60_000 },
  );
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as { client_id: string; client_secret: string };
  secrets[`client secret (${grants})`] = out.client_secret;
  return { clientId: out.client_id, clientSecret: out.client_secret };
}

test('RFC 6749 §4.1 across two instances: authorize on A, sign in on B, consent on A, token on B, refresh on A, introspect on B', async ({ page }) => {
  const app = await createApp('authorization-code');
  const { verifier, challenge } = pkcePair();
  const state = randomState();
  secrets.verifier = verifier;
  const params = new URLSearchParams({ response_type: 'code', client_id: app.clientId, redirect_uri: CALLBACK, scope: 'openid read', state, code_challenge: challenge, code_challenge_method: 'S256' });

  // Authorize on A: the pending request is stored in PostgreSQL, the browser goes to sign-in.
  await page.goto(`${a.url}/o/authorize?${params}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  // Sign in on B (the pending request id in `next` resolves there too).
  const login = new URL(page.url());
  await page.goto(`${b.url}${login.pathname}${login.search}`);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/o\/consent\?request=/);
  // Consent on A: the session cookie B signed is valid on A (shared AUTH_SECRET).
  const consent = new URL(page.url());
  await page.goto(`${a.url}${consent.pathname}${consent.search}`);
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await page.getByRole('button', { name: 'Authorize' }).click();
  const callback = await waitForCallback(page);
  expect(callback.get('state')).toBe(state);
  const code = callback.get('code')!;
  secrets.code = code;

  // Token on B.
  const auth = basic(app.clientId, app.clientSecret);
  const tokens = await post(`${b.url}/o/token`, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier }, auth);
  expect(tokens.status).toBe(200);
  Object.assign(secrets, { access: tokens.body.access_token!, refresh: tokens.body.refresh_token!, idToken: tokens.body.id_token! });
  // The id_token B signed verifies with the keys A publishes (signing keys live in the database).
  const jwks = createRemoteJWKSet(new URL(`${a.url}/o/.well-known/jwks.json`));
  const { payload } = await jwtVerify(tokens.body.id_token!, jwks, { issuer: env.OAUTH2_ISSUER, audience: app.clientId });
  expect(payload.sub).toBeTruthy();

  // Refresh on A (RFC 6749 §6), rotating the refresh token.
  const refreshed = await post(`${a.url}/o/token`, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token! }, auth);
  expect(refreshed.status).toBe(200);
  Object.assign(secrets, { access2: refreshed.body.access_token!, refresh2: refreshed.body.refresh_token! });

  // Introspect on B (RFC 7662 §2.2): the new token is active, the first refresh token is spent.
  const active = await post(`${b.url}/o/introspect`, { token: refreshed.body.access_token! }, auth);
  expect(active.status).toBe(200);
  expect(active.body).toMatchObject({ active: true, client_id: app.clientId, scope: 'openid read' });
  const reused = await post(`${b.url}/o/token`, { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token! }, auth);
  expect(reused.status).toBe(400);
  expect(reused.body.error).toBe('invalid_grant');

  // Each instance logged its requests with the request id it returned, the client and the error code.
  // (A line is written when the response has gone out, and read from the pipe a moment later: poll.)
  const line = (i: Instance, reqId: string | null) => () => requestLines(i).filter((l) => l.reqId === reqId);
  await expect.poll(line(b, tokens.headers.get('x-request-id'))).toEqual([expect.objectContaining({ method: 'POST', route: '/o/token', status: 200, clientId: app.clientId })]);
  await expect.poll(line(a, refreshed.headers.get('x-request-id'))).toEqual([expect.objectContaining({ method: 'POST', route: '/o/token', status: 200, clientId: app.clientId })]);
  await expect
    .poll(line(b, reused.headers.get('x-request-id')))
    .toEqual([expect.objectContaining({ route: '/o/token', status: 400, clientId: app.clientId, error: 'invalid_grant' })]);
});

test('a session signed out on A is refused on B, even from a copy of its cookie (sessions live in PostgreSQL)', async ({ browser }) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(`${a.url}/login`);
  await signIn(page, user);
  await expect(page).toHaveURL(`${a.url}/`);
  // A copy of the cookie in another browser, served by the other instance: signed in.
  const copy = await browser.newContext();
  await copy.addCookies(await first.cookies());
  const copied = await copy.newPage();
  await copied.goto(`${b.url}/account`);
  await expect(copied.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
  // Signed out on A: the row ends, and B refuses the copy on its next request.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await copied.goto(`${b.url}/account`);
  await expect(copied).toHaveURL(/\/login\?next=%2Faccount/);
  await first.close();
  await copy.close();
});

test('metrics are per instance: each counts the tokens it issued', async () => {
  const scrape = async (i: Instance) => (await fetch(`${i.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const [ma, mb] = [await scrape(a), await scrape(b)];
  expect(mb).toMatch(/^oauth_tokens_issued_total\{grant_type="authorization_code"\} 1$/m);
  expect(ma).toMatch(/^oauth_tokens_issued_total\{grant_type="refresh_token"\} 1$/m);
  expect(ma).not.toMatch(/grant_type="authorization_code"/);
  expect(mb).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/o\/token",status="200"\} 1$/m);
  expect(mb).toMatch(/^db_pool_size\{driver="postgres"\} 4$/m);
  expect(mb).toMatch(/^db_pool_connections\{state="idle"\} [1-4]$/m);
});

test('a rate limit is shared by both instances (token endpoint per client, counted in PostgreSQL)', async () => {
  test.skip(!rateLimitsImplemented, `${RATE_LIMIT_SETTING} is not implemented on this branch yet (the rate-limit branch adds it)`);
  const app = await createApp('client-credentials');
  const auth = basic(app.clientId, app.clientSecret);
  const token = (i: Instance) => post(`${i.url}/o/token`, { grant_type: 'client_credentials', scope: 'read' }, auth);
  for (const i of [a, b, a]) {
    const r = await token(i);
    expect(r.status).toBe(200);
    secrets[`cc ${r.body.access_token}`] = r.body.access_token!;
  }
  for (const i of [b, a]) {
    const r = await token(i);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Each instance counted the refusal it made (metrics are per process).
  for (const i of [a, b]) {
    const text = await (await fetch(`${i.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(text).toMatch(/^oauth_rate_limited_total\{limit="token_client"\} 1$/m);
  }
});

test('the logs of the whole run: one JSON line per request, and no code, token, secret or password', async () => {
  // Let the last lines arrive through the pipes.
  const probe = (await fetch(`${b.url}/api/health`)).headers.get('x-request-id');
  await expect.poll(() => requestLines(b).some((l) => l.reqId === probe)).toBe(true);
  const lines = [...requestLines(a), ...requestLines(b)];
  expect(lines.length).toBeGreaterThan(10);
  for (const l of lines) {
    expect(Object.keys(l)).toEqual(expect.arrayContaining(['level', 'time', 'reqId', 'method', 'route', 'status', 'ms']));
    expect(String(l.route)).not.toContain('?');
  }
  // The browser's requests were logged too, with their routes (the query string left out).
  expect(lines.some((l) => l.route === '/o/authorize' && l.status === 302)).toBe(true);
  const all = [...a.output, ...b.output].join('\n');
  expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(9);
  for (const [what, value] of Object.entries(secrets)) {
    expect(value, what).toBeTruthy();
    expect(all.includes(value), `${what} appears in the log output`).toBe(false);
  }
  expect(all).not.toMatch(/"authorization"|"cookie"|Bearer [A-Za-z0-9]|Basic [A-Za-z0-9]/i);
});

test('SIGTERM: a request in flight completes with 200, new connections are refused, the process exits 0', async () => {
  // A POST whose body arrives slowly: the handler is reading it when the signal comes.
  const socket = net.connect(b.port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  let response = '';
  socket.on('data', (d) => (response += d.toString('utf8')));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`POST /api/health HTTP/1.1\r\nHost: 127.0.0.1:${b.port}\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nhello`);
  await new Promise((r) => setTimeout(r, 500));
  b.proc.kill('SIGTERM');
  await expect.poll(() => b.output.some((l) => l.includes('draining'))).toBe(true);
  // New connections are refused.
  const refused = await new Promise<string>((resolve) => {
    const s = net.connect(b.port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
  expect(refused).toBe('ECONNREFUSED');
  expect(b.proc.exitCode).toBeNull(); // still finishing the request in flight
  socket.write('world');
  await ended; // the server closes the connection once it has answered (draining)
  expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  expect(response).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}\r\n/i);
  expect(response).toContain('{"status":"ok"}');
  expect(await b.exited).toBe(0);
  expect(b.output.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
});

test('/api/ready answers 503 naming the problem when PostgreSQL is down; /api/health stays 200', async () => {
  stopPostgres(pg!.dir);
  pg = undefined;
  const res = await fetch(`${a.url}/api/ready`);
  expect(res.status).toBe(503);
  const text = await res.text();
  expect(JSON.parse(text)).toMatchObject({ status: 'unavailable', reason: expect.stringMatching(/^database: /) });
  expect(text).not.toContain('postgres://');
  expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
  a.proc.kill('SIGTERM');
  expect(await a.exited).toBe(0);
});
