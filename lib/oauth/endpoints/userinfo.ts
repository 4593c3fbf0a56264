/** OIDC Core §5.3: the userinfo endpoint (GET and POST), bearer token with the openid scope; errors per RFC 6750 §3.1. */
import { bearerError, bearerFromHeader, missingBearer } from '../bearer';
import type { Deps } from '../context';
import { json, NO_STORE, readParams } from '../http';
import { claimsFor } from '../oidc/claims';
import { digest } from '../secrets';
import { isActive } from './introspect';

export async function userinfo(req: Request, deps: Deps): Promise<Response> {
  let token = bearerFromHeader(req);
  if (token === null && req.method === 'POST') token = (await readParams(req)).get('access_token') ?? null; // RFC 6750 §2.2
  if (token === null) return missingBearer();
  const record = await deps.store.findAccessToken(digest(token));
  if (!isActive(record, deps.clock()) || !record.userId) throw bearerError('invalid_token', 'the access token is invalid or expired');
  const scope = record.scope.split(' ');
  if (!scope.includes('openid')) throw bearerError('insufficient_scope', "the access token lacks the 'openid' scope", { scope: 'openid' });
  const user = await deps.store.findUserById(record.userId);
  if (!user) throw bearerError('invalid_token', 'the user no longer exists');
  return json(claimsFor(user, scope), 200, NO_STORE);
}
