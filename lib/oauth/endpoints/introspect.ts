/**
 * RFC 7662: token introspection. The caller authenticates with client credentials or, as DOT,
 * with a bearer token carrying the `introspection` scope. Anything not active is exactly {"active": false}.
 */
import { bearerFromHeader } from '../bearer';
import { authenticateClient } from '../client-auth';
import type { Deps } from '../context';
import { withClientCors } from '../cors';
import { OAuthError } from '../errors';
import { NO_STORE, json, readParams, requireParam } from '../http';
import { enforce } from '../rate-limit';
import { digest } from '../secrets';
import type { AccessTokenRecord, ClientRecord } from '../store';

export const INTROSPECTION_SCOPE = 'introspection';

export function isActive(t: AccessTokenRecord | null, now: Date): t is AccessTokenRecord {
  return !!t && !t.revokedAt && t.expiresAt.getTime() > now.getTime();
}


/** The caller: its client (null for a bearer caller), and the application its requests count against. */
interface Caller {
  client: ClientRecord | null;
  applicationId: string;
  rateLimit: number | null;
}

async function authenticateCaller(req: Request, params: Map<string, string>, deps: Deps): Promise<Caller> {
  const token = bearerFromHeader(req);
  if (token === null) {
    const { client, method } = await authenticateClient(req, params, deps);
    // RFC 7662 §2.1 / §4: a public client has no credentials, so it cannot be trusted to introspect others' tokens.
    if (method === 'none') throw new OAuthError('invalid_client', 'introspection requires client credentials or a bearer token');
    return { client, applicationId: client.id, rateLimit: client.rateLimit };
  }
  const caller = await deps.store.findAccessToken(digest(token));
  if (!isActive(caller, deps.clock())) {
    throw new OAuthError('invalid_token', 'the bearer token is invalid or expired', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  if (!caller.scope.split(' ').includes(INTROSPECTION_SCOPE)) {
    throw new OAuthError('insufficient_scope', `the bearer token lacks the '${INTROSPECTION_SCOPE}' scope`, {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${INTROSPECTION_SCOPE}"`,
    });
  }
  // A bearer caller counts against the application its token was issued to, at the setting's limit.
  return { client: null, applicationId: caller.applicationId, rateLimit: null };
}

export async function introspect(req: Request, deps: Deps): Promise<Response> {
  const params = await readParams(req);
  const caller = await authenticateCaller(req, params, deps);
  const now = deps.clock();
  // The lookup has no side effect, so it runs beside the count and the limit adds no round trip of latency.
  const [token, retryAfter] = await Promise.all([
    deps.store.findAccessToken(digest(requireParam(params, 'token'))),
    deps.limits?.consume('introspect_client', caller.applicationId, caller.rateLimit),
  ]);
  enforce(deps, 'introspect_client', retryAfter);
  const body = isActive(token, now)
    ? {
        active: true,
        scope: token.scope,
        client_id: token.clientId,
        username: token.username ?? undefined,
        sub: token.userId ?? undefined,
        exp: Math.floor(token.expiresAt.getTime() / 1000),
        iat: Math.floor(token.createdAt.getTime() / 1000),
        token_type: 'Bearer',
        // RFC 7662 §2.2 / RFC 8707: a string for one audience, an array for several.
        aud: token.audience?.length ? (token.audience.length === 1 ? token.audience[0] : token.audience) : undefined,
      }
    : { active: false };
  return withClientCors(json(body, 200, NO_STORE), req, caller.client);
}
