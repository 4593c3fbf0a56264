#!/usr/bin/env node
/**
 * The benchmark proper (scripts/bench.sh starts the server and the database first).
 * Scenarios, each at every connection count for BENCH_DURATION seconds, with autocannon:
 *   health      GET /api/health: a bare route handler, the framework's floor
 *   token       POST /o/token grant_type=client_credentials, client_secret_basic
 *   introspect  POST /o/introspect token=<access token>, client_secret_basic
 *   protected   GET /api/hello with Authorization: Bearer <access token>
 * With BENCH_LIMITED_URL (a second server with rate limits on), token and introspect run there
 * too, right after their limits-off runs, and the drop is printed.
 * Issue 25 dimensions, in the same rounds (bench.sh BENCH_COMPARE=1 starts the servers):
 *   token (jwt), GET /api/hello (Bearer JWT)   an application with RFC 9068 JWT access tokens (issue 20)
 *   token (previous secret)                    client_secret_basic with the previous secret of a rotation
 *                                              still in its overlap: the second digest matches (issue 19)
 *   BENCH_FASTOFF_URL    server.mjs with OAUTH2_FAST_PATH=off: floor, token, introspect
 *   BENCH_WORKERS_URL    server.mjs with OAUTH2_WORKERS=2: floor, token, introspect, bearer GET
 *   BENCH_NEXTSTART_URL  `next start`: its /api/health is Next's bare route handler; token, introspect
 *   BENCH_OIDC_URL       node-oidc-provider 9 on node:http, PostgreSQL adapter (scripts/bench-oidc-provider.mjs)
 * The other servers run at the highest connection count only, except the fast-path-off token and
 * introspection, which run at every count (the 1-connection latency is compared too).
 * Prints req/s (mean), p50 and p99 latency and the share of the floor; exits 1 when any
 * response was not a 2xx, or any request errored or timed out.
 *
 * Env: BENCH_BASE_URL, BENCH_APP (createapplication --json output), DATABASE_URL (for
 * BENCH_PRELOAD), BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default "1,32"),
 * BENCH_PRELOAD (extra live access tokens and refresh tokens to insert first, N of each), BENCH_OUT (write JSON results there),
 * BENCH_LIMITED_URL, BENCH_APP_RATE_LIMIT (the application's own limit, requests per minute,
 * default 1,000,000: above the load, so the limit is paid for but never refuses).
 */
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import postgres from 'postgres';

const base = required('BENCH_BASE_URL');
const app = JSON.parse(required('BENCH_APP'));
const duration = positiveInt('BENCH_DURATION', 10);
const connectionCounts = (process.env.BENCH_CONNECTIONS || '1,32').split(',').map((c) => {
  const n = Number(c.trim());
  if (!Number.isInteger(n) || n < 1) fail(`BENCH_CONNECTIONS: expected positive integers joined by commas, got "${process.env.BENCH_CONNECTIONS}"`);
  return n;
});
const preload = positiveInt('BENCH_PRELOAD', 0);
const limitedBase = process.env.BENCH_LIMITED_URL || '';
const appRateLimit = positiveInt('BENCH_APP_RATE_LIMIT', 1_000_000);

function required(name) {
  const v = process.env[name];
  if (!v) fail(`${name} is not set (run through \`npm run bench\`)`);
  return v;
}
function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`${name}: expected a whole number, got "${raw}"`);
  return n;
}
function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const basicOf = (a) => `Basic ${Buffer.from(`${encodeURIComponent(a.client_id)}:${encodeURIComponent(a.client_secret)}`).toString('base64')}`;
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', authorization: basicOf(app) };
const appJwt = process.env.BENCH_APP_JWT ? JSON.parse(process.env.BENCH_APP_JWT) : null;
// The application as created, before bench.sh rotated its secret with an overlap: this is the previous secret.
const appRotated = process.env.BENCH_APP_ROTATED ? JSON.parse(process.env.BENCH_APP_ROTATED) : null;
const targets = {
  fastOff: process.env.BENCH_FASTOFF_URL || '',
  workers: process.env.BENCH_WORKERS_URL || '',
  nextStart: process.env.BENCH_NEXTSTART_URL || '',
  oidc: process.env.BENCH_OIDC_URL || '',
  preloaded: process.env.BENCH_PRELOADED_URL || '',
};

