/**
 * OIDC Core §5.3: the userinfo endpoint (GET and POST), bearer token with the openid scope; errors
 * per RFC 6750 §3.1. The token must be meant for this server (RFC 8707 audience: none, or this
 * server's), and a browser app may call it from an origin the token's application registered.
 */
import { bearerError, bearerFromHeader, missingBearer } from '../bearer';
import { issuerFor, type Deps } from '../context';
import { withClientCors, withErrorCors } from '../cors';
import { json, NO_STORE, readParams } from '../http';
import { claimsFor } from '../oidc/claims';
import { extraClaimsFor } from '../claims-extension';
import { audienceIncludes, authorizationServerAudience } from '../resource-indicators';
import { digest } from '../secrets';
import { isActive } from './introspect';

export async function userinfo(req: Request, deps: Deps): Promise<Response> {
  let token = bearerFromHeader(req);
  if (token === null && req.method === 'POST') token = (await readParams(req)).get('access_token') ?? null; // RFC 6750 §2.2
  // Thrown errors get CORS in the engine's one error handler; this bare challenge is returned, so here.
  if (token === null) return withErrorCors(missingBearer(), req, deps);
  const record = await deps.store.findAccessToken(digest(token));
  if (!isActive(record, deps.clock()) || !record.userId) throw bearerError('invalid_token', 'the access token is invalid or expired');
  if (!audienceIncludes(record.audience, authorizationServerAudience(issuerFor(req, deps.settings)))) {
    throw bearerError('invalid_token', 'the access token is meant for another resource (RFC 8707 audience), not this server');
  }
  const scope = record.scope.split(' ');
  if (!scope.includes('openid')) throw bearerError('insufficient_scope', "the access token lacks the 'openid' scope", { scope: 'openid' });
  const user = await deps.store.findUserById(record.userId);
  if (!user) throw bearerError('invalid_token', 'the user no longer exists');
  deps.events.emit('token_authenticated', { applicationId: record.applicationId, clientId: record.clientId, userId: record.userId, scope });
  // The token's application is the client here: its allowed origins decide, looked up only for a
  // browser's request or for the deployer's claims module.
  const client = req.headers.get('origin') || deps.extraClaims ? await deps.store.findApplicationByClientId(record.clientId) : null;
  const extra = client ? await extraClaimsFor(deps.extraClaims, { user, client, scopes: scope, kind: 'userinfo' }) : {};
  return withClientCors(json({ ...extra, ...claimsFor(user, scope) }, 200, NO_STORE), req, client);
}
