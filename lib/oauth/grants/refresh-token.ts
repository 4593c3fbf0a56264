/**
 * RFC 6749 §6: refreshing, with rotation (OAUTH2_ROTATE_REFRESH_TOKEN), a grace period for a
 * lost response, and reuse detection that revokes the whole family (RFC 9700 §4.14.2).
 * Public clients' refresh tokens always rotate: they are not sender-constrained, so rotation is
 * what detects a stolen one (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1).
 */
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { issueTokens } from '../issue';
import { audienceFor } from '../resources';
import { narrowScopes, parseScope } from '../scopes';
import { digest } from '../secrets';
import type { RefreshTokenRecord } from '../store';
import type { Deps } from '../context';
import type { Grant } from './types';
import { issuesIdTokens } from '../oidc/enabled';

const INVALID = 'refresh token is invalid';

export const refreshToken: Grant = {
  grantType: 'refresh_token',
  parameters: ['refresh_token'],
  async handle(params, { client }, deps, req) {
    const now = deps.clock();
    const tokenDigest = digest(params.get('refresh_token')!);
    const rotate = deps.settings.rotateRefreshToken || client.clientType === 'public';
    const issuer = issuerFor(req, deps.settings);
    if (rotate && (params.has('scope') || params.has('resource'))) {
      // Check a narrowing request before claiming: a refused one must not use up the refresh token.
      const peek = await deps.store.findRefreshToken(tokenDigest);
      if (peek && peek.applicationId === client.id && !peek.revokedAt) {
        narrowScopes(params.get('scope'), parseScope(peek.scope));
        await audienceFor(params, peek.resources ?? null, issuer, deps);
      }
    }
    const token = rotate ? await claim(tokenDigest, now, deps) : await deps.store.findRefreshToken(tokenDigest);
    if (!token || token.applicationId !== client.id || token.revokedAt) throw new OAuthError('invalid_grant', INVALID);
    const max = deps.settings.refreshTokenExpireSeconds;
    if (max !== null && now.getTime() - token.createdAt.getTime() > max * 1000) throw new OAuthError('invalid_grant', 'refresh token has expired');

    const original = parseScope(token.scope);
    const scope = narrowScopes(params.get('scope'), original);
    // RFC 8707 §2.2: each access token may be for a subset of the grant's resources.
    const audience = await audienceFor(params, token.resources ?? null, issuer, deps);
    // As DOT: the access token the refresh token came with stops working.
    if (token.accessTokenId !== null) await deps.store.revokeAccessToken(token.accessTokenId, now);

    if (!rotate) {
      const body = await issueTokens({ client, userId: token.userId, scope, withRefresh: false, authorizationCodeId: token.authorizationCodeId, audience }, deps);
      return { ...body, refresh_token: params.get('refresh_token')! };
    }
    const body = await issueTokens(
      {
        client,
        userId: token.userId,
        scope,
        refreshScope: original,
        withRefresh: true,
        familyId: token.familyId,
        authorizationCodeId: token.authorizationCodeId,
        authTime: token.authTime,
        audience,
        refreshResources: token.resources ?? null,
      },
      deps,
    );
    if (deps.idTokens && scope.includes('openid') && token.userId && issuesIdTokens(client)) {
      body.id_token = await deps.idTokens.sign({ client, userId: token.userId, nonce: null, authTime: token.authTime, accessToken: body.access_token, scope, issuer });
    }
    return body;
  },
};

/**
 * Marks the token rotated atomically, so two concurrent refreshes cannot both win. The loser
 * (or a later replay) gets tokens only within the grace period; after it, reuse revokes the family.
 */
async function claim(tokenDigest: string, now: Date, deps: Deps): Promise<RefreshTokenRecord | null> {
  const claimed = await deps.store.claimRefreshToken(tokenDigest, now);
  if (claimed) return claimed;
  const token = await deps.store.findRefreshToken(tokenDigest);
  if (!token || token.revokedAt) return token;
  const grace = deps.settings.refreshTokenGracePeriodSeconds * 1000;
  if (token.rotatedAt && now.getTime() - token.rotatedAt.getTime() <= grace && grace > 0) return token;
  await deps.store.revokeTokenFamily(token.familyId, now);
  throw new OAuthError('invalid_grant', 'refresh token was already used; every token of this grant is revoked');
}
