/** RFC 6749 §3.2: the token endpoint. Authenticate the client, dispatch on grant_type, answer no-store JSON. */
import { mayUseGrant } from '@/lib/applications/options';
import { authenticateClient } from '../client-auth';
import type { Deps } from '../context';
import { withClientCors } from '../cors';
import { OAuthError } from '../errors';
import { NO_STORE, json, readParams, requireParam } from '../http';
import { authorizationCode } from '../grants/authorization-code';
import { clientCredentials } from '../grants/client-credentials';
import { deviceCode } from '../grants/device-code';
import { password } from '../grants/password';
import { refreshToken } from '../grants/refresh-token';
import { tokenExchange } from '../grants/token-exchange';
import type { Grant } from '../grants/types';
import { clientLimitKey, enforce } from '../rate-limit';
import { tokenRequestProof, withDpopNonce } from '../dpop/token-request';

/**
 * The grants the token endpoint answers, by grant_type (the grant table, lib/applications/options.ts,
 * says who may use them). A Map, not an object: grant_type=constructor must find nothing.
 */
const HANDLERS = new Map<string, Grant>([authorizationCode, refreshToken, clientCredentials, password, deviceCode, tokenExchange].map((g) => [g.grantType, g]));

export async function token(req: Request, deps: Deps): Promise<Response> {
  if (req.method !== 'POST') throw new OAuthError('invalid_request', 'the token endpoint accepts POST only', { Allow: 'POST' });
  const params = await readParams(req);
  const limits = deps.limits;
  // Per address, counted while the client authenticates; refused before whatever authentication says.
  const byIp = limits?.consume('token_ip', limits.clientIp(req));
  const auth = await authenticateClient(req, params, deps).catch(async (e: unknown) => {
    enforce(deps, 'token_ip', await byIp);
    throw e;
  });
  enforce(deps, 'token_ip', await byIp);
  // Per client once it is known; an application's own rate_limit replaces the setting.
  if (limits) enforce(deps, 'token_client', await limits.consume('token_client', clientLimitKey(limits, req, auth.client, auth.method), auth.client.rateLimit));
  const grantType = requireParam(params, 'grant_type');
  const grant = HANDLERS.get(grantType);
  if (!grant) throw new OAuthError('unsupported_grant_type', `unsupported grant_type '${grantType}'`);
  // As DOT: refresh tokens come with the authorization-code and password grants (the grant table says which).
  if (!mayUseGrant(auth.client.grantTypes, grantType)) {
    throw new OAuthError('unauthorized_client', `this client is not allowed to use the ${grantType} grant`);
  }
  for (const name of grant.parameters) requireParam(params, name);
  // RFC 9449 §5: the DPoP proof, checked before the grant uses up its code or refresh token.
  const dpop = await tokenRequestProof(req, auth.client, deps);
  const body = await grant.handle(params, { ...auth, dpop }, deps, req);
  deps.events.emit('token_issued', { applicationId: auth.client.id, clientId: auth.client.clientId, grantType });
  const res = withClientCors(json(body, 200, NO_STORE), req, auth.client);
  return dpop ? withDpopNonce(res, deps) : res;
}
