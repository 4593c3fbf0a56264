/**
 * Resources a client calls as itself: DOT's ClientProtectedResourceView and
 * ClientProtectedScopedResourceView, for the App Router.
 *
 *   export const GET = withClientAuth(async (req, { client }) => Response.json({ client_id: client.clientId }));
 *   export const POST = withClientAuth(handler, { allowToken: true, scopes: ['write'] });  // or an access token with these scopes
 *
 * The client authenticates exactly as at the token endpoint, with the engine's own client
 * authentication (lib/oauth/client-auth.ts, RFC 6749 §2.3): HTTP Basic (§2.3.1), client_secret
 * in a form or JSON body, or private_key_jwt (RFC 7523); its registered token_endpoint_auth_method;
 * a disabled client refused; and every wrong secret counted toward the same failure locks, by
 * client_id and address and by address alone (OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES*), which
 * then hold back even correct credentials from that address (429). A public client has no
 * credentials, so client_id alone never authenticates here. With `allowToken`, a request
 * without client credentials may carry an access token instead (verifyAccessToken, the toolkit's
 * one token check): the handler then gets the token's client and the token. Credentials and a
 * token in one request are invalid_request. Every 401 challenges with Basic (and Bearer when
 * tokens are allowed).
 */
import { authenticateClient, type ClientAuthMethod } from '@/lib/oauth/client-auth';
import type { Deps } from '@/lib/oauth/context';
import { OAuthError } from '@/lib/oauth/errors';
import { hasControlCharacter, MAX_BODY_BYTES, type Params } from '@/lib/oauth/http';
import type { ClientRecord } from '@/lib/oauth/store';
import { getSettings } from '@/lib/config/settings';
import { AccessError } from './access-error';
import { findBearerToken } from './token-source';
import { verifyAccessToken, type TokenInfo, type WithOAuthOptions } from './with-oauth';

/** What a handler learns about the calling client (never its secret's digest). */
export interface CallingClient {
  /** The application's id (its row). */
  id: string;
  clientId: string;
  name: string;
  clientType: ClientRecord['clientType'];
  grantTypes: string[];
  ownerId: string | null;
}

export interface ClientContext {
  client: CallingClient;
  /** How it proved who it is: a client authentication method, or `access_token` (the token fallback). */
  method: ClientAuthMethod | 'access_token';
  /** The access token, when the client used one instead of its credentials. */
  token: TokenInfo | null;
}

export type ClientProtectedHandler = (req: Request, ctx: ClientContext) => Response | Promise<Response>;

export interface VerifyClientOptions {
  /** The engine's dependencies (store, settings, rate limits, events): this server's unless given (tests pass a test server's). */
  deps?: () => Promise<Deps>;
  /** Settings override (tests); the process's settings otherwise. */
  settings?: Pick<NonNullable<WithOAuthOptions['settings']>, 'allowTokenInQuery'>;
}

export interface WithClientAuthOptions extends WithOAuthOptions, Omit<VerifyClientOptions, 'settings'> {
  /** ClientProtectedScopedResourceView: an access token is accepted instead of credentials, checked with the scope rules. */
  allowToken?: boolean;
}

// The engine's own challenge for client authentication (lib/oauth/client-auth.ts).
const BASIC = 'Basic realm="oauth", charset="UTF-8"';
const CREDENTIAL_PARAMS = ['client_id', 'client_secret', 'client_assertion', 'client_assertion_type'] as const;

async function engineDeps(): Promise<Deps> {
  // Loaded on first use, as the engine's route handlers load it.
  const { getOAuthServer } = await import('@/lib/server/oauth-server');
  return (await getOAuthServer()).deps;
}

function callingClient(c: ClientRecord): CallingClient {
  return { id: c.id, clientId: c.clientId, name: c.name, clientType: c.clientType, grantTypes: c.grantTypes, ownerId: c.ownerId };
}

/**
 * RFC 6749 §2.3.1: the client credentials a request carries in its body (form or JSON, as the
 * token endpoint takes them); never in the URL. Only the credential parameters are read, from a
 * copy, so the handler still reads the body and its other fields are the handler's business.
 */
async function credentialParams(req: Request): Promise<Params> {
  const params: Params = new Map();
  if (/[?&](client_secret|client_assertion)=/.test(req.url)) {
    throw new OAuthError('invalid_request', 'client credentials do not belong in the URL (RFC 6749 §2.3.1); use the Authorization header or the body');
  }
  if (req.method === 'GET' || req.method === 'HEAD' || !req.body) return params;
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return params;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const values = new Map<string, unknown[]>();
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(await req.clone().text());
    for (const name of CREDENTIAL_PARAMS) values.set(name, form.getAll(name));
  } else if (type === 'application/json') {
    let body: unknown;
    try {
      body = JSON.parse(await req.clone().text());
    } catch {
      return params; // not JSON: the handler's to refuse; it carries no credentials either way
    }
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const name of CREDENTIAL_PARAMS) if (name in body) values.set(name, [(body as Record<string, unknown>)[name]]);
    }
  }
  for (const [name, found] of values) {
    if (found.length > 1) throw new OAuthError('invalid_request', `parameter '${name}' is repeated`);
    const value = found[0];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `parameter '${name}' must be a string`);
    if (hasControlCharacter(value)) throw new OAuthError('invalid_request', `parameter '${name}' contains a control character`);
    params.set(name, value);
  }
  return params;
}

