/** RFC 6749 §4.1.3: exchanging an authorization code, with PKCE (RFC 7636 §4.5-4.6). */
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { issueTokens } from '../issue';
import { verifyPkce } from '../pkce';
import { audienceFor } from '../resource-indicators';
import { parseScope } from '../scopes';
import { digest } from '../secrets';
import type { Grant } from './types';
import { issuesIdTokens } from '../oidc/enabled';
import { requireBoundKey } from '../dpop/token-request';

export const authorizationCode: Grant = {
  grantType: 'authorization_code',
  parameters: ['code'],
  async handle(params, { client, dpop }, deps, req) {
    const now = deps.clock();
    // §4.1.3: the code must have been issued to this client; the claim itself checks that, so
    // another client holding a stolen code neither uses it up nor sets off replay detection.
    const found = await deps.store.consumeAuthorizationCode(digest(params.get('code')!), client.id, now);
    if (!found) throw new OAuthError('invalid_grant', 'authorization code is invalid');
    const { code, firstUse } = found;
    if (!firstUse) {
      // §4.1.2: a code used twice is an attack or a bug; revoke what the first use issued.
      await deps.store.revokeTokensFromCode(code.id, now);
      deps.events.emit('token_revoked', { applicationId: client.id, clientId: client.clientId, tokenType: 'refresh_token', reason: 'code_replay', userId: code.userId });
      throw new OAuthError('invalid_grant', 'authorization code was already used; tokens issued from it are revoked');
    }
    if (code.expiresAt.getTime() <= now.getTime()) throw new OAuthError('invalid_grant', 'authorization code has expired');

    // §4.1.3: redirect_uri must be present and identical when it was included in the authorization request.
    const redirectUri = params.get('redirect_uri');
    if (code.redirectUri !== null && redirectUri !== code.redirectUri) {
      throw new OAuthError('invalid_grant', redirectUri === undefined ? "missing 'redirect_uri' sent with the authorization request" : 'redirect_uri does not match the authorization request');
    }

    const verifier = params.get('code_verifier');
    if (code.codeChallenge) {
      if (verifier === undefined) throw new OAuthError('invalid_grant', "missing 'code_verifier' for a code issued with a PKCE challenge");
      if (!verifyPkce(verifier, code.codeChallenge, code.codeChallengeMethod ?? 'plain')) {
        throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
      }
    } else if (verifier !== undefined) {
      // RFC 9700 §4.8.2: a verifier for a code without a challenge is a PKCE downgrade attempt.
      throw new OAuthError('invalid_grant', 'code_verifier sent for a code issued without a code_challenge');
    }

    // RFC 9449 §10: a code bound to a key (dpop_jkt) is redeemed only with a proof of that key.
    requireBoundKey(code.dpopJkt, dpop, 'authorization code');

    const scope = parseScope(code.scope);
    // RFC 8707 §2.2: the token may be for a subset of the resources the authorization request named.
    const audience = await audienceFor(params, code.resources ?? null, issuerFor(req, deps.settings), deps);
    // Every client gets a refresh token here, public ones too (agents must outlive the access
    // token without asking for offline_access); public clients' ones always rotate (refresh-token.ts).
    const body = await issueTokens(
      {
        client,
        userId: code.userId,
        scope,
        withRefresh: true,
        authorizationCodeId: code.id,
        authTime: code.authTime,
        authMethods: code.authMethods ?? null,
        acr: code.acr ?? null,
        audience,
        issuer: issuerFor(req, deps.settings),
        refreshResources: code.resources ?? null,
        sessionId: code.sessionId ?? null,
        from: { authorizationCodeId: code.id },
        dpop,
      },
      deps,
    );
    if (deps.idTokens && scope.includes('openid') && issuesIdTokens(client)) {
      body.id_token = await deps.idTokens.sign({ client, userId: code.userId, nonce: code.nonce, authTime: code.authTime, authMethods: code.authMethods, acr: code.acr, sessionId: code.sessionId, accessToken: body.access_token, scope, issuer: issuerFor(req, deps.settings) });
    }
    return body;
  },
};
