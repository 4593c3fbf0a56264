/**
 * GET /api/metrics: Prometheus text, behind the bearer secret OAUTH2_METRICS_TOKEN.
 * Unset: 404 saying how to turn metrics on. Missing or wrong: 401 (RFC 6750 challenge).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { renderMetrics } from './metrics';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Constant-time: both sides hashed to 32 bytes first, so neither length nor content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function metricsEndpoint(token: () => string | null) {
  return async function GET(req: Request): Promise<Response> {
    const expected = token();
    if (!expected) {
      return Response.json(
        { error: 'not_found', error_description: 'metrics are off: set OAUTH2_METRICS_TOKEN and scrape with Authorization: Bearer <token>' },
        { status: 404, headers: NO_STORE },
      );
    }
    const auth = req.headers.get('authorization') ?? '';
    const given = /^Bearer ([^\s]+)$/i.exec(auth)?.[1];
    if (!given || !sameSecret(given, expected)) {
      return Response.json(
        { error: 'invalid_token', error_description: 'send the metrics token (OAUTH2_METRICS_TOKEN) as Authorization: Bearer <token>' },
        { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': given ? 'Bearer realm="metrics", error="invalid_token"' : 'Bearer realm="metrics"' } },
      );
    }
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { ...NO_STORE, 'Content-Type': contentType } });
  };
}
