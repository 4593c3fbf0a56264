/**
 * Issue 25: the fast path answers exactly as Next's route handlers do. Two server.mjs instances
 * on one PostgreSQL (same clients, keys and issuer), one with OAUTH2_FAST_PATH=on (the default)
 * and one with it off; every machine endpoint gets the same success and error requests on both,
 * and status, headers (but date and request id) and the body's shape must be identical.
 * Starts servers: run under `flock /tmp/heavy.lock` (scripts/e2e.sh is).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { freePort, startInstance, startPostgres, stopPostgres, type Instance } from './servers';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const METRICS_TOKEN = randomBytes(24).toString('hex');

/** http_fast_path_requests_total on an instance's /api/metrics. */
async function fastPathCount(i: Instance): Promise<number> {
  const text = await (await fetch(`${i.url}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(/^http_fast_path_requests_total (\d+)/m.exec(text)?.[1] ?? 0);
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let pg: { url: string; dir: string } | undefined;
let fast: Instance;
let next: Instance;
let basic = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  pg = startPostgres();
  const [portFast, portNext] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    DATABASE_POOL_SIZE: '4',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    OAUTH2_ISSUER: `http://127.0.0.1:${portFast}`,
    OAUTH2_ACCESS_LOG: 'off',
    OAUTH2_METRICS_TOKEN: METRICS_TOKEN,
  };
  delete env.OAUTH2_DATA_DIR;
  delete env.OAUTH2_DEMO_USERS;
  fast = await startInstance('fast path on', portFast, { ...env, OAUTH2_FAST_PATH: 'on' });
  next = await startInstance('fast path off', portNext, { ...env, OAUTH2_FAST_PATH: 'off' });
  const { stdout } = await run('npx', ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', 'client-credentials', '--name', 'Equivalence', '--json'], { cwd: root, env, timeout: 60_000 });
  const app = JSON.parse(stdout) as { client_id: string; client_secret: string };
  basic = `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`;
});

test.afterAll(async () => {
  for (const i of [fast, next]) {
    if (!i || i.proc.exitCode !== null) continue;
    i.proc.kill('SIGTERM');
    await i.exited;
  }
  if (pg) stopPostgres(pg.dir);
});

type Call = { name: string; method: string; path: string; headers?: Record<string, string>; body?: string | ((token: string) => string) };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** A value's shape: the keys and the types, not the values (tokens differ between the two answers). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

const IGNORED = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);

async function answer(base: string, call: Call, token: string) {
  const body = typeof call.body === 'function' ? call.body(token) : call.body;
  const res = await fetch(base + call.path, { method: call.method, headers: { ...(call.headers ?? {}) }, body });
  const text = await res.text();
  const headers = Object.fromEntries([...res.headers].filter(([k]) => !IGNORED.has(k)));
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : '';
  } catch {
    /* not JSON: compared as text */
  }
  return { status: res.status, headers, text, shape: shape(parsed) };
}

const CALLS: Call[] = [
  { name: 'discovery', method: 'GET', path: '/.well-known/openid-configuration' },
  { name: 'discovery under /o', method: 'GET', path: '/o/.well-known/openid-configuration' },
  { name: 'server metadata', method: 'GET', path: '/.well-known/oauth-authorization-server' },
  { name: 'JWKS', method: 'GET', path: '/o/.well-known/jwks.json' },
  { name: 'JWKS, HEAD', method: 'HEAD', path: '/o/.well-known/jwks.json' },
  { name: 'token preflight', method: 'OPTIONS', path: '/o/token', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' } },
  { name: 'token: client credentials', method: 'POST', path: '/o/token', headers: { ...FORM, Authorization: 'BASIC' }, body: 'grant_type=client_credentials&scope=read' },
  { name: 'token: trailing slash', method: 'POST', path: '/o/token/', headers: { ...FORM, Authorization: 'BASIC' }, body: 'grant_type=client_credentials&scope=read' },
  { name: 'token: no client authentication', method: 'POST', path: '/o/token', headers: FORM, body: 'grant_type=client_credentials' },
  { name: 'token: unsupported grant', method: 'POST', path: '/o/token', headers: { ...FORM, Authorization: 'BASIC' }, body: 'grant_type=nonsense' },
  { name: 'token: wrong content type', method: 'POST', path: '/o/token', headers: { 'Content-Type': 'text/plain', Authorization: 'BASIC' }, body: 'grant_type=client_credentials' },
  { name: 'token: body over 64 KB', method: 'POST', path: '/o/token', headers: { ...FORM, Authorization: 'BASIC' }, body: `scope=${'a'.repeat(70_000)}` },
  { name: 'token: GET is not allowed', method: 'GET', path: '/o/token' },
  { name: 'introspect', method: 'POST', path: '/o/introspect', headers: { ...FORM, Authorization: 'BASIC' }, body: (t) => `token=${t}` },
  { name: 'introspect: unknown token', method: 'POST', path: '/o/introspect', headers: { ...FORM, Authorization: 'BASIC' }, body: 'token=nope' },
  { name: 'introspect: no authentication', method: 'POST', path: '/o/introspect', headers: FORM, body: 'token=nope' },
  { name: 'revoke: unknown token', method: 'POST', path: '/o/revoke_token', headers: { ...FORM, Authorization: 'BASIC' }, body: 'token=nope' },
  { name: 'revoke: missing token', method: 'POST', path: '/o/revoke_token', headers: { ...FORM, Authorization: 'BASIC' }, body: '' },
  { name: 'userinfo: no token', method: 'GET', path: '/o/userinfo' },
  { name: 'userinfo: client credentials token', method: 'GET', path: '/o/userinfo', headers: { Authorization: 'BEARER' } },
  { name: 'registration (off)', method: 'POST', path: '/o/register', headers: { 'Content-Type': 'application/json' }, body: '{"redirect_uris":["https://a.example/cb"]}' },
  { name: 'client configuration (off)', method: 'GET', path: '/o/register/some-client' },
];

test('every machine endpoint answers the same through the fast path and through Next', async () => {
  // One access token for the calls that need one (issued by the fast instance; same database).
  const issued = (await (await fetch(`${fast.url}/o/token`, { method: 'POST', headers: { ...FORM, Authorization: basic }, body: 'grant_type=client_credentials&scope=read' })).json()) as { access_token: string };
  for (const call of CALLS) {
    const withCredentials = { ...call, headers: Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k, v === 'BASIC' ? basic : v === 'BEARER' ? `Bearer ${issued.access_token}` : v])) };
    const [a, b] = [await answer(fast.url, withCredentials, issued.access_token), await answer(next.url, withCredentials, issued.access_token)];
    expect.soft(a.status, `${call.name}: status`).toBe(b.status);
    const { 'content-length': lengthA, ...restA } = a.headers;
    const { 'content-length': lengthB, ...restB } = b.headers;
    expect.soft(restA, `${call.name}: headers`).toEqual(restB);
    // Bodies with the same text have the same length; token answers differ in value, not shape.
    if (a.text === b.text) expect.soft(lengthA, `${call.name}: content-length`).toBe(lengthB);
    expect.soft(a.shape, `${call.name}: body`).toEqual(b.shape);
  }
  // The comparison means something only if the one really took the fast path and the other not.
  expect(await fastPathCount(fast)).toBeGreaterThanOrEqual(CALLS.length - 1);
  expect(await fastPathCount(next)).toBe(0);
});
