/**
 * RFC 7662: token introspection, for resource servers (§4). POST only (§2.1): tokens and client
 * secrets do not belong in URLs. The caller authenticates with client credentials or, as DOT, with
 * a bearer token carrying the `introspection` scope; either way it acts for its application, which
 * may see tokens issued to it, tokens whose RFC 8707 audience includes one of its resource URIs,
 * and any token once an operator marked it a resource server. Every other token, like anything
 * not active, is exactly {"active": false} (§2.2 lets the server hide what a caller may not see).
 */
import { bearerError } from '../bearer';
import { checkPresentation, readPresentedToken, type PresentedToken } from '../dpop/protected-resource';
import { extraClaimsFor } from '../claims-extension';
import { authenticateClient } from '../client-auth';
import { issuerFor, type Deps } from '../context';
import { withClientCors } from '../cors';
import { OAuthError } from '../errors';
import { NO_STORE, json, readParams, requireParam } from '../http';
import { enforce } from '../rate-limit';
import { rolesClaim } from '../oidc/claims';
import { audienceIncludes, authorizationServerAudience } from '../resource-indicators';
import { delegationClaims } from '../delegation';
import { digest } from '../secrets';
import type { AccessTokenRecord, ClientRecord } from '../store';

export const INTROSPECTION_SCOPE = 'introspection';

export function isActive(t: AccessTokenRecord | null, now: Date): t is AccessTokenRecord {
  // A disabled application's or user's tokens stop working at once (the lookup joins both).
  return !!t && !t.revokedAt && t.expiresAt.getTime() > now.getTime() && !t.applicationDisabled && !t.userDisabled;
}

/** The caller: the application it acts for, its client (null for a bearer caller, for CORS), and its limit. */
interface Caller {
  application: ClientRecord;
  client: ClientRecord | null;
  rateLimit: number | null;
}

/**
 * DOT's RESOURCE_SERVER_AUTH_TOKEN: a bearer token with the introspection scope, meant for this
 * server (RFC 8707), authenticates its application and sees exactly what that application's
 * credentials would: a token is one more way to be the same caller, never a wider one.
 */
async function bearerCaller(presented: PresentedToken, req: Request, deps: Deps): Promise<Caller> {
  const now = deps.clock();
  const record = await deps.store.findAccessToken(digest(presented.token));
  if (!isActive(record, now)) throw bearerError('invalid_token', 'the bearer token is invalid or expired');
  // RFC 9449 §7: a DPoP-bound token authenticates only with a proof of its key.
  await checkPresentation(req, presented, record.jkt ?? null, { issuer: issuerFor(req, deps.settings), now, useJti: (k, e, at) => deps.store.useJti(k, e, at), nonces: deps.dpopNonces });
  if (!audienceIncludes(record.audience, authorizationServerAudience(issuerFor(req, deps.settings)))) {
    throw bearerError('invalid_token', 'the bearer token is meant for another resource (RFC 8707 audience), not this authorization server');
  }
  const scope = record.scope.split(' ');
  if (!scope.includes(INTROSPECTION_SCOPE)) {
    throw bearerError('insufficient_scope', `the bearer token lacks the '${INTROSPECTION_SCOPE}' scope`, { scope: INTROSPECTION_SCOPE });
  }
  const application = await deps.store.findApplicationByClientId(record.clientId);
  if (!application) throw bearerError('invalid_token', 'the bearer token belongs to an application that no longer exists');
  deps.events.emit('token_authenticated', { applicationId: record.applicationId, clientId: record.clientId, userId: record.userId, scope });
  // A bearer caller counts against the application its token was issued to, at the setting's limit.
  return { application, client: null, rateLimit: null };
}

async function authenticateCaller(req: Request, params: Map<string, string>, deps: Deps): Promise<Caller> {
  const presented = readPresentedToken(req);
  if (presented !== null) return bearerCaller(presented, req, deps);
  const { client, method } = await authenticateClient(req, params, deps);
  // §2.1 / §4: a public client has no credentials, so it cannot be trusted to introspect others' tokens.
  if (method === 'none') throw new OAuthError('invalid_client', 'introspection requires client credentials or a bearer token');
  return { application: client, client, rateLimit: client.rateLimit };
}

/** §4: what a caller may learn about a token. */
function maySee(caller: ClientRecord, token: AccessTokenRecord): boolean {
  if (caller.resourceServer) return true;
  if (token.applicationId === caller.id) return true;
  const served = caller.resources ?? [];
  return !!token.audience?.some((a) => served.includes(a));
}

/** The user's email, only to a caller the user let see it (`email` scope), and only once the address is verified. */
function usernameOf(token: AccessTokenRecord): string | undefined {
  if (!token.username || !token.emailVerified) return undefined;
  return token.scope.split(' ').includes('email') ? token.username : undefined;
}

/** The deployer's claims for an active token (issue 19); the lookups run only when a module is configured. */
async function deployerClaims(token: AccessTokenRecord, deps: Deps): Promise<Record<string, unknown>> {
  if (!deps.extraClaims) return {};
  const [client, user] = await Promise.all([
    deps.store.findApplicationByClientId(token.clientId),
    token.userId ? deps.store.findUserById(token.userId) : Promise.resolve(null),
  ]);
  if (!client) return {};
  return extraClaimsFor(deps.extraClaims, { user, client, scopes: token.scope.split(' '), kind: 'introspection' });
}

export async function introspect(req: Request, deps: Deps): Promise<Response> {
  if (req.method !== 'POST') {
    throw new OAuthError('invalid_request', 'introspection takes POST only (RFC 7662 §2.1): tokens and client secrets do not belong in URLs', { Allow: 'POST, OPTIONS' }, 405);
  }
  const params = await readParams(req);
  const caller = await authenticateCaller(req, params, deps);
  const now = deps.clock();
  // The lookup has no side effect, so it runs beside the count and the limit adds no round trip of latency.
  const [token, retryAfter] = await Promise.all([
    deps.store.findAccessToken(digest(requireParam(params, 'token'))),
    deps.limits?.consume('introspect_client', caller.application.id, caller.rateLimit),
  ]);
  enforce(deps, 'introspect_client', retryAfter);
  const body =
    isActive(token, now) && maySee(caller.application, token)
      ? {
          ...(await deployerClaims(token, deps)),
          active: true,
          scope: token.scope,
          client_id: token.clientId,
          username: usernameOf(token),
          sub: token.userId ?? undefined,
          exp: Math.floor(token.expiresAt.getTime() / 1000),
          iat: Math.floor(token.createdAt.getTime() / 1000),
          // RFC 9449 §6.2: a DPoP-bound token says so, with the thumbprint of its key.
          token_type: token.jkt ? 'DPoP' : 'Bearer',
          // RFC 7662 §2.2 / RFC 8707: a string for one audience, an array for several.
          aud: token.audience?.length ? (token.audience.length === 1 ? token.audience[0] : token.audience) : undefined,
          cnf: token.jkt ? { jkt: token.jkt } : undefined,
          // Issue 19: the user's roles with the `roles` scope (from the lookup's own join).
          ...(token.userId ? rolesClaim(token.userRoles, token.scope.split(' ')) : {}),
          ...delegationClaims(token.actor),
        }
      : { active: false };
  return withClientCors(json(body, 200, NO_STORE), req, caller.client);
}
