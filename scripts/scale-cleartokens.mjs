#!/usr/bin/env node
/**
 * Issue 24, scale: `manage cleartokens` on a big table while issuance runs. A throwaway
 * PostgreSQL gets SCALE_ROWS (default 1,000,000) expired access tokens; server.mjs serves
 * client_credentials issuance at 32 connections before, during and after a cleartokens run
 * (batches of 10,000 rows). Prints issuance req/s and p99 in each phase, how long cleartokens
 * took and what it removed; exits 1 if any request failed, an expired row is left, or a live
 * token stopped working. Needs a production build (.next). Run alone:
 *   flock /tmp/heavy.lock node scripts/scale-cleartokens.mjs
 *   SCALE_ROWS=10000000 flock /tmp/heavy.lock node scripts/scale-cleartokens.mjs
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { basicAuth, createApplication, fmt, issuance, median, productionEnv, startNode, startPostgres } from './lib/bench-kit.mjs';

const rows = Number(process.env.SCALE_ROWS ?? 1_000_000);
const seconds = Number(process.env.SCALE_SECONDS ?? 5);
const pg = startPostgres();
const env = productionEnv(pg.url);
const server = await startNode({ env, logFile: path.join(pg.work, 'server.log') });
const app = createApplication(env, 'client-credentials', 'scale');
const sql = postgres(pg.url, { max: 2, onnotice: () => {} });

let t = Date.now();
await sql`insert into access_tokens (token_digest, application_id, scope, expires_at)
  select encode(sha256(convert_to('scale-expired-' || g, 'UTF8')), 'base64'), ${app.id}, 'read', now() - interval '1 hour'
  from generate_series(1, ${rows}::int) g`;
await sql`vacuum analyze access_tokens`;
await sql`checkpoint`; // the insert's pages written out now, not in the middle of the "before" runs
console.log(`scale: ${fmt(rows)} expired access tokens stored in ${((Date.now() - t) / 1000).toFixed(1)} s`);

// A live token from before: it must still work after the pruning.
const live = await (await fetch(`${server.url}/o/token`, { method: 'POST', headers: { authorization: basicAuth(app), 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' })).json();

await issuance(server.url, app, { seconds: 2 }); // warm-up
const before = [];
for (let i = 0; i < 3; i++) before.push(await issuance(server.url, app, { seconds }));

// cleartokens in its own process, as cron runs it; issuance keeps running until it is done.
t = Date.now();
const clear = spawn('npx', ['tsx', 'lib/manage/index.ts', 'cleartokens', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let clearOut = '';
clear.stdout.on('data', (d) => (clearOut += d));
const cleared = new Promise((resolve) => clear.once('exit', resolve));
let done = false;
void cleared.then(() => (done = true));
const during = [];
while (!done) during.push(await issuance(server.url, app, { seconds, allowFailures: true }));
const clearSeconds = (Date.now() - t) / 1000;
if ((await cleared) !== 0) throw new Error('cleartokens failed');
const after = [];
for (let i = 0; i < 3; i++) after.push(await issuance(server.url, app, { seconds }));

const [{ expired }] = await sql`select count(*)::int as expired from access_tokens where expires_at < now() - interval '1 minute'`;
const introspected = await (
  await fetch(`${server.url}/o/introspect`, { method: 'POST', headers: { authorization: basicAuth(app), 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(live.access_token)}` })
).json();
await sql.end();
server.child.kill('SIGTERM');

const summary = (label, runs) => {
  const failures = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
  return `| ${label} | ${runs.length} × ${seconds} s | ${fmt(median(runs.map((r) => r.rps)))} | ${median(runs.map((r) => r.p50))} | ${median(runs.map((r) => r.p99))} | ${Math.max(...runs.map((r) => r.max))} | ${failures} |`;
};
console.log(`\ncleartokens removed ${JSON.parse(clearOut.trim().split('\n').pop()).removed.accessTokens.toLocaleString('en')} access tokens in ${clearSeconds.toFixed(1)} s (batches of 10,000) while issuance ran at 32 connections:\n`);
console.log('| phase | runs | issuance req/s (median) | p50 ms | p99 ms (median) | max ms | failed requests |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(summary('before', before));
console.log(summary('during cleartokens', during));
console.log(summary('after', after));
const problems = [];
if (during.some((r) => r.non2xx + r.errors > 0)) problems.push('requests failed while cleartokens ran');
if (expired > 0) problems.push(`${expired} expired access tokens left`);
if (introspected.active !== true) problems.push('a live token issued before the pruning is no longer active');
if (problems.length) {
  console.error(`scale: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('\nscale: no request failed, no expired row left, the live token still active');
process.exit(0);
