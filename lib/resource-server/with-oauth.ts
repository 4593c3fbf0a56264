/**
 * Protecting a route handler with a bearer token issued by this server (RFC 6750), DOT's
 * ProtectedResourceView for the App Router:
 *
 *   export const GET = withOAuth(async (req, { token }) => Response.json({ user: token.username }), { scopes: ['read'] });
 *
 * One indexed lookup by the token's SHA-256 digest per request; no introspection round trip.
 */
import { getStore } from '@/lib/db';
import { NO_STORE } from '@/lib/oauth/headers';
import { digest } from '@/lib/oauth/secrets';
import type { AccessTokenRecord, Store } from '@/lib/oauth/store';

export interface OAuthContext {
  /** The access token the request carried, with its user and client. */
  token: AccessTokenRecord;
}

export type ProtectedHandler = (req: Request, ctx: OAuthContext) => Response | Promise<Response>;

export interface WithOAuthOptions {
  /** Every one of these scopes must have been granted (RFC 6750 §3.1 insufficient_scope otherwise). */
  scopes?: string[];
  /** Where tokens are looked up: the server's store unless given (tests pass a test database's). */
  store?: () => Promise<Pick<Store, 'findAccessToken'>>;
  clock?: () => Date;
}

// RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

type BearerError = 'invalid_request' | 'invalid_token' | 'insufficient_scope';
const STATUS: Record<BearerError, number> = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 };

/** RFC 6750 §3: the error in a WWW-Authenticate challenge, and the same as JSON for people reading it. */
function bearerError(error: BearerError, description: string, scope?: string[]): Response {
  const params = [`error="${error}"`, `error_description="${description}"`];
  if (scope?.length) params.push(`scope="${scope.join(' ')}"`);
  return new Response(JSON.stringify({ error, error_description: description }), {
    status: STATUS[error],
    headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': `Bearer ${params.join(', ')}`, ...NO_STORE },
  });
}

/** RFC 6750 §2.1: the token from `Authorization: Bearer <token>`; null when the request sent none. */
function bearerToken(req: Request): string | null | undefined {
  const header = req.headers.get('authorization');
  if (!header || !/^bearer(\s|$)/i.test(header)) return null;
  const token = header.slice(6).trim();
  return B64TOKEN.test(token) ? token : undefined;
}

export function withOAuth(handler: ProtectedHandler, opts: WithOAuthOptions = {}): (req: Request) => Promise<Response> {
  const required = opts.scopes ?? [];
  const store = opts.store ?? getStore;
  const clock = opts.clock ?? (() => new Date());
  return async (req) => {
    const token = bearerToken(req);
    // §3.1: a request with no credentials gets a bare challenge, without an error code.
    if (token === null) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer', ...NO_STORE } });
    if (token === undefined) return bearerError('invalid_request', 'malformed Bearer credentials');
    const record = await (await store()).findAccessToken(digest(token));
    if (!record || record.revokedAt || record.expiresAt.getTime() <= clock().getTime()) {
      return bearerError('invalid_token', 'the access token is invalid, expired or revoked');
    }
    const granted = record.scope.split(' ');
    if (!required.every((s) => granted.includes(s))) {
      return bearerError('insufficient_scope', 'the access token lacks a required scope', required);
    }
    return handler(req, { token: record });
  };
}
