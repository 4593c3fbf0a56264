/**
 * What server.mjs derives from each request before Next sees it: the X-Forwarded-For it
 * passes on, the request id, and the route for logs and metric labels.
 * Plain JS: server.mjs (no build step) and the TypeScript tests both import it.
 */

/**
 * X-Forwarded-For with the socket's address appended: whatever a client sends, the rightmost
 * entry is the peer that connected to us, so OAUTH2_TRUSTED_PROXIES counts hops from the right.
 * @param {string | string[] | undefined} incoming @param {string | undefined} peer @returns {string}
 */
export function forwardedFor(incoming, peer) {
  const prior = Array.isArray(incoming) ? incoming.join(', ') : incoming;
  const own = peer ?? 'unknown';
  return prior && prior.trim() ? `${prior}, ${own}` : own;
}

/** A well-formed incoming X-Request-Id is kept (so a proxy's id follows the request); anything else is replaced. */
export const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/** @param {string | string[] | undefined} incoming @param {() => string} generate @returns {string} */
export function requestIdOf(incoming, generate) {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : generate();
}

/**
 * The route of a request URL for logs and metric labels: the path only (never the query
 * string, which carries codes, tokens and state), without a trailing slash, with identifier
 * segments (UUIDs, numbers, long random values) collapsed to :id so the label set stays
 * bounded and no value someone might treat as a secret lands in a label.
 */
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{20,})$/i;

/** @param {string} url the request target, e.g. `/o/token?x=1` @returns {string} */
export function routeOf(url) {
  const q = url.indexOf('?');
  let path = q === -1 ? url : url.slice(0, q);
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  if (path.startsWith('/_next/')) return '/_next/*';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path.length > 200) return '(long)';
  return path
    .split('/')
    .map((s) => (ID_SEGMENT.test(s) ? ':id' : s))
    .join('/');
}
