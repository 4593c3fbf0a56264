#!/usr/bin/env node
// Issue 24, crash safety: a mixed load against the production server on PostgreSQL (password
// grants that start refresh families, refreshes with rotation, client credentials, revocations),
// the server killed with SIGKILL mid-load and started again, then checked from the clients' side:
// - every access token a client received is active, unless the client revoked it on purpose;
// - every refresh family still works with the newest refresh token its client holds (a response
//   lost in the crash leaves the client one behind: the grace period is what covers that);
// - no refresh token was redeemed twice; no answer was truncated (a 200 is whole JSON or nothing);
// then the same with SIGTERM: every request already in flight gets its complete answer (drain).
// Needs a production build (.next) and TEST_DATABASE_URL (a PostgreSQL superuser URL). Bounded:
// a few seconds of load per phase; prints what happened and exits 1 on any violation.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createApplication, createClients, freePort, sleep, startServer } from './lib/traffic.mjs';

const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.log('crash-test: TEST_DATABASE_URL is not set; skipped (.ci/run sets it)');
  process.exit(0);
}
const LOAD_MS = Number(process.env.CRASH_LOAD_MS ?? 4000);
const WORKERS = Number(process.env.CRASH_WORKERS ?? 12);

// A database of its own, dropped at the end.
const dbName = `crash_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString(),
  OAUTH2_ISSUER: base,
  AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString('base64url'),
  OAUTH2_DEMO_USERS: 'on',
  OAUTH2_RATE_LIMITS: 'off',
  OAUTH2_ACCESS_LOG: 'off',
  // A client whose refresh response was lost in the crash still holds the previous token.
  OAUTH2_REFRESH_TOKEN_GRACE_PERIOD_SECONDS: '120',
  OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: '20',
};
const start = () => startServer({ env, port, label: 'crash-test' });

let server = await start();
const clients = createClients(base, createApplication(env, 'password,client-credentials', 'crash-test'));
const { counts, drain } = clients;

try {
  // Warm up first (route chunks loaded, JIT), so the kill lands in steady traffic.
  let stop = { now: false };
  let load = clients.runLoad(stop, WORKERS);
  await sleep(2000);
  stop.now = true;
  await load;

  // Phase 1: SIGKILL in the middle of the load.
  clients.resetCounts();
  stop = { now: false };
  load = clients.runLoad(stop, WORKERS);
  await sleep(LOAD_MS);
  server.child.kill('SIGKILL');
  stop.now = true;
  await server.exited();
  await load;
  console.log(`crash-test SIGKILL: ${counts.sent} requests (${counts.ok} ok, ${counts.refused} refused, ${counts.network} cut off by the kill)`);
  server = await start();
  await clients.check('crash-test after SIGKILL');

  // Phase 2: SIGTERM in the middle of the load: requests in flight finish.
  clients.resetCounts();
  stop = { now: false };
  load = clients.runLoad(stop, WORKERS);
  await sleep(LOAD_MS);
  drain.signalAt = Date.now();
  server.child.kill('SIGTERM');
  stop.now = true;
  await server.exited();
  await load;
  console.log(`crash-test SIGTERM: ${counts.sent} requests (${counts.ok} ok, ${counts.refused} refused, ${counts.network} cut off after the signal); ${drain.lost} in flight lost`);
  if (drain.lost > 0) clients.violations.push(`SIGTERM: ${drain.lost} requests sent before the signal got no answer`);
  server = await start();
  await clients.check('crash-test after SIGTERM');
} finally {
  if (server.running()) {
    server.child.kill('SIGTERM');
    await server.exited();
  }
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
}

if (clients.violations.length) {
  console.error(`crash-test: ${clients.violations.length} violation(s):\n  ${[...new Set(clients.violations)].join('\n  ')}`);
  process.exit(1);
}
console.log('crash-test: nothing lost, nothing redeemed twice, no truncated answer');