/** RFC 6749 §4.4: one token for the introspection and bearer scenarios. */
async function getAccessToken(headers = formHeaders, from = base) {
  const res = await fetch(`${from}/o/token`, { method: 'POST', headers, body: 'grant_type=client_credentials' });
  const body = await res.json();
  if (res.status !== 200 || !body.access_token) fail(`could not get an access token: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/**
 * BENCH_PRELOAD: N live access tokens and N refresh tokens (grants, each its own family) in one
 * statement each, then VACUUM ANALYZE, so lookups and inserts run against big tables and their indexes.
 */
async function preloadTokens(n) {
  const sql = postgres(required('BENCH_PRELOAD_DATABASE_URL'), { max: 1, onnotice: () => {} });
  try {
    const started = Date.now();
    const [{ id }] = await sql`select id from applications where client_id = ${app.client_id}`;
    await sql`
      insert into access_tokens (token_digest, application_id, scope, expires_at)
      select encode(sha256(convert_to('bench-preload-' || g, 'UTF8')), 'base64'), ${id}, 'read write',
             now() + interval '10 hours'
      from generate_series(1, ${n}::int) g`;
    await sql`
      insert into refresh_tokens (token_digest, application_id, family_id, scope)
      select encode(sha256(convert_to('bench-preload-refresh-' || g, 'UTF8')), 'base64'), ${id}, gen_random_uuid(), 'read write'
      from generate_series(1, ${n}::int) g`;
    // Vacuum now, so autovacuum does not start on the fresh rows in the middle of a timed run.
    await sql`vacuum analyze access_tokens`;
    await sql`vacuum analyze refresh_tokens`;
    // And write the inserted pages out now: otherwise the checkpoint they call for lands in the
    // middle of the timed rounds and slows both servers (they share the cluster) at random.
    await sql`checkpoint`;
    const [{ a, r }] = await sql`select (select count(*) from access_tokens)::int as a, (select count(*) from refresh_tokens)::int as r`;
    console.log(`bench: preloaded ${n.toLocaleString('en')} access tokens and ${n.toLocaleString('en')} refresh tokens in ${((Date.now() - started) / 1000).toFixed(1)} s (${a.toLocaleString('en')} and ${r.toLocaleString('en')} stored)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The application's own rate limit (applications.rate_limit, as the dashboard sets it). */
async function setAppRateLimit(perMinute) {
  const sql = postgres(required('DATABASE_URL'), { max: 1, onnotice: () => {} });
  try {
    await sql`update applications set rate_limit = ${perMinute} where id = ${app.id}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Each scenario once, checking what a client gets, so the timed runs measure working requests. */
async function check(scenarios) {
  for (const s of scenarios) {
    const res = await fetch((s.base ?? base) + s.path, { method: s.method, headers: s.headers, body: s.body });
    const text = await res.text();
    if (!res.ok || !s.expect(JSON.parse(text))) fail(`${s.name}: unexpected response ${res.status} ${text}`);
  }
}

let current = null;
process.on('SIGINT', () => {
  current?.stop();
  process.exit(130);
});

function run(s, connections, seconds) {
  return new Promise((resolve, reject) => {
    current = autocannon(
      { url: (s.base ?? base) + s.path, method: s.method, headers: s.headers, body: s.body, connections, duration: seconds, timeout: 10 },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const repeats = Math.max(1, Number(process.env.BENCH_RUNS || 1));

async function main() {
  if (preload > 0) await preloadTokens(preload);
  if (limitedBase) await setAppRateLimit(appRateLimit);
  const accessToken = await getAccessToken();
  const scenarios = [
    { name: 'GET /api/health (floor)', key: 'health', method: 'GET', path: '/api/health', expect: (b) => b.status === 'ok' },
    {
      // The floor for the POST endpoints: a bare handler that reads a small form body.
      name: 'POST /api/health (POST floor)',
      key: 'postFloor',
      method: 'POST',
      path: '/api/health',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      expect: (b) => b.status === 'ok',
    },
    {
      name: 'POST /o/token (client_credentials)',
      key: 'token',
      method: 'POST',
      path: '/o/token',
      headers: formHeaders,
      body: 'grant_type=client_credentials',
      expect: (b) => typeof b.access_token === 'string' && b.token_type === 'Bearer',
    },
    {
      name: 'POST /o/introspect',
      key: 'introspect',
      method: 'POST',
      path: '/o/introspect',
      headers: formHeaders,
      body: `token=${encodeURIComponent(accessToken)}`,
      expect: (b) => b.active === true && b.client_id === app.client_id,
    },
    {
      name: 'GET /api/hello (Bearer)',
      key: 'protected',
      method: 'GET',
      path: '/api/hello',
      headers: { authorization: `Bearer ${accessToken}` },
      expect: (b) => b.message === 'Hello, world',
    },
  ];
  const token = scenarios.find((x) => x.key === 'token');
  const introspect = scenarios.find((x) => x.key === 'introspect');
  const health = scenarios[0];
  const hello = scenarios.find((x) => x.key === 'protected');
  if (appJwt) {
    const jwtHeaders = { 'content-type': 'application/x-www-form-urlencoded', authorization: basicOf(appJwt) };
    const jwt = await getAccessToken(jwtHeaders);
    if (jwt.split('.').length !== 3) fail(`the JWT application's access token is not a JWT: ${jwt.slice(0, 20)}…`);
    scenarios.push(
      { ...token, name: 'POST /o/token (client_credentials) JWT', key: 'tokenJwt', headers: jwtHeaders, expect: (b) => typeof b.access_token === 'string' && b.access_token.split('.').length === 3 },
      { ...hello, name: 'GET /api/hello (Bearer JWT)', key: 'protectedJwt', headers: { authorization: `Bearer ${jwt}` } },
    );
  }
  if (appRotated) {
    scenarios.push({ ...token, name: 'POST /o/token previous secret (overlap)', key: 'tokenRotated', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basicOf(appRotated) } });
  }
  // Issue 25: the same requests against the other servers. `maxOnly`: at the highest connection count only.
  const on = (target, s, suffix, extra = {}) => ({ ...s, name: `${s.name} · ${suffix}`, key: `${s.key}@${target}`, base: targets[target], target, maxOnly: true, ...extra });
  if (targets.fastOff) scenarios.push(on('fastOff', health, 'fast path off'), on('fastOff', token, 'fast path off', { maxOnly: false }), on('fastOff', introspect, 'fast path off', { maxOnly: false }));
  if (targets.workers) scenarios.push(on('workers', health, '2 workers'), on('workers', token, '2 workers'), on('workers', introspect, '2 workers'), on('workers', hello, '2 workers'));
  if (targets.nextStart) scenarios.push(on('nextStart', health, 'next start'), on('nextStart', token, 'next start'), on('nextStart', introspect, 'next start'));
  if (targets.preloaded) {
    // Issue 24: the same requests on a server whose database holds BENCH_PRELOAD more of each token.
    const big = await getAccessToken(formHeaders, targets.preloaded);
    scenarios.push(
      on('preloaded', token, `${fmt(preload)} rows`, { maxOnly: false }),
      on('preloaded', introspect, `${fmt(preload)} rows`, { maxOnly: false, body: `token=${encodeURIComponent(big)}` }),
      on('preloaded', hello, `${fmt(preload)} rows`, { maxOnly: false, headers: { authorization: `Bearer ${big}` } }),
    );
  }
  if (targets.oidc) {
    const oidcToken = await getAccessToken(formHeaders, targets.oidc);
    scenarios.push(
      on('oidc', health, 'oidc-provider'),
      on('oidc', token, 'oidc-provider', { expect: (b) => typeof b.access_token === 'string' }),
      on('oidc', introspect, 'oidc-provider', { body: `token=${encodeURIComponent(oidcToken)}`, expect: (b) => b.active === true }),
      on('oidc', hello, 'oidc-provider', { headers: { authorization: `Bearer ${oidcToken}` } }),
    );
  }
  if (limitedBase) {
    // Each right after its limits-off twin, so a slow spell of the machine hits both alike.
    for (const key of ['token', 'introspect']) {
      const i = scenarios.findIndex((s) => s.key === key);
      const off = scenarios[i];
      scenarios.splice(i + 1, 0, { ...off, name: `${off.name} limits on`, key: `${key}Limited`, base: limitedBase });
    }
  }
  await check(scenarios);

  console.log(`bench: ${os.cpus().length} CPUs, node ${process.version}, ${duration} s per run, connections ${connectionCounts.join(' and ')}`);
  // Warm up each route (module load, JIT, prepared statements, pool connections) untimed.
  for (const s of scenarios) await run(s, Math.max(...connectionCounts), Math.min(2, duration));

  const rows = [];
  let failed = false;
  for (const connections of connectionCounts) {
    // BENCH_RUNS > 1: round-robin the scenarios run after run, so a slow spell of this shared VM
    // hits every scenario alike, then keep each scenario's median run (by req/s).
    const here = scenarios.filter((s) => !s.maxOnly || connections === Math.max(...connectionCounts));
    const results = new Map(here.map((s) => [s.key, []]));
    for (let i = 0; i < repeats; i++) {
      // Every other round in reverse, so no scenario always runs right after another (the token
      // runs insert rows, and what a table's growth or a checkpoint costs lands on whoever is next).
      const order = i % 2 === 0 ? here : [...here].reverse();
      for (const s of order) results.get(s.key).push(await run(s, connections, duration));
    }
    let floor = 0;
    for (const s of here) {
      const runs = results.get(s.key).sort((a, b) => a.requests.mean - b.requests.mean);
      const r = runs[Math.floor(runs.length / 2)];
      const non2xx = Math.max(...runs.map((x) => x.non2xx));
      const errors = Math.max(...runs.map((x) => x.errors + x.timeouts));
      if (non2xx + errors > 0) {
        failed = true;
        console.error(`bench: ${s.name} at ${connections} connections: ${non2xx} non-2xx, ${errors} errors or timeouts`);
      }
      if (s.key === 'health') floor = r.requests.mean;
      const row = {
        scenario: s.name,
        key: s.key,
        connections,
        requests: r.requests.total,
        rps: r.requests.mean,
        p50: r.latency.p50,
        mean: r.latency.mean,
        p99: r.latency.p99,
        ofFloor: floor ? r.requests.mean / floor : null,
        non2xx,
        errors,
      };
      rows.push(row);
      console.log(`  ${s.name.padEnd(36)} c=${String(connections).padEnd(3)} ${fmt(row.rps).padStart(7)} req/s  p50 ${row.p50} ms  mean ${fmt(row.mean, 2)} ms  p99 ${row.p99} ms`);
    }
  }

  console.log('');
  console.log('| scenario | connections | req/s (mean) | p50 (ms) | mean latency (ms) | p99 (ms) | % of floor | non-2xx / errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const pct = r.key === 'health' ? '100 %' : r.ofFloor === null ? 'n/a' : `${fmt(r.ofFloor * 100)} %`;
    console.log(`| ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${r.p50} | ${fmt(r.mean, 2)} | ${r.p99} | ${pct} | ${r.non2xx} / ${r.errors} |`);
  }
  if (limitedBase) {
    console.log('');
    console.log(`Rate limits on against off (median runs; the application's own limit ${fmt(appRateLimit)}/min, per-IP limits raised):`);
    console.log('');
    console.log('| scenario | connections | limits off (req/s) | limits on (req/s) | change | p50 off / on (ms) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const connections of connectionCounts) {
      for (const key of ['token', 'introspect']) {
        const off = rows.find((r) => r.key === key && r.connections === connections);
        const on = rows.find((r) => r.key === `${key}Limited` && r.connections === connections);
        const change = ((on.rps / off.rps - 1) * 100).toFixed(1);
        console.log(`| ${off.scenario} | ${connections} | ${fmt(off.rps)} | ${fmt(on.rps)} | ${change} % | ${off.p50} / ${on.p50} |`);
      }
    }
  }
  compare(rows);
  if (process.env.BENCH_OUT) {
    const meta = { date: new Date().toISOString(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, duration, preload };
    fs.writeFileSync(process.env.BENCH_OUT, JSON.stringify({ ...meta, rows }, null, 2));
  }
  if (failed) fail('some responses were not 2xx (see above)');
  console.log('\nbench: every timed response was a 2xx');
}

/** Issue 25: the same work on each server, side by side, as ratios within this run. */
function compare(rows) {
  const at = (key, c) => rows.find((r) => r.key === key && r.connections === c);
  const ratio = (a, b) => (a && b ? `${(a.rps / b.rps).toFixed(2)}×` : 'n/a');
  for (const c of connectionCounts) {
    const mine = ['health', 'token', 'introspect', 'protected'];
    if (!mine.some((k) => at(`${k}@fastOff`, c) || at(`${k}@oidc`, c) || at(`${k}@workers`, c))) continue;
    console.log('');
    console.log(`Side by side at ${c} connection${c > 1 ? 's' : ''} (req/s, median runs; p99 ms in brackets):`);
    console.log('');
    console.log('| request | server.mjs (fast path) | fast path off | 2 workers | next start | oidc-provider | fast / off | fast / next start bare handler | fast / oidc-provider | 2 workers / 1 |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    const cell = (r) => (r ? `${fmt(r.rps)} (${r.p99})` : '–');
    const bare = at('health@nextStart', c);
    for (const k of mine) {
      const main = at(k, c);
      const label = { health: 'GET /api/health (floor)', token: 'POST /o/token', introspect: 'POST /o/introspect', protected: 'GET /api/hello (Bearer)' }[k];
      console.log(
        `| ${label} | ${cell(main)} | ${cell(at(`${k}@fastOff`, c))} | ${cell(at(`${k}@workers`, c))} | ${cell(at(`${k}@nextStart`, c))} | ${cell(at(`${k}@oidc`, c))} | ` +
          `${ratio(main, at(`${k}@fastOff`, c))} | ${ratio(main, bare)} | ${ratio(main, at(`${k}@oidc`, c))} | ${ratio(at(`${k}@workers`, c), main)} |`,
      );
    }
  }
  if (targets.preloaded) {
    console.log('');
    console.log(`Empty database against ${fmt(preload)} stored access tokens and refresh tokens (same run, median runs):`);
    console.log('');
    console.log('| request | connections | empty (req/s) | preloaded (req/s) | change | p99 empty / preloaded (ms) | p99 change |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of connectionCounts) {
      for (const k of ['token', 'introspect', 'protected']) {
        const x = at(k, c);
        const y = at(`${k}@preloaded`, c);
        if (x && y) console.log(`| ${x.scenario} | ${c} | ${fmt(x.rps)} | ${fmt(y.rps)} | ${((y.rps / x.rps - 1) * 100).toFixed(1)} % | ${x.p99} / ${y.p99} | ${((y.p99 / x.p99 - 1) * 100).toFixed(0)} % |`);
      }
    }
  }
  const pairs = [
    ['token', 'tokenJwt', 'POST /o/token: opaque → JWT access token (RFC 9068)'],
    ['protected', 'protectedJwt', 'GET /api/hello: opaque → JWT bearer'],
    ['token', 'tokenRotated', 'POST /o/token: current secret → previous secret in overlap'],
  ];
  if (!pairs.some(([, b]) => rows.some((r) => r.key === b))) return;
  console.log('');
  console.log('| change | connections | before (req/s) | after (req/s) | change | p50 before / after (ms) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of connectionCounts) {
    for (const [a, b, label] of pairs) {
      const x = at(a, c);
      const y = at(b, c);
      if (x && y) console.log(`| ${label} | ${c} | ${fmt(x.rps)} | ${fmt(y.rps)} | ${((y.rps / x.rps - 1) * 100).toFixed(1)} % | ${x.p50} / ${y.p50} |`);
    }
  }
}

main().catch((e) => fail(e instanceof Error ? e.stack : String(e)));
