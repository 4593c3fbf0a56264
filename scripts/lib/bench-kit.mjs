// Shared by the scale scripts (scale-cleartokens.mjs, scale-instances.mjs): a throwaway
// PostgreSQL, production servers with their output in a file, a client_credentials application,
// and one timed autocannon run that fails loudly on any non-2xx or error.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApplication, freePort, sleep } from './traffic.mjs';

export { createApplication, freePort, sleep };

const plain = { ...process.env };
delete plain.FORCE_COLOR;

/** scripts/pg-temp.sh: a fresh cluster; stopped (and everything else started here killed) at exit. */
export function startPostgres() {
  const pg = spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_start >&2 && echo "$PG_TEMP_DIR $PG_TEMP_URL"'], {
    encoding: 'utf8',
    env: { ...plain, PG_TEMP_SHARED_BUFFERS: process.env.PG_TEMP_SHARED_BUFFERS ?? '512MB' },
  });
  if (pg.status !== 0) throw new Error(`pg-temp: ${pg.stderr}`);
  const [dir, url] = pg.stdout.trim().split(' ');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scale-'));
  process.on('exit', () => {
    for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
    spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_stop'], { env: { ...plain, PG_TEMP_DIR: dir } });
    fs.rmSync(work, { recursive: true, force: true });
  });
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  return { url, dir, work };
}

const children = [];

/** The production environment for servers and the CLI on `databaseUrl`. */
export function productionEnv(databaseUrl) {
  const env = { ...plain, NODE_ENV: 'production', DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(32).toString('base64url'), NEXT_TELEMETRY_DISABLED: '1', OAUTH2_RATE_LIMITS: 'off' };
  delete env.OAUTH2_DATA_DIR;
  return env;
}

/** `node <args>` (server.mjs by default) on a free port; resolves with its URL once /api/health answers. */
export async function startNode({ env, logFile, args = (port) => ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], label = 'server' }) {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args(port), { env: { OAUTH2_ISSUER: `http://127.0.0.1:${port}`, ...env }, stdio: ['ignore', out, out] });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${label} exited at start (see ${logFile}):\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, port, child };
    await sleep(500);
  }
  throw new Error(`${label} did not start within 120 s`);
}

export const basicAuth = (app) => `Basic ${Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`).toString('base64')}`;

/** POST /o/token client_credentials for `seconds` at `connections`: req/s, latency, and a throw on any failure. */
export async function issuance(url, app, { connections = 32, seconds = 10, allowFailures = false } = {}) {
  const r = await autocannon({
    url: `${url}/o/token`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth(app) },
    body: 'grant_type=client_credentials',
    connections,
    duration: seconds,
    timeout: 10,
  });
  const failures = r.non2xx + r.errors + r.timeouts;
  if (failures && !allowFailures) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (n) => Math.round(n).toLocaleString('en');
