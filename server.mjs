#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain node:http server, so that
 * every request gets, before Next sees it,
 *   - the socket's address appended to X-Forwarded-For (the rightmost entry is always the
 *     real peer; OAUTH2_TRUSTED_PROXIES counts hops from the right),
 *   - a request id (a well-formed incoming X-Request-Id, else a new UUID), returned in the
 *     X-Request-Id header and readable inside route handlers and server actions through an
 *     AsyncLocalStorage kept on globalThis (Next bundles lib/ separately from this file),
 * and after it one JSON log line (pino, written asynchronously in 4 KB batches, flushed each second
 * and at exit) and one latency observation (prom-client).
 * SIGTERM/SIGINT drain: stop accepting, /api/ready answers 503, requests in flight finish
 * (bounded by OAUTH2_SHUTDOWN_TIMEOUT_SECONDS), the database closes, exit 0.
 * OAUTH2_WORKERS > 1 (PostgreSQL only): this process becomes a node:cluster primary. It runs the
 * one-time start work (settings, migrations, demo users, signing keys, the mail worker) by
 * preparing Next once, then forks the workers, which share the port and serve; it restarts a
 * worker that dies, sums their metrics for /api/metrics, and on SIGTERM drains them all.
 *
 * Plain JS (no build step). Usage: node server.mjs [-p PORT] [-H HOST]; PORT and HOSTNAME env too.
 */
import cluster from 'node:cluster';
import http from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import next from 'next';
import pino from 'pino';
import promClient from 'prom-client';
import { forwardedFor, requestIdOf, routeOf } from './lib/observability/request-facts.mjs';
import { readServerSettings } from './lib/observability/server-settings.mjs';
import { sendWebResponse, toWebRequest } from './lib/observability/fast-path.mjs';

// ---- settings (lib/observability/server-settings.mjs: the rules lib/observability/settings.ts applies too)
function fail(message) {
  console.error(message);
  process.exit(1);
}
let serverSettings;
try {
  serverSettings = readServerSettings(process.env);
} catch (e) {
  fail(e.message);
}
const { logLevel, accessLog, fastPath, workers } = serverSettings;
const shutdownTimeoutMs = serverSettings.shutdownTimeoutSeconds * 1000;
const primary = workers > 1 && cluster.isPrimary;
const clustered = workers > 1 && cluster.isWorker;

function arg(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(arg('-p', process.env.PORT || '3000'));
const hostname = arg('-H', process.env.HOSTNAME || '0.0.0.0');

// ---- shared with the bundled app code through globalThis (lib/runtime/server-globals.ts, lib/observability/request-context.ts)
const requestContext = (globalThis.__oauthRequestContext ??= new AsyncLocalStorage());
const lifecycle = (globalThis.__oauthLifecycle ??= { draining: false, customServer: true });
lifecycle.customServer = true;

// Logs go to stdout through an asynchronous, buffered destination: a request never waits on a
// write(2). Lines collect up to ~4 KB and are written in one go; sonic-boom writes what is pending
// each second (a quiet server's lines are not held back), and pino flushes synchronously at exit.
// maxWrite 4096 (PIPE_BUF): each write holds whole lines and is atomic on a pipe, so the lines of
// several workers sharing stdout never interleave mid-line. A SIGKILL loses at most the pending batch.
const destination = pino.destination({ dest: 1, sync: false, minLength: 4000, maxWrite: 4096, periodicFlush: 1000 });

// The log object is built field by field below: headers, query strings and bodies never enter
// it. Redaction is belt and braces, should someone log a request or a header bag later.
const logger = pino(
  {
    level: logLevel,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'password', 'token', 'client_secret', 'code', '*.password', '*.token', '*.client_secret'],
      censor: '[redacted]',
    },
  },
  destination,
);
globalThis.__oauthLogger ??= logger;
/** Everything logged so far reaches stdout; then `process.exit`. */
const exitAfterFlush = (code) => logger.flush(() => process.exit(code));