function hasCredentials(req: Request, params: Params): boolean {
  return /^basic\s/i.test(req.headers.get('authorization') ?? '') || CREDENTIAL_PARAMS.some((n) => params.has(n));
}

/** An engine refusal as the toolkit's, a 401 always challenging with Basic (the body's credentials get one too). */
function refusal(e: OAuthError): AccessError {
  const err = AccessError.of(e);
  return err.status === 401 ? err.withChallenge('Basic', BASIC) : err;
}

/** Whether the request carries an access token anywhere RFC 6750 §2 puts one (a malformed one counts). */
async function carriesToken(req: Request, allowQuery: boolean): Promise<boolean> {
  return !('missing' in (await findBearerToken(req, allowQuery)));
}

/** The authenticated client, or an AccessError (invalid_request, invalid_client, or 429 once the failure lock holds). */
async function authenticate(req: Request, params: Params, deps: Deps): Promise<{ client: ClientRecord; method: ClientAuthMethod }> {
  // A public client has no credentials: client_id alone proves nothing, so it is refused before
  // any lookup (and counts as no failure: no secret was guessed).
  if (!/^basic\s/i.test(req.headers.get('authorization') ?? '') && !params.has('client_secret') && !params.has('client_assertion')) {
    throw new OAuthError('invalid_client', 'client_id alone does not authenticate a client: a public client cannot call this resource as itself (send client credentials, or an access token where accepted)');
  }
  const auth = await authenticateClient(req, params, deps);
  if (auth.method === 'none' || auth.client.clientType === 'public') throw new OAuthError('invalid_client', 'a public client cannot authenticate as itself');
  return auth;
}

/**
 * The imperative form (for server actions, proxy.ts, or a handler that decides halfway): the
 * client the request authenticates as, with the token endpoint's client authentication, or an
 * AccessError whose `toResponse()` is withClientAuth's answer.
 */
export async function verifyClient(req: Request, opts: VerifyClientOptions = {}): Promise<{ client: CallingClient; method: ClientAuthMethod }> {
  return asRefusal(async () => clientFrom(req, await credentialParams(req), opts));
}

async function clientFrom(req: Request, params: Params, opts: VerifyClientOptions): Promise<{ client: CallingClient; method: ClientAuthMethod }> {
  if (!hasCredentials(req, params)) throw AccessError.noCredentials(BASIC);
  const allowQuery = (opts.settings ?? getSettings()).allowTokenInQuery;
  if (await carriesToken(req, allowQuery)) throw new OAuthError('invalid_request', 'send either client credentials or an access token, not both');
  const { client, method } = await authenticate(req, params, await (opts.deps ?? engineDeps)());
  return { client: callingClient(client), method };
}

/** Runs `fn`, turning the engine's errors into the toolkit's refusal. */
async function asRefusal<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof OAuthError ? refusal(e) : e;
  }
}

/** The token fallback: verifyAccessToken's rules, then the token's own client (it must still exist and be enabled). */
async function viaToken(req: Request, opts: WithClientAuthOptions): Promise<ClientContext> {
  const token = await verifyAccessToken(req, opts);
  const deps = await (opts.deps ?? engineDeps)();
  const client = token.clientId ? await deps.store.findApplicationByClientId(token.clientId) : null;
  if (!client || client.disabledAt) throw AccessError.of(new OAuthError('invalid_token', 'the access token belongs to no client of this server'));
  return { client: callingClient(client), method: 'access_token', token };
}

export function withClientAuth(handler: ClientProtectedHandler, opts: WithClientAuthOptions = {}): (req: Request) => Promise<Response> {
  return async (req) => {
    // CORS preflight carries no credentials; the handler answers it.
    if (req.method === 'OPTIONS') return handler(req, { client: null as never, method: null as never, token: null });
    try {
      const ctx = await asRefusal(async (): Promise<ClientContext> => {
        const params = await credentialParams(req);
        if (hasCredentials(req, params) || !opts.allowToken) return { ...(await clientFrom(req, params, opts)), token: null };
        return viaToken(req, opts);
      });
      return await handler(req, ctx);
    } catch (e) {
      if (!(e instanceof AccessError)) throw e;
      // 401s offer both ways in when both are accepted.
      const offered = e.status === 401 ? e.withChallenge('Basic', BASIC) : e;
      return (opts.allowToken && offered.status === 401 ? offered.withChallenge('Bearer', 'Bearer') : offered).toResponse();
    }
  };
}
