/**
 * CORS for the machine endpoints a browser-based client calls (token, revoke, introspect, userinfo,
 * metadata), for origins listed in an application's allowed_origins. Never on /o/authorize
 * (RFC 9700 §2.6): that is a top-level navigation, not a fetch.
 */
import type { Deps } from './context';
import type { ClientRecord } from './store';
import { isAnyOriginPathname } from './paths';

// DPoP (RFC 9449 §4.1): a browser-based client sends its proof in a header of that name.
const ALLOW_HEADERS = 'Authorization, Content-Type, DPoP';
/** What a browser-based client must read: challenges, and the DPoP nonce to retry with (RFC 9449 §8). */
const EXPOSE_HEADERS = 'WWW-Authenticate, DPoP-Nonce';

/** Adds CORS headers when the request's Origin is one the authenticated client registered. */
export function withClientCors(res: Response, req: Request, client: ClientRecord | null): Response {
  const origin = req.headers.get('origin');
  if (!origin || !client || !client.allowedOrigins.includes(origin)) return res;
  res.headers.set('Access-Control-Allow-Origin', origin);
  res.headers.append('Vary', 'Origin');
  res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  return res;
}

/**
 * An error from a CORS endpoint: the client may not be known (its authentication may be what
 * failed), so, as for a preflight, the origin is allowed when some application lists it. Without
 * this a browser client cannot read `invalid_grant` and sees a network error instead.
 */
export async function withErrorCors(res: Response, req: Request, deps: Deps): Promise<Response> {
  const origin = req.headers.get('origin');
  // A failing lookup must not replace the error the client should read.
  if (!origin || !(await deps.store.isAllowedOrigin(origin).catch(() => false))) return res;
  res.headers.set('Access-Control-Allow-Origin', origin);
  res.headers.append('Vary', 'Origin');
  res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  return res;
}

/**
 * OAUTH2_CORS_ANY_ORIGIN (the agent profile): browser-based clients such as MCP Inspector run on
 * origins no one registered, so the metadata documents, registration and the token endpoint
 * answer every origin with `*`. Never with credentials: `*` makes browsers omit cookies, and
 * these endpoints authenticate the client in the request itself.
 */
const ANY_ORIGIN_ALLOW_HEADERS = 'Authorization, Content-Type, MCP-Protocol-Version, DPoP';

export function isAnyOriginPath(req: Request, deps: Deps): boolean {
  return deps.settings.clients.corsAnyOrigin && isAnyOriginPathname(new URL(req.url).pathname);
}

/** Applied to every response (success or error) of an any-origin endpoint when the setting is on. */
export function withAnyOriginCors(res: Response, req: Request, deps: Deps): Response {
  if (!isAnyOriginPath(req, deps)) return res;
  res.headers.set('Access-Control-Allow-Origin', '*');
  res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  return res;
}

/** A preflight: allowed when some application lists the origin (the client is not known yet), or for any origin on an any-origin endpoint. */
export async function preflight(req: Request, deps: Deps, methods: string): Promise<Response> {
  const origin = req.headers.get('origin');
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && isAnyOriginPath(req, deps)) {
    Object.assign(headers, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': ANY_ORIGIN_ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
    });
  } else if (origin && (await deps.store.isAllowedOrigin(origin))) {
    Object.assign(headers, {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': ALLOW_HEADERS,
      'Access-Control-Max-Age': '600',
    });
  }
  return new Response(null, { status: 204, headers });
}

/** Public documents (metadata, JWKS) may be read from any origin. */
export function withPublicCors(res: Response): Response {
  res.headers.set('Access-Control-Allow-Origin', '*');
  return res;
}
