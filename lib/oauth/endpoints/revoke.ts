/** RFC 7009: token revocation. */
import { authenticateClient } from '../client-auth';
import type { Deps } from '../context';
import { withClientCors } from '../cors';
import { NO_STORE, readParams, requireParam } from '../http';
import { clientLimitKey, enforce } from '../rate-limit';
import { digest } from '../secrets';

export async function revoke(req: Request, deps: Deps): Promise<Response> {
  const params = await readParams(req);
  const { client, method } = await authenticateClient(req, params, deps); // §2.1: public clients send client_id
  if (deps.limits) enforce(deps, 'revoke_client', await deps.limits.consume('revoke_client', clientLimitKey(deps.limits, req, client, method), client.rateLimit));
  const tokenDigest = digest(requireParam(params, 'token'));
  const now = deps.clock();
  // §2.1: the hint only orders the lookups; a wrong or unknown hint still finds the token.
  const refreshFirst = params.get('token_type_hint') === 'refresh_token';
  const tryAccess = async () => {
    const t = await deps.store.findAccessToken(tokenDigest);
    if (!t || t.applicationId !== client.id) return false;
    await deps.store.revokeAccessToken(t.id, now);
    deps.events.emit('token_revoked', { applicationId: client.id, clientId: client.clientId, tokenType: 'access_token', userId: t.userId });
    return true;
  };
  const tryRefresh = async () => {
    const t = await deps.store.findRefreshToken(tokenDigest);
    if (!t || t.applicationId !== client.id) return false;
    // §2.1: revoking a refresh token revokes the access tokens of the same grant (its whole family).
    await deps.store.revokeTokenFamily(t.familyId, now);
    deps.events.emit('token_revoked', { applicationId: client.id, clientId: client.clientId, tokenType: 'refresh_token', userId: t.userId });
    return true;
  };
  const [first, second] = refreshFirst ? [tryRefresh, tryAccess] : [tryAccess, tryRefresh];
  if (!(await first())) await second();
  // §2.2: 200 whether or not the token existed or belonged to this client, so nothing can be probed.
  return withClientCors(new Response(null, { status: 200, headers: NO_STORE }), req, client);
}
