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
 *   export const POST = withOAuth(handler, { resource: '/api/mcp' });        // RFC 8707 audience + RFC 9728 challenge
 *   export const GET = withOAuth(handler, { scopes: (req) => [...] });       // scopes computed per request (get_scopes())
 *   export const POST = withOAuth(handler, { allowSession: true });          // or the signed-in session (session-access.ts)
 *   const token = await verifyAccessToken(req, { scopes: ['write'] });       // the same check, imperatively; throws AccessError
 *
 * With `resource` (a path on this app's origin, or an absolute URI), a token whose audience
 * does not include the API's resource identifier is refused with 401 invalid_token, and every
 * 401 names the API's RFC 9728 metadata (`resource_metadata`) so a client can find the
 * authorization server from the API's URL alone. A token with no audience (issued without a
 * `resource` parameter) is accepted, for clients that predate RFC 8707, unless `requireAudience`.
 *
 * With `jwt` (RFC 9068), a JWT access token is verified locally against the authorization
 * server's JWKS, without a lookup or a call (jwt-access-tokens.ts; `checkRevocation` adds one back).
 * Otherwise, locally, one indexed lookup by the token's SHA-256 digest. In remote mode
 * (OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL) the token is introspected at another server,
 * cached within bounds, and the request fails closed (503) when that server is down.
 * Errors per RFC 6750 §3; OPTIONS passes unauthenticated so CORS preflight works.
 */
import { getStore } from '@/lib/db';
import { events as appEvents } from '@/lib/server/events';
import type { EventBus } from '@/lib/oauth/events';
import { bearerError } from '@/lib/oauth/bearer';
import { OAuthError } from '@/lib/oauth/errors';
import { digest } from '@/lib/oauth/secrets';
import { isActive } from '@/lib/oauth/endpoints/introspect';
import type { AccessTokenRecord, Store } from '@/lib/oauth/store';
import { getSettings, type AppSettings } from '@/lib/config/settings';
import { issuerFor } from '@/lib/oauth/context';
import { createRemoteVerifier, IntrospectionUnavailable } from './remote';
import { resourceIdentifier, resourceMetadataUrl } from './protected-resources';
import { hasScopes, requiredScopes, resolveScopes, type ScopeRules } from './rules';
import { AccessError } from './access-error';
import { sessionAccess, type SessionOptions, type SessionUser } from './session-access';
import { findBearerToken } from './token-source';
import { jwtVerifierFor, JwtRejected, looksLikeJwt, type JwtAccessTokenOptions } from './jwt-access-tokens';
import type { JWTPayload } from 'jose';

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
  /** RFC 8707: the resources the token is for; null when it was issued without a resource. */
  audience: string[] | null;
  /** Local mode only: the stored row. */
  record?: AccessTokenRecord;
  /** A JWT access token verified locally (RFC 9068): its claims (auth_time, acr, amr, jti…). */
  claims?: JWTPayload;
}

export interface OAuthContext {
  token: TokenInfo;
}

export type ProtectedHandler = (req: Request, ctx: OAuthContext) => Response | Promise<Response>;

/** With `allowSession`: exactly one of the two is set, the token when the request carried one. */
export interface SessionOrTokenContext {
  token: TokenInfo | null;
  session: SessionUser | null;
}

export type SessionOrTokenHandler = (req: Request, ctx: SessionOrTokenContext) => Response | Promise<Response>;

export interface WithOAuthOptions extends ScopeRules {
  /** Where tokens are looked up: the server's store unless given (tests pass a test database's). */
  store?: () => Promise<Pick<Store, 'findAccessToken'>>;
  clock?: () => Date;
  /** Where `token_authenticated` is emitted: the app's bus unless given (tests). */
  events?: EventBus;
  /**
   * RFC 8707 / RFC 9728: this API's resource identifier. A path (`/api/mcp`) is on the issuer's
   * origin (OAUTH2_ISSUER, or the request's); an absolute URI is used as is (remote mode).
   */
  resource?: string;
  /** RFC 9068: verify JWT access tokens locally against this issuer's JWKS (opaque tokens still go the usual way). */
  jwt?: JwtAccessTokenOptions;
  /** Refuse tokens issued without any audience too (default: accept them; see above). */
  requireAudience?: boolean;
  /** Settings override (tests); the process's settings otherwise. */
  settings?: Pick<AppSettings, 'readScope' | 'writeScope' | 'errorResponseWithScopes' | 'allowTokenInQuery' | 'resourceServer'> & Partial<Pick<AppSettings, 'issuer'>>;
}

/** RFC 6750 §3: the error in a WWW-Authenticate challenge, and the same as JSON for people reading it. */
function bearerRefusal(
  code: 'invalid_request' | 'invalid_token' | 'insufficient_scope',
  description: string,
  scope: string[] | undefined,
  challenge: Record<string, string>,
): AccessError {
  return AccessError.of(bearerError(code, description, { ...(scope?.length ? { scope: scope.join(' ') } : {}), ...challenge }));
}

/**
 * §3 of RFC 8707: is the token meant for this API? A bare origin is the same resource with its
 * trailing slash (clients that parse it as a URL send that, and the authorization endpoint accepts both).
 */
function audienceAllows(audience: string[] | null, resource: string, requireAudience: boolean): boolean {
  if (!audience || audience.length === 0) return !requireAudience;
  const bareOrigin = new URL(resource).origin === resource.replace(/\/$/, '');
  return audience.some((a) => a === resource || (bareOrigin && a.replace(/\/$/, '') === resource.replace(/\/$/, '')));
}

// One verifier (and its cache) per resource-server configuration: one per process in production.
const verifiers = new WeakMap<object, ReturnType<typeof createRemoteVerifier>>();

