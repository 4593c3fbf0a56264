#!/usr/bin/env node
/**
 * The production server: Next's request handler behind a plain node:http server, so that
 * every request gets, before Next sees it,
 *   - the socket's address appended to X-Forwarded-For (the rightmost entry is always the
 *     real peer; OAUTH2_TRUSTED_PROXIES counts hops from the right),
 *   - a request id (a well-formed incoming X-Request-Id, else a new UUID), returned in the
 *     X-Request-Id header and readable inside route handlers and server actions through an
 *     AsyncLocalStorage kept on globalThis (Next bundles lib/ separately from this file),
 * and after it one JSON log line (pino) and one latency observation (prom-client).
 * SIGTERM/SIGINT drain: stop accepting, /api/ready answers 503, requests in flight finish
 * (bounded by OAUTH2_SHUTDOWN_TIMEOUT_SECONDS), the database closes, exit 0.
 *
 * Plain JS (no build step). Usage: node server.mjs [-p PORT] [-H HOST]; PORT and HOSTNAME env too.
 */
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
const { logLevel, accessLog, fastPath } = serverSettings;
const shutdownTimeoutMs = serverSettings.shutdownTimeoutSeconds * 1000;

function arg(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const port = Number(arg('-p', process.env.PORT || '3000'));
const hostname = arg('-H', process.env.HOSTNAME || '0.0.0.0');

// ---- shared with the bundled app code through globalThis (lib/observability/request-context.ts)
const requestContext = (globalThis.__oauthRequestContext ??= new AsyncLocalStorage());
const lifecycle = (globalThis.__oauthLifecycle ??= { draining: false, customServer: true });
lifecycle.customServer = true;

// The log object is built field by field below: headers, query strings and bodies never enter
// it. Redaction is belt and braces, should someone log a request or a header bag later.
const logger = pino({
  level: logLevel,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'password', 'token', 'client_secret', 'code', '*.password', '*.token', '*.client_secret'],
    censor: '[redacted]',
  },
});
globalThis.__oauthLogger ??= logger;

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

const app = next({ dev: false, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();

function onRequest(req, res) {
  const started = process.hrtime.bigint();
  const id = requestIdOf(req.headers['x-request-id'], randomUUID);
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  // Appended, never trusted: the client may send any X-Forwarded-For, the socket's address is ours.
  req.headers['x-forwarded-for'] = forwardedFor(req.headers['x-forwarded-for'], req.socket.remoteAddress);
  if (lifecycle.draining) res.setHeader('Connection', 'close');

  const ua = req.headers['user-agent'];
  // forwardedFor and userAgent: what the audit trail records for events this request causes.
  const ctx = { requestId: id, clientId: undefined, userId: undefined, error: undefined, forwardedFor: req.headers['x-forwarded-for'], userAgent: typeof ua === 'string' ? ua : undefined };
  res.once('close', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const route = routeOf(req.url ?? '/');
    const status = res.statusCode;
    httpDuration.observe({ method: req.method, route: status === 404 ? '(unmatched)' : route, status: String(status) }, ms / 1000);
    // Draining: a keep-alive connection is closed once its request is answered.
    if (lifecycle.draining) req.socket.end();
    if (!accessLog) return;
    const line = { reqId: id, method: req.method, route, status, ms: Math.round(ms * 10) / 10 };
    if (ctx.clientId) line.clientId = ctx.clientId;
    if (ctx.userId) line.userId = ctx.userId;
    if (ctx.error) line.error = ctx.error;
    if (!res.writableFinished) line.aborted = true;
    logger.info(line, 'request');
  });
  requestContext.run(ctx, () => {
    // The machine endpoints go straight to the engine's handlers (lib/server/machine-routes.ts);
    // everything else, and every request when OAUTH2_FAST_PATH=off, through Next.
    const q = (req.url ?? '/').indexOf('?');
    const fast = fastPath ? globalThis.__oauthFastPath?.(req.method ?? 'GET', q === -1 ? req.url ?? '/' : req.url.slice(0, q)) : null;
    if (fast) fastPathServed.inc();
    const served = fast ? fast.handler(toWebRequest(req)).then((r) => sendWebResponse(req, res, r, fast.extraHeaders)) : handle(req, res);
    served.catch((e) => {
      logger.error({ reqId: id, err: e instanceof Error ? e.message : String(e) }, 'unhandled error');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
}

await app.prepare();
// In production Next prepares its server (and runs instrumentation.ts: settings, database,
// migrations) on the first request. Do it now, before listening, so a bad setting or an
// unreachable database stops the process at start and the first request is not slow.
// (Not public API; if it moves, instrumentation still runs on the first request.)
await (await app.server?.getServer?.())?.prepare?.();
const server = http.createServer(onRequest);
server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeouts (nginx 60 s)
// Slow clients (slowloris): the headers must arrive within 15 s and the whole request within
// 30 s, or the socket is closed (408), so a trickle of bytes cannot hold a connection forever.
server.headersTimeout = 15_000;
server.requestTimeout = 30_000;
server.on('error', (e) => fail(`server: cannot listen on ${hostname}:${port} (${e.code ?? e.message})`));
server.listen(port, hostname, () => logger.info({ port, hostname }, `listening on http://${hostname}:${port}`));

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
  try {
    await globalThis.__oauthCloseDatabase?.();
  } catch (e) {
    logger.error({ err: e instanceof Error ? e.message : String(e) }, 'closing the database failed');
  }
  logger.info('stopped');
  logger.flush?.();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
