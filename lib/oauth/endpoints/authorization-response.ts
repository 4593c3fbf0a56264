/**
 * RFC 6749 §4.1.2 / §4.2.2: the authorization response — the code (or implicit tokens) for an
 * approved request, or the error redirect. The consent decision that leads here is consent.ts.
 */
import type { Deps, SignedInUser } from '../context';
import type { OAuthErrorCode } from '../errors';
import { buildRedirect } from '../http';
import { issueTokens } from '../issue';
import { digest, randomToken } from '../secrets';
import { acrFor } from '../oidc/amr';
import type { AuthorizationRequest, ClientRecord } from '../store';

type ResponseTarget = Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state' | 'issuer'>;

/** §4.1.2.1: error, error_description and state back to the client, with iss (RFC 9207). */
export function errorRedirect(target: ResponseTarget, error: OAuthErrorCode | string, description: string): string {
  return buildRedirect(
    target.redirectUri,
    { error, error_description: description, state: target.state, iss: target.issuer },
    target.responseMode,
  );
}

/** Issues the code (or implicit tokens) for an approved request and returns where to send the browser. */
export async function completeAuthorization(
  request: AuthorizationRequest,
  client: ClientRecord,
  user: SignedInUser,
  scope: string[],
  deps: Deps,
): Promise<string> {
  const now = deps.clock();
  await deps.store.recordConsent(user.userId, client.id, scope, now, request.resources ?? []);
  // OIDC Back-Channel Logout: the applications this browser session signed into hear of its end.
  const sessionId = user.sessionId ?? null;
  if (sessionId) await deps.store.recordSessionApplication(sessionId, client.id, now);
  deps.events.emit('app_authorized', { applicationId: client.id, clientId: client.clientId, userId: user.userId, scope });
  const authTime = new Date(user.authTime * 1000);
  // Issue 22: how the person signed in, for the ID token (codes and refresh tokens keep it).
  const authMethods = user.authMethods ?? [];
  const acr = acrFor(authMethods);
  const common = { state: request.state, iss: request.issuer };

  if (request.responseType === 'code') {
    const code = randomToken();
    await deps.store.createAuthorizationCode({
      codeDigest: digest(code),
      applicationId: client.id,
      userId: user.userId,
      redirectUri: request.redirectUriSent ? request.redirectUri : null,
      scope: scope.join(' '),
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
      nonce: request.nonce,
      authTime,
      authMethods,
      acr,
      expiresAt: new Date(now.getTime() + deps.settings.authorizationCodeExpireSeconds * 1000),
      resources: request.resources?.length ? request.resources : null,
      dpopJkt: request.dpopJkt ?? null,
      sessionId,
    });
    return buildRedirect(request.redirectUri, { code, ...common }, request.responseMode);
  }

  // §4.2.2 implicit (and OIDC id_token / id_token token): tokens in the fragment, never a refresh token.
  const out: Record<string, string | null> = { ...common };
  let accessToken: string | undefined;
  if (request.responseType.includes('token') && request.responseType !== 'id_token') {
    // No DPoP proof reaches the authorization endpoint: implicit tokens are bearer tokens (authorize refuses them to "Require DPoP" clients).
    const body = await issueTokens({ client, userId: user.userId, scope, withRefresh: false, audience: request.resources?.length ? request.resources : null, issuer: request.issuer, dpop: null, sessionId }, deps);
    accessToken = body.access_token;
    Object.assign(out, { access_token: body.access_token, token_type: body.token_type, expires_in: String(body.expires_in), scope: body.scope });
  }
  if (request.responseType.startsWith('id_token') && deps.idTokens) {
    out.id_token = await deps.idTokens.sign({ client, userId: user.userId, nonce: request.nonce, authTime, authMethods, acr, sessionId, accessToken, scope, issuer: request.issuer });
  }
  return buildRedirect(request.redirectUri, out, 'fragment');
}