async function lookUp(token: string, opts: WithOAuthOptions, settings: NonNullable<WithOAuthOptions['settings']>, clock: () => Date): Promise<TokenInfo | null> {
  const now = clock();
  if (opts.jwt && looksLikeJwt(token)) {
    const jwt = await jwtVerifierFor(opts.jwt)(token, now);
    // Revocation is only visible at the authorization server: ask it (the usual path) when told to.
    if (opts.jwt.checkRevocation && !(await lookUp(token, { ...opts, jwt: undefined }, settings, clock))) return null;
    return { ...jwt, scopes: jwt.scope.split(' ').filter(Boolean), username: null };
  }
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
      // RFC 7662 §2.2: aud is a string or an array of strings.
      audience: answer.aud === undefined ? null : Array.isArray(answer.aud) ? answer.aud : [answer.aud],
    };
  }
  const record = await (await (opts.store ?? getStore)()).findAccessToken(digest(token));
  // The engine's own rule (revoked, expired, disabled application or user), so the toolkit and introspection agree.
  if (!isActive(record, now)) return null;
  return { ...record, scopes: record.scope.split(' '), audience: record.audience, record };
}

/**
 * The one check of an access token (RFC 6750), Authlib's `ResourceProtector.acquire_token`:
 * the verified token, or an AccessError carrying the RFC 6750 §3 response. withOAuth,
 * withClientAuth's token fallback and withOAuth's `allowSession` all come through here, so a
 * rule added to the token check (audience, DPoP…) holds everywhere at once. Usable wherever
 * there is a Request: route handlers, server actions (lib/resource-server/server-action.ts), proxy.ts.
 */
export async function verifyAccessToken(req: Request, rules: WithOAuthOptions = {}): Promise<TokenInfo> {
  const opts = await resolveScopes(rules, req);
  const clock = opts.clock ?? (() => new Date());
  const settings = opts.settings ?? getSettings();
  const resource = opts.resource === undefined ? null : opts.resource.startsWith('/') ? resourceIdentifier(issuerFor(req, { issuer: settings.issuer ?? null }), opts.resource) : opts.resource;
  // RFC 9728 §5.1: every challenge says where this API's metadata (and so its authorization server) is.
  const challenge: Record<string, string> = resource ? { resource_metadata: resourceMetadataUrl(resource) } : {};
  const found = await findBearerToken(req, settings.allowTokenInQuery);
  // §3.1: a request with no credentials gets a challenge without an error code.
  if ('missing' in found) throw AccessError.missing(challenge);
  if ('malformed' in found) throw bearerRefusal('invalid_request', found.malformed, undefined, challenge);
  let info: TokenInfo | null;
  try {
    info = await lookUp(found.token, opts, settings, clock);
  } catch (e) {
    if (e instanceof JwtRejected) throw bearerRefusal('invalid_token', e.message, undefined, challenge);
    if (!(e instanceof IntrospectionUnavailable)) throw e;
    // Fail closed: without the authorization server we cannot know the token is good.
    throw AccessError.of(new OAuthError('temporarily_unavailable', `cannot check the access token: ${e.message}`, { 'Retry-After': '5' }));
  }
  if (!info) throw bearerRefusal('invalid_token', 'the access token is invalid, expired or revoked', undefined, challenge);
  if (resource && !audienceAllows(info.audience, resource, opts.requireAudience ?? false)) {
    throw bearerRefusal('invalid_token', `the access token is not meant for ${resource} (RFC 8707 audience)`, undefined, challenge);
  }
  const need = requiredScopes(opts, req.method, settings);
  if (!hasScopes(info.scopes, need)) {
    // An API that publishes its metadata names the scopes anyway: clients re-authorize with them (RFC 9728 §5.1, MCP).
    const named = settings.errorResponseWithScopes || resource ? [...need.all, ...need.any, ...(need.alternatives?.[0] ?? [])] : undefined;
    throw bearerRefusal('insufficient_scope', 'the access token lacks a required scope', named, challenge);
  }
  (opts.events ?? appEvents).emit('token_authenticated', {
    applicationId: info.record?.applicationId ?? null,
    clientId: info.clientId,
    userId: info.userId,
    scope: info.scopes,
  });
  return info;
}

/** With `allowSession`: the signed-in user's session stands in for a token (DRF's IsAuthenticatedOrTokenHasScope). */
export function withOAuth(handler: SessionOrTokenHandler, opts: WithOAuthOptions & SessionOptions & { allowSession: true }): (req: Request) => Promise<Response>;
export function withOAuth(handler: ProtectedHandler, opts?: WithOAuthOptions): (req: Request) => Promise<Response>;
export function withOAuth(handler: ProtectedHandler | SessionOrTokenHandler, opts: WithOAuthOptions & Partial<SessionOptions> & { allowSession?: boolean } = {}): (req: Request) => Promise<Response> {
  const call = handler as SessionOrTokenHandler;
  return async (req) => {
    // CORS preflight carries no credentials; the handler answers it.
    if (req.method === 'OPTIONS') return call(req, { token: null as never, session: null });
    try {
      let token: TokenInfo;
      try {
        token = await verifyAccessToken(req, opts);
      } catch (e) {
        // No token at all: the session may stand in for one (a token, when sent, always decides).
        if (!(opts.allowSession && e instanceof AccessError && e.missingCredentials)) throw e;
        const session = await sessionAccess(req, opts, e);
        return await call(req, { token: null, session });
      }
      return await call(req, { token, session: null });
    } catch (e) {
      // The handler may refuse the same way (it called verifyAccessToken or verifyClient itself).
      if (e instanceof AccessError) return e.toResponse();
      throw e;
    }
  };
}
