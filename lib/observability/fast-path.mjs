/**
 * The fast path's thin adapter (issue 25): node:http request → Web Request for the engine's
 * handler, its Web Response → node:http response. Nothing about the protocol is here: the
 * handler is the same function the route file exports (lib/server/machine-routes.ts). Plain JS
 * because server.mjs, which calls it, has no build step.
 */
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

// What Next adds to every route handler's response, so the two paths answer alike
// (e2e/fast-path.spec.ts compares them): its router's Vary, and gzip when the client accepts it
// (next.config.js leaves `compress` on), streamed (chunked) rather than with a Content-Length.
const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** The request's URL as Next builds it for route handlers: the Host header and the socket's protocol. */
function urlOf(req) {
  const proto = req.socket.encrypted ? 'https' : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
}

/** @param {import('node:http').IncomingMessage} req */
export function toWebRequest(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(urlOf(req), {
    method,
    headers,
    ...(hasBody ? { body: /** @type {ReadableStream} */ (Readable.toWeb(req)), duplex: 'half' } : {}),
  });
}

/**
 * Writes `response` to `res`, with `extraHeaders` (what next.config.js would add) under its own.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Response} response
 * @param {Record<string, string>} extraHeaders
 */
export async function sendWebResponse(req, res, response, extraHeaders) {
  const head = req.method === 'HEAD';
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  // A body could be compressed (Vary says so even for HEAD); it is when the client accepts gzip.
  const compressible = body !== null && body.length > 0;
  const gzip = compressible && !head && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.setHeader('Vary', [NEXT_VARY, response.headers.get('vary'), compressible ? 'Accept-Encoding' : null].filter(Boolean).join(', '));
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  // Machine endpoints answer small JSON: compressed (or not) in one go, written as one chunk,
  // chunked even when empty, as Next streams every route handler's answer.
  if (!head && response.status !== 204 && response.status !== 304) res.setHeader('Transfer-Encoding', 'chunked');
  if (!head && body?.length) res.write(gzip ? gzipSync(body) : body);
  res.end();
}
