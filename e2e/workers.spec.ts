/**
 * OAUTH2_WORKERS (issue 25): several processes of the production server on one port (node:cluster),
 * on a throwaway PostgreSQL this file starts and stops.
 *   - two workers start, both serve (their pids both appear in the request log), and a token
 *     issued through one is accepted by the other (RFC 6749 §4.4, RFC 7662)
 *   - the start work ran once: one "migrations applied" line, one "listening … (2 workers)" line
 *   - /api/metrics sums the workers (each worker's pool counted, every request counted once)
 *   - SIGTERM: every worker drains and the primary exits 0
 *   - the embedded database is refused with one line naming the problem, before anything starts
 * API only (no browser). Starts servers: run under `flock /tmp/heavy.lock` (scripts/e2e.sh is).
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { freePort, startInstance, startPostgres, stopPostgres, type Instance } from './servers';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const METRICS_TOKEN = randomBytes(24).toString('hex');

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let pg: { url: string; dir: string } | undefined;
let server: Instance | undefined;
let env: NodeJS.ProcessEnv;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pg = startPostgres();
  const port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    DATABASE_POOL_SIZE: '3',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    OAUTH2_ISSUER: `http://127.0.0.1:${port}`,
    OAUTH2_METRICS_TOKEN: METRICS_TOKEN,
    OAUTH2_RATE_LIMITS: 'off',
    OAUTH2_WORKERS: '2',
  };
  delete env.OAUTH2_DATA_DIR;
  delete env.OAUTH2_DEMO_USERS;
  server = await startInstance('workers', port, env);
});

test.afterAll(async () => {
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  if (server) fs.writeFileSync(path.join(root, 'test-results', 'workers.log'), server.output.join('\n'));
  if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL');
  if (pg) stopPostgres(pg.dir);
});

const requestLines = (i: Instance) =>
  i.output
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'request');

test('two workers start once and both serve: a token issued by one is active on the other (RFC 6749 §4.4, RFC 7662 §2.2)', async () => {
  const s = server!;
  const { stdout } = await run('npx', ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', 'client-credentials', '--name', 'Workers', '--json'], { cwd: root, env, timeout: 60_000 });
  const app = JSON.parse(stdout.trim().split('\n').pop()!) as { client_id: string; client_secret: string };
  const authorization = `Basic ${Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`).toString('base64')}`;
  // A new connection per request (fetch would keep one alive, and one connection stays on one worker).
  const post = (p: string, body: string) =>
    new Promise<{ status: number; json: () => Record<string, unknown> }>((resolve, reject) => {
      const req = http.request(`${s.url}${p}`, { method: 'POST', agent: false, headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      });
      req.on('error', reject);
      req.end(body);
    });

  // New connections are spread round-robin over the workers: 20 of them reach both.
  for (let i = 0; i < 20; i++) {
    const token = await post('/o/token', 'grant_type=client_credentials');
    expect(token.status).toBe(200);
    const access_token = String(token.json().access_token);
    const introspection = await post('/o/introspect', `token=${encodeURIComponent(access_token)}`);
    expect(introspection.status).toBe(200);
    expect(introspection.json()).toMatchObject({ active: true, client_id: app.client_id });
  }
  // Log lines are written in batches, at most a second late. The primary hands connections out
  // round-robin, so the tokens and their introspections landed on both workers.
  const pids = (route: string) => new Set(requestLines(s).filter((l) => l.route === route).map((l) => l.pid));
  await expect.poll(() => pids('/o/introspect').size + pids('/o/token').size, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  expect(new Set([...pids('/o/token'), ...pids('/o/introspect')]).size).toBe(2);

  // The primary did the start work once; the workers did not repeat it.
  expect(s.output.filter((l) => l.includes('migrations applied'))).toHaveLength(1);
  expect(s.output.filter((l) => l.includes('(2 workers)'))).toHaveLength(1);
});

test('/api/metrics sums the workers: both pools, every request counted once', async () => {
  const s = server!;
  const scrape = async () => (await (await fetch(`${s.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text());
  const text = await scrape();
  // DATABASE_POOL_SIZE=3 in each of the two workers.
  expect(text).toMatch(/^db_pool_size\{driver="postgres"\} 6$/m);
  expect(text).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/o\/token",status="200"\} 20$/m);
  expect(text).toMatch(/^oauth_tokens_issued_total\{grant_type="client_credentials"\} 20$/m);
  // The scrape is answered by whichever worker takes the connection; the sum is the same.
  expect(await scrape()).toMatch(/^oauth_tokens_issued_total\{grant_type="client_credentials"\} 20$/m);
});

test('SIGTERM: the workers drain and the primary exits 0', async () => {
  const s = server!;
  s.proc.kill('SIGTERM');
  expect(await s.exited).toBe(0);
  expect(s.output.filter((l) => l.includes('"msg":"stopped"'))).toHaveLength(3);
  // The buffered request log lost no line on the way out: every request of the first test is there.
  expect(requestLines(s).filter((l) => l.route === '/o/token')).toHaveLength(20);
  expect(requestLines(s).filter((l) => l.route === '/o/introspect')).toHaveLength(20);
});

test('several workers on the embedded database are refused in one line naming the problem', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-workers-'));
  const plain: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', OAUTH2_WORKERS: '2', OAUTH2_DATA_DIR: dataDir };
  delete plain.DATABASE_URL;
  const r = spawnSync(process.execPath, ['server.mjs', '-p', '0', '-H', '127.0.0.1'], { cwd: root, env: plain, encoding: 'utf8', timeout: 30_000 });
  fs.rmSync(dataDir, { recursive: true, force: true });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe('OAUTH2_WORKERS=2: 2 worker processes need PostgreSQL (set DATABASE_URL); the embedded database can be opened by one process only\n');
});
