#!/usr/bin/env node
// Issue 24, long runs: `npm run soak` runs mixed traffic (password grants, refresh rotation,
// client credentials, revocations, introspection) against the production server for
// SOAK_MINUTES (10), and samples each minute: the server's RSS and heap, open file
// descriptors, database connections and the minute's p99 latency. It fails if RSS grows more
// than SOAK_RSS_GROWTH_MB (150) after the first minute (warm-up), descriptors grow by more than
// 100, or the connections exceed the pool. PostgreSQL when TEST_DATABASE_URL is set (a database
// of its own), else the embedded database. Needs a production build (.next).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createApplication, createClients, freePort, sleep, startServer } from './lib/traffic.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WORKERS = Number(process.env.SOAK_WORKERS ?? 8);
const RSS_GROWTH_MB = Number(process.env.SOAK_RSS_GROWTH_MB ?? 150);
const POOL = 10;
const METRICS_TOKEN = randomBytes(24).toString('base64url');

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const adminUrl = process.env.TEST_DATABASE_URL;
const dbName = `soak_${randomBytes(4).toString('hex')}`;
const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : null;
if (admin) await admin.unsafe(`create database ${dbName}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-soak-'));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  OAUTH2_ISSUER: base,
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  OAUTH2_DEMO_USERS: 'on',
  OAUTH2_RATE_LIMITS: 'off',
  // The request log on, as in production (to /dev/null here): its buffered writer is part of what runs for days.
  OAUTH2_ACCESS_LOG: process.env.SOAK_ACCESS_LOG ?? 'on',
  OAUTH2_METRICS_TOKEN: METRICS_TOKEN,
  OAUTH2_DATA_DIR: dataDir,
  DATABASE_POOL_SIZE: String(POOL),
};
if (admin) env.DATABASE_URL = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
else delete env.DATABASE_URL;

const server = await startServer({ env, port, label: 'soak' });
const clients = createClients(base, createApplication(env, 'password,client-credentials', 'soak'));
const pid = server.child.pid;

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const fds = () => fs.readdirSync(`/proc/${pid}/fd`).length;
async function heapMb() {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  const m = /^nodejs_heap_size_used_bytes (\d+(\.\d+)?)/m.exec(text);
  return m ? Number(m[1]) / 1024 / 1024 : NaN;
}
async function connections() {
  if (!admin) return null;
  const [row] = await admin`select count(*)::int as n from pg_stat_activity where datname = ${dbName}`;
  return row.n;
}
const p99 = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] : 0);

const problems = [];
const rows = [];
const stop = { now: false };
const load = clients.runLoad(stop, WORKERS);
let baseline = null;
let fdBaseline = null;
try {
  for (let minute = 1; minute <= MINUTES; minute++) {
    clients.latencies.length = 0;
    clients.resetCounts();
    await sleep(60_000);
    const row = { minute, requests: clients.counts.sent, errors: clients.counts.network, rssMb: Math.round(rssMb()), heapMb: Math.round(await heapMb()), fds: fds(), dbConnections: await connections(), p99Ms: p99(clients.latencies) };
    rows.push(row);
    console.log(`soak: ${JSON.stringify(row)}`);
    if (minute === 1) {
      baseline = row.rssMb;
      fdBaseline = row.fds;
    } else {
      if (row.rssMb - baseline > RSS_GROWTH_MB) problems.push(`minute ${minute}: RSS grew ${row.rssMb - baseline} MB after warm-up (bound ${RSS_GROWTH_MB})`);
      if (row.fds - fdBaseline > 100) problems.push(`minute ${minute}: ${row.fds - fdBaseline} more open descriptors than after warm-up`);
    }
    if (row.dbConnections !== null && row.dbConnections > POOL + 2) problems.push(`minute ${minute}: ${row.dbConnections} database connections for a pool of ${POOL}`);
    if (row.errors > 0) problems.push(`minute ${minute}: ${row.errors} requests failed at the network level`);
  }
} finally {
  stop.now = true;
  await load;
  server.child.kill('SIGTERM');
  await server.exited();
  if (admin) {
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (problems.length || clients.violations.length) {
  console.error(`soak: ${[...problems, ...new Set(clients.violations)].join('\n  ')}`);
  process.exit(1);
}
console.log(`soak: ${MINUTES} minutes, RSS ${baseline} → ${rows.at(-1).rssMb} MB, no leak beyond the bounds`);
