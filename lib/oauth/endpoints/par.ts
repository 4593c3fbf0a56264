/**
 * RFC 9126 §2: the pushed authorization request endpoint. The client authenticates (a public
 * client by client_id), sends what it would have put in the authorization URL, and gets a
 * one-minute, single-use request_uri for /o/authorize. The request is validated here exactly as
 * /o/authorize validates it (the same function), and stored as validated.
 */
import { authenticateClient } from '../client-auth';
import type { Deps } from '../context';
import { OAuthError, type OAuthErrorCode } from '../errors';
import { json, NO_STORE, readParams } from '../http';
import { PUSHED_REQUEST_LIFETIME, REQUEST_URI_PREFIX } from '../par/take';
import { enforce } from '../rate-limit';
import { digest, randomToken } from '../secrets';
import { AuthorizationError, UntrustedRequest } from './authorization-request-errors';
import { validateAuthorizationRequest } from './authorize';
import { dpopProofFor } from '../dpop/token-request';
import { dpopError } from '../dpop/challenge';

export async function pushedAuthorizationRequest(req: Request, deps: Deps): Promise<Response> {
  if (req.method !== 'POST') throw new OAuthError('invalid_request', 'the pushed authorization request endpoint accepts POST only', { Allow: 'POST' });
  const params = await readParams(req);
  const limits = deps.limits;
  const byIp = limits?.consume('authorize_ip', limits.clientIp(req));
  const { client } = await authenticateClient(req, params, deps).catch(async (e: unknown) => {
    enforce(deps, 'authorize_ip', await byIp);
    throw e;
  });
  enforce(deps, 'authorize_ip', await byIp);
  // §2.1: a request_uri cannot itself be pushed.
  if (params.has('request_uri')) throw new OAuthError('invalid_request', "'request_uri' must not be sent to the pushed authorization request endpoint");
  // With Basic authentication the body may leave client_id out: it is the authenticated client.
  params.set('client_id', client.clientId);

  let request;
  try {
    ({ request } = await validateAuthorizationRequest(req, params, deps));
  } catch (e) {
    // §2.3: the errors the authorization endpoint would have shown or redirected, as JSON.
    if (e instanceof UntrustedRequest) throw new OAuthError(e.code as OAuthErrorCode, e.description);
    if (e instanceof AuthorizationError) throw new OAuthError(e.code, e.description);
    throw e;
  }
  // RFC 9449 §10.1: a DPoP proof sent here binds the code too; with dpop_jkt they must name the same key.
  const proof = await dpopProofFor(req, deps);
  if (proof) {
    if (request.dpopJkt !== undefined && request.dpopJkt !== proof.jkt) {
      throw dpopError('invalid_dpop_proof', 'dpop_jkt and the DPoP proof sent with the request name different keys');
    }
    request = { ...request, dpopJkt: proof.jkt };
  }

  const now = deps.clock();
  const requestUri = `${REQUEST_URI_PREFIX}${randomToken()}`;
  await deps.store.createPushedRequest({
    requestUriDigest: digest(requestUri),
    applicationId: client.id,
    request,
    expiresAt: new Date(now.getTime() + PUSHED_REQUEST_LIFETIME * 1000),
    createdAt: now,
  });
  return json({ request_uri: requestUri, expires_in: PUSHED_REQUEST_LIFETIME }, 201, NO_STORE);
}
