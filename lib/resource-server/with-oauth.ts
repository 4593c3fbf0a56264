/**
 * Protecting route handlers with tokens from this server: DOT's ProtectedResourceView,
 * ScopedProtectedResourceView, ReadWriteScopedResourceView and TokenHasResourceScope, for the
 * App Router.
 *
 *   export const GET = withOAuth(handler);                                   // any valid token
 *   export const GET = withOAuth(handler, { scopes: ['profile'] });          // all of these scopes
 *   export const GET = withOAuth(handler, { scopes: ['a', 'b'], match: 'any' });
 *   export const POST = withOAuth(handler, { readWrite: true });             // read for GET/HEAD/OPTIONS, write otherwise
 *   export const PUT = withOAuth(handler, { resourceScopes: ['music'] });    // music:read / music:write by method
 *
 * Locally, one indexed lookup by the token's SHA-256 digest. In remote mode
 * (OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL) the token is introspected at another server,
 * cached within bounds, and the request fails closed (503) when that server is down.
 * Errors per RFC 6750 §3; OPTIONS passes unauthenticated so CORS preflight works.
 */
import { getStore } from '@/lib/db';
import { bearerError, missingBearer } from '@/lib/oauth/bearer';
import { errorResponse, OAuthError } from '@/lib/oauth/errors';
import { digest } from '@/lib/oauth/secrets';
import type { AccessTokenRecord, Store } from '@/lib/oauth/store';
import { getSettings, type AppSettings } from '@/lib/settings';
import { createRemoteVerifier, IntrospectionUnavailable } from './remote';
import { hasScopes, requiredScopes, type ScopeRules } from './rules';
import { findBearerToken } from './token-source';

/** What the handler learns about the token (the same shape locally and in remote mode). */
export interface TokenInfo {
  /** Space-separated, as stored and as introspection returns it. */
  scope: string;
  scopes: string[];
  clientId: string | null;
  /** The resource owner; null for client_credentials tokens. */
  userId: string | null;
  username: string | null;
  expiresAt: Date;
  /** Local mode only: the stored row. */
  record?: AccessTokenRecord;
}

export interface OAuthContext {
  token: TokenInfo;
}

export type ProtectedHandler = (req: Request, ctx: OAuthContext) => Response | Promise<Response>;

export interface WithOAuthOptions extends ScopeRules {
  /** Where tokens are looked up: the server's store unless given (tests pass a test database's). */
  store?: () => Promise<Pick<Store, 'findAccessToken'>>;
  clock?: () => Date;
  /** Settings override (tests); the process's settings otherwise. */
  settings?: Pick<AppSettings, 'readScope' | 'writeScope' | 'errorResponseWithScopes' | 'allowTokenInQuery' | 'resourceServer'>;
}

/** RFC 6750 §3: the error in a WWW-Authenticate challenge, and the same as JSON for people reading it. */
function bearerErrorResponse(code: 'invalid_request' | 'invalid_token' | 'insufficient_scope', description: string, scope?: string[]): Response {
  return errorResponse(bearerError(code, description, scope?.length ? { scope: scope.join(' ') } : {}));
}

// One verifier (and its cache) per resource-server configuration: one per process in production.
const verifiers = new WeakMap<object, ReturnType<typeof createRemoteVerifier>>();

async function lookUp(token: string, opts: WithOAuthOptions, settings: NonNullable<WithOAuthOptions['settings']>, clock: () => Date): Promise<TokenInfo | null> {
  const now = clock();
  if (settings.resourceServer && !opts.store) {
    let verify = verifiers.get(settings.resourceServer);
    if (!verify) verifiers.set(settings.resourceServer, (verify = createRemoteVerifier(settings.resourceServer, clock)));
    const answer = await verify(token);
    if (!answer) return null;
    return {
      scope: answer.scope ?? '',
      scopes: (answer.scope ?? '').split(' ').filter(Boolean),
      clientId: answer.client_id ?? null,
      userId: answer.sub ?? null,
      username: answer.username ?? null,
      expiresAt: new Date((answer.exp ?? Math.floor(now.getTime() / 1000) + 60) * 1000),
    };
  }
  const record = await (await (opts.store ?? getStore)()).findAccessToken(digest(token));
  if (!record || record.revokedAt || record.expiresAt.getTime() <= now.getTime()) return null;
  return { ...record, scopes: record.scope.split(' '), record };
}

export function withOAuth(handler: ProtectedHandler, opts: WithOAuthOptions = {}): (req: Request) => Promise<Response> {
  const clock = opts.clock ?? (() => new Date());
  return async (req) => {
    // CORS preflight carries no credentials; the handler answers it.
    if (req.method === 'OPTIONS') return handler(req, { token: null as never });
    const settings = opts.settings ?? getSettings();
    const found = await findBearerToken(req, settings.allowTokenInQuery);
    // §3.1: a request with no credentials gets a bare challenge, without an error code.
    if ('missing' in found) return missingBearer();
    if ('malformed' in found) return bearerErrorResponse('invalid_request', found.malformed);
    let info: TokenInfo | null;
    try {
      info = await lookUp(found.token, opts, settings, clock);
    } catch (e) {
      if (!(e instanceof IntrospectionUnavailable)) throw e;
      // Fail closed: without the authorization server we cannot know the token is good.
      return errorResponse(new OAuthError('temporarily_unavailable', `cannot check the access token: ${e.message}`, { 'Retry-After': '5' }));
    }
    if (!info) return bearerErrorResponse('invalid_token', 'the access token is invalid, expired or revoked');
    const need = requiredScopes(opts, req.method, settings);
    if (!hasScopes(info.scopes, need)) {
      const named = settings.errorResponseWithScopes ? [...need.all, ...need.any] : undefined;
      return bearerErrorResponse('insufficient_scope', 'the access token lacks a required scope', named);
    }
    return handler(req, { token: info });
  };
}