/** The last step of a drain (a single server's or the primary's): close this process's pool, say so, exit once the log is written. */
async function closeDatabaseAndExit(code) {
  try {
    await globalThis.__oauthCloseDatabase?.();
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e) }, 'closing the database failed');
  }
  logger.info('stopped');
  exitAfterFlush(code);
}

const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
// In production Next prepares its server (and runs instrumentation.ts: settings, database,
// migrations) on the first request. Do it now, before listening, so a bad setting or an
// unreachable database stops the process at start and the first request is not slow.
// (Not public API; if it moves, instrumentation still runs on the first request.)
// In a cluster this runs in the primary (all of the start work) and in each worker (settings
// and its pool only: lib/server/start.ts, OAUTH2_CLUSTER_WORKER).
await (await app.server?.getServer?.())?.prepare?.();

if (primary) runPrimary();
else runServer();

// ---- one process serving requests (OAUTH2_WORKERS=1, or a worker of the cluster)
function runServer() {
  const handle = app.getRequestHandler();

  // Requests and latency per route and status; the other metrics are defined in lib/observability/metrics.ts
  // on the same default registry (prom-client is a serverExternalPackage: one module instance).
  const httpDuration =
    promClient.register.getSingleMetric('http_request_duration_seconds') ??
    new promClient.Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route and status (this instance)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    });
  // How many requests the fast path served (OAUTH2_FAST_PATH): proof in /api/metrics that it is on.
  const fastPathServed =
    promClient.register.getSingleMetric('http_fast_path_requests_total') ??
    new promClient.Counter({ name: 'http_fast_path_requests_total', help: 'Requests served by the fast path, without Next routing (this instance)' });

  if (clustered) answerMetricsThroughPrimary();

  // What a request needs after it is answered lives on its response object (fixed fields, so
  // every response has one shape), and the handlers below are shared functions: no closure is
  // made per request.
  class TimedResponse extends http.ServerResponse {
    started = 0n;
    ctx = null;
  }

  function onRequest(req, res) {
    res.started = process.hrtime.bigint();
    const id = requestIdOf(req.headers['x-request-id'], randomUUID);
    req.headers['x-request-id'] = id;
    res.setHeader('X-Request-Id', id);
    // Appended, never trusted: the client may send any X-Forwarded-For, the socket's address is ours.
    const xff = forwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress);
    req.headers['x-forwarded-for'] = xff;
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    const ua = req.headers['user-agent'];
    // forwardedFor and userAgent: what the audit trail records for events this request causes.
    res.ctx = { requestId: id, clientId: undefined, userId: undefined, error: undefined, forwardedFor: xff, userAgent: typeof ua === 'string' ? ua : undefined };
    res.on('close', onClose);
    requestContext.run(res.ctx, dispatch, req, res);
  }

  /** The machine endpoints go straight to the engine's handlers (lib/server/machine-routes.ts); everything else, and every request when OAUTH2_FAST_PATH=off, through Next. */
  async function dispatch(req, res) {
    try {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const fast = fastPath ? globalThis.__oauthFastPath?.(req.method ?? 'GET', q === -1 ? url : url.slice(0, q)) : null;
      if (fast) {
        fastPathServed.inc();
        await sendWebResponse(req, res, await fast.handler(toWebRequest(req)), fast.extraHeaders);
      } else await handle(req, res);
    } catch (e) {
      logger.error({ reqId: res.ctx.requestId, err: e instanceof Error ? e.message : String(e) }, 'unhandled error');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }
  }

  /** One log line and one latency observation per request (`this` is the response: no closure per request). */
  function onClose() {
    finished(this);
  }
  function finished(res) {
    const req = res.req;
    const ctx = res.ctx;
    const ms = Number(process.hrtime.bigint() - res.started) / 1e6;
    const route = routeOf(req.url ?? '/');
    const status = res.statusCode;
    httpDuration.observe({ method: req.method, route: status === 404 ? '(unmatched)' : route, status: String(status) }, ms / 1000);
    // Draining: a keep-alive connection is closed once its request is answered.
    if (lifecycle.draining) req.socket.end();
    if (!accessLog) return;
    const line = { reqId: ctx.requestId, method: req.method, route, status, ms: Math.round(ms * 10) / 10 };
    if (ctx.clientId) line.clientId = ctx.clientId;
    if (ctx.userId) line.userId = ctx.userId;
    if (ctx.error) line.error = ctx.error;
    if (!res.writableFinished) line.aborted = true;
    logger.info(line, 'request');
  }

  const server = http.createServer({ ServerResponse: TimedResponse }, onRequest);
  server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeouts (nginx 60 s)
  // Slow clients (slowloris): the headers must arrive within 15 s and the whole request within
  // 30 s, or the socket is closed (408), so a trickle of bytes cannot hold a connection forever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.on('error', (e) => {
    console.error(`server: cannot listen on ${hostname}:${port} (${e.code ?? e.message})`);
    exitAfterFlush(1);
  });
  // In a cluster the primary says it once, when every worker listens.
  server.listen(port, hostname, () => clustered || logger.info({ port, hostname }, `listening on http://${hostname}:${port}`));

  let stopping = false;
  async function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    lifecycle.draining = true;
    logger.info({ signal, timeoutSeconds: shutdownTimeoutMs / 1000 }, 'draining: no new connections, finishing requests in flight');
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const timer = setTimeout(() => {
      logger.warn('shutdown timeout: closing the connections still open');
      server.closeAllConnections();
    }, shutdownTimeoutMs);
    timer.unref();
    await closed;
    clearTimeout(timer);
    await closeDatabaseAndExit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

