/** RFC 6750: reading a bearer token and the errors a protected resource answers. */
import { OAuthError } from './errors';

/** §2.1: `Authorization: Bearer <token>`; null when absent. */
export function bearerFromHeader(req: Request): string | null {
  const h = req.headers.get('authorization');
  if (!h || !/^bearer\s/i.test(h)) return null;
  const token = h.slice(7).trim();
  return token || null;
}

/** §3: `Bearer k="v", ...`; quotes and backslashes are dropped from values (they cannot be escaped in every client). */
function challenge(attrs: Record<string, string>): string {
  const list = Object.entries(attrs).map(([k, v]) => `${k}="${v.replace(/["\\]/g, '')}"`);
  return list.length ? `Bearer ${list.join(', ')}` : 'Bearer';
}

/** §3.1 errors with the WWW-Authenticate challenge a client reads. */
export function bearerError(code: 'invalid_request' | 'invalid_token' | 'insufficient_scope', description: string, extra: Record<string, string> = {}): OAuthError {
  return new OAuthError(code, description, { 'WWW-Authenticate': challenge({ error: code, error_description: description, ...extra }) });
}

/**
 * §3.1: a request with no token at all gets a challenge without an error code, and no body. Its
 * only attributes are ones that tell the client where to get a token (RFC 9728 §5.1 resource_metadata).
 */
export function missingBearer(attrs: Record<string, string> = {}): Response {
  return new Response(null, { status: 401, headers: { 'WWW-Authenticate': challenge(attrs), 'Cache-Control': 'no-store' } });
}
