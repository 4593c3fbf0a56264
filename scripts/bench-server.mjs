#!/usr/bin/env node
/**
 * What server.mjs costs against plain `next start`: the bare route handler (GET /api/health)
 * and token issuance (POST /o/token, client_credentials), on a throwaway PostgreSQL, with
 * server.mjs's request log on (the default, written to a file as a log shipper would read it)
 * and off. Variants run interleaved, BENCH_ROUNDS times each; the median req/s is reported.
 * Needs a production build (.next). Run it alone: `flock /tmp/heavy.lock node scripts/bench-server.mjs`.
 * Env: BENCH_DURATION (s, default 8), BENCH_CONNECTIONS (default 32), BENCH_ROUNDS (default 3).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION || 8);
const connections = Number(process.env.BENCH_CONNECTIONS || 32);
const rounds = Number(process.env.BENCH_ROUNDS || 3);
if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('bench-server: no production build; run `npx next build` first');
  process.exit(1);
}

const plain = { ...process.env };
delete plain.FORCE_COLOR;
const pg = spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_start >&2 && echo "$PG_TEMP_DIR $PG_TEMP_URL"'], { encoding: 'utf8', env: plain });
if (pg.status !== 0) {
  console.error(`bench-server: ${pg.stderr}`);
  process.exit(1);
}
const [pgDir, pgUrl] = pg.stdout.trim().split(' ');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-server-'));
let current = null;
function cleanup() {
  if (current && current.exitCode === null) current.kill('SIGKILL');
  spawnSync('bash', ['-c', 'source scripts/pg-temp.sh && pg_temp_stop'], { env: { ...plain, PG_TEMP_DIR: pgDir } });
  fs.rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

// Rate limits off: the one benchmark client would be over the per-client limit within seconds.
const env = { ...plain, NODE_ENV: 'production', DATABASE_URL: pgUrl, AUTH_SECRET: randomBytes(32).toString('base64url'), NEXT_TELEMETRY_DISABLED: '1', OAUTH2_RATE_LIMITS: 'off' };
delete env.OAUTH2_DATA_DIR;

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const variants = [
  { name: 'next start', args: (p) => ['node_modules/next/dist/bin/next', 'start', '-p', String(p), '-H', '127.0.0.1'], env: {} },
  { name: 'server.mjs, request log on', args: (p) => ['server.mjs', '-p', String(p), '-H', '127.0.0.1'], env: {} },
  { name: 'server.mjs, request log off', args: (p) => ['server.mjs', '-p', String(p), '-H', '127.0.0.1'], env: { OAUTH2_ACCESS_LOG: 'off' } },
];

async function start(variant) {
  const port = await freePort();
  const log = fs.openSync(path.join(work, 'server.log'), 'a');
  current = spawn(process.execPath, variant.args(port), { env: { ...env, OAUTH2_ISSUER: `http://127.0.0.1:${port}`, ...variant.env }, stdio: ['ignore', log, log] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/ready`).then((r) => r.ok, () => false)) return base;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${variant.name} did not start`);
}
async function stop() {
  const exited = new Promise((r) => current.once('exit', r));
  current.kill('SIGTERM');
  await exited;
}

const app = JSON.parse(execFileSync('npx', ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', 'client-credentials', '--name', 'bench-server', '--json'], { env, encoding: 'utf8' }).trim().split('\n').pop());
const basicAuth = `Basic ${Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`).toString('base64')}`;
const scenarios = {
  health: { path: '/api/health', method: 'GET' },
  token: { path: '/o/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicAuth }, body: 'grant_type=client_credentials' },
};

async function measure(base, scenario, seconds) {
  const r = await autocannon({ url: base + scenario.path, connections, duration: seconds, ...scenario });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${scenario.path}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

const results = Object.fromEntries(variants.map((v) => [v.name, { health: [], token: [] }]));
for (let round = 1; round <= rounds; round++) {
  for (const variant of variants) {
    const base = await start(variant);
    await measure(base, scenarios.health, 2); // warm-up: JIT, route compilation, pool
    await measure(base, scenarios.token, 2);
    for (const name of ['health', 'token']) {
      const m = await measure(base, scenarios[name], duration);
      results[variant.name][name].push(m);
      console.log(`round ${round} · ${variant.name.padEnd(28)} · ${name.padEnd(6)} ${m.rps.toFixed(0).padStart(6)} req/s  p99 ${m.p99} ms`);
    }
    await stop();
  }
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`\n${connections} connections, ${duration} s per run, median of ${rounds} interleaved rounds (${os.cpus().length} cores):`);
console.log('| server | GET /api/health req/s | p99 ms | POST /o/token req/s | p99 ms |');
console.log('| --- | --- | --- | --- | --- |');
const baseline = results['next start'];
for (const v of variants) {
  const r = results[v.name];
  const cell = (name) => {
    const rps = median(r[name].map((m) => m.rps));
    const rel = v.name === 'next start' ? '' : ` (${((rps / median(baseline[name].map((m) => m.rps)) - 1) * 100).toFixed(1)} %)`;
    return `${rps.toFixed(0)}${rel} | ${median(r[name].map((m) => m.p99))}`;
  };
  console.log(`| ${v.name} | ${cell('health')} | ${cell('token')} |`);
}