// ---- a worker's /api/metrics: every worker's metrics, summed by the primary
function answerMetricsThroughPrimary() {
  // Answers the primary's requests for this worker's own metrics (prom-client's cluster protocol).
  new promClient.AggregatorRegistry();
  const waiting = new Map();
  let lastId = 0;
  process.on('message', (msg) => {
    if (msg?.type !== 'oauth:metrics' || !waiting.has(msg.id)) return;
    const { resolve, reject } = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error) reject(new Error(`metrics from the other workers: ${msg.error}`));
    else resolve(msg.body);
  });
  globalThis.__oauthClusterMetrics = () =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      process.send({ type: 'oauth:metrics', id });
    });
}

// ---- the primary of OAUTH2_WORKERS > 1: start work done (above), fork, watch, drain
function runPrimary() {
  const aggregator = new promClient.AggregatorRegistry();
  cluster.on('message', (worker, msg) => {
    if (msg?.type !== 'oauth:metrics') return;
    aggregator.clusterMetrics().then(
      (body) => worker.isConnected() && worker.send({ type: 'oauth:metrics', id: msg.id, body }),
      (e) => worker.isConnected() && worker.send({ type: 'oauth:metrics', id: msg.id, error: e.message }),
    );
  });

  let stopping = false;
  let listening = 0;
  const fork = () => cluster.fork({ OAUTH2_CLUSTER_WORKER: '1' });
  cluster.on('listening', (worker) => {
    worker.listened = true;
    if (++listening === workers) logger.info({ port, hostname, workers }, `listening on http://${hostname}:${port} (${workers} workers)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!worker.listened) {
      // It printed its reason (a setting, the database); forking again would print it forever.
      console.error(`server: worker ${worker.process.pid} exited during start (${signal ?? `code ${code}`}); stopping`);
      void shutdown('worker failed to start', 1);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'worker died; starting another');
    fork();
  });
  for (let i = 0; i < workers; i++) fork();

  async function shutdown(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, 'stopping the workers (each drains its requests in flight)');
    const all = Object.values(cluster.workers ?? {});
    const exited = Promise.all(all.map((w) => (w.isDead() ? null : new Promise((resolve) => w.once('exit', resolve)))));
    for (const w of all) if (!w.isDead()) w.process.kill('SIGTERM');
    // Each worker bounds its own drain by the same timeout; this is the backstop.
    const timer = setTimeout(() => {
      for (const w of all) if (!w.isDead()) w.process.kill('SIGKILL');
    }, shutdownTimeoutMs + 5000);
    timer.unref();
    await exited;
    clearTimeout(timer);
    await closeDatabaseAndExit(exitCode);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
