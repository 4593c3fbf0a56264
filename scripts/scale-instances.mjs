#!/usr/bin/env node
/**
 * Issue 24, scale: two server.mjs instances on one PostgreSQL behind a small round-robin proxy
 * (node:http, keep-alive to the instances, in this process), against one instance behind the same
 * proxy and one instance direct. Client_credentials issuance at 32 connections, SCALE_ROUNDS
 * (default 3) alternated rounds, medians. Needs a production build (.next). Run alone:
 *   flock /tmp/heavy.lock node scripts/scale-instances.mjs
 * On a 2-core machine the instances, PostgreSQL, the proxy and the load generator share the
 * cores: read the ratio, not the absolute figures.
 */
import http from 'node:http';
import path from 'node:path';
import { createApplication, fmt, freePort, issuance, median, productionEnv, startNode, startPostgres } from './lib/bench-kit.mjs';

const rounds = Number(process.env.SCALE_ROUNDS ?? 3);
const seconds = Number(process.env.SCALE_SECONDS ?? 8);
const pg = startPostgres();
const env = productionEnv(pg.url);
// One issuer for both, as behind a load balancer (set before either starts).
const proxyPort = await freePort();
env.OAUTH2_ISSUER = `http://127.0.0.1:${proxyPort}`;
const a = await startNode({ env, logFile: path.join(pg.work, 'a.log'), label: 'instance A' });
const b = await startNode({ env, logFile: path.join(pg.work, 'b.log'), label: 'instance B' });
const app = createApplication(env, 'client-credentials', 'scale');

/** A round-robin reverse proxy over `upstreams` (ports), request by request, with pooled keep-alive connections. */
function proxy(port, upstreams) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const upstream = upstreams[next++ % upstreams.length];
    const out = http.request({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const both = await proxy(proxyPort, [a.port, b.port]);
const onePort = await freePort();
const one = await proxy(onePort, [a.port]);
const variants = [
  { name: 'one instance, direct', url: a.url },
  { name: 'one instance behind the proxy', url: `http://127.0.0.1:${onePort}` },
  { name: 'two instances behind the proxy', url: `http://127.0.0.1:${proxyPort}` },
];
for (const v of variants) await issuance(v.url, app, { seconds: 2 }); // warm-up: JIT, pools
const results = new Map(variants.map((v) => [v.name, []]));
for (let i = 0; i < rounds; i++) {
  const order = i % 2 === 0 ? variants : [...variants].reverse();
  for (const v of order) {
    const r = await issuance(v.url, app, { seconds });
    results.get(v.name).push(r);
    console.log(`round ${i + 1} · ${v.name.padEnd(32)} ${fmt(r.rps).padStart(6)} req/s  p99 ${r.p99} ms`);
  }
}
both.close();
one.close();
a.child.kill('SIGTERM');
b.child.kill('SIGTERM');

const base = median(results.get('one instance behind the proxy').map((r) => r.rps));
console.log(`\nPOST /o/token (client_credentials), 32 connections, ${seconds} s runs, median of ${rounds} alternated rounds:\n`);
console.log('| setup | req/s | p50 ms | p99 ms | against one instance behind the proxy |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const v of variants) {
  const rs = results.get(v.name);
  const rps = median(rs.map((r) => r.rps));
  console.log(`| ${v.name} | ${fmt(rps)} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${(rps / base).toFixed(2)}× |`);
}
process.exit(0);
