/**
 * RFC 6749 §6: refreshing, with rotation (OAUTH2_ROTATE_REFRESH_TOKEN), a grace period for a
 * lost response, and reuse detection that revokes the whole family (RFC 9700 §4.14.2).
 * Public clients' refresh tokens always rotate: they are not sender-constrained, so rotation is
 * what detects a stolen one (RFC 9700 §4.14.2, OAuth 2.1 §4.3.1).
 */
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { issueTokens } from '../issue';
import { audienceFor } from '../resource-indicators';
import { narrowScopes, parseScope } from '../scopes';
import { withinAllowed } from '../client-scopes';
import { digest } from '../secrets';
import type { ClientRecord, RefreshTokenRecord } from '../store';
import type { Deps } from '../context';
import type { Grant } from './types';
import { issuesIdTokens } from '../oidc/enabled';
import { requireBoundKey } from '../dpop/token-request';

const INVALID = 'refresh token is invalid';

export const refreshToken: Grant = {
  grantType: 'refresh_token',
  parameters: ['refresh_token'],
  async handle(params, { client, dpop }, deps, req) {
    const now = deps.clock();
    const tokenDigest = digest(params.get('refresh_token')!);
    const rotate = deps.settings.rotateRefreshToken || client.clientType === 'public';
    const issuer = issuerFor(req, deps.settings);
    const narrowing = params.has('scope') || params.has('resource');
    // A public client's refresh token may be bound to a DPoP key (RFC 9449 §5).
    if (rotate && (narrowing || client.clientType === 'public')) {
      // Check before claiming: a refused request (a narrowing, or a proof of another key held by
      // whoever stole the token) must not use up the refresh token or set off reuse detection.
      const peek = await deps.store.findRefreshToken(tokenDigest);
      if (peek && peek.applicationId === client.id && !peek.revokedAt) {
        requireBoundKey(peek.jkt, dpop, 'refresh token');
        if (narrowing) {
          narrowScopes(params.get('scope'), withinAllowed(parseScope(peek.scope), client, deps.settings));
          await audienceFor(params, peek.resources ?? null, issuer, deps);
        }
      }
    }
    // §6: the refresh token must have been issued to this client. Checked in the claim itself, so
    // another client holding a stolen one neither uses it up nor revokes its family.
    const token = rotate ? await claim(tokenDigest, client, now, deps) : await deps.store.findRefreshToken(tokenDigest);
    if (!token || token.applicationId !== client.id || token.revokedAt) throw new OAuthError('invalid_grant', INVALID);
    // RFC 9449 §5 (again, for a client that was public when the token was bound).
    requireBoundKey(token.jkt, dpop, 'refresh token');
    // The application's own refresh token lifetime (issue 19) replaces the setting.
    const max = client.refreshTokenLifetime ?? deps.settings.refreshTokenExpireSeconds;
    if (max !== null && now.getTime() - token.createdAt.getTime() > max * 1000) throw new OAuthError('invalid_grant', 'refresh token has expired');

    const original = parseScope(token.scope);
    // Within what the application may have today: scopes taken off its list stop at the next refresh.
    const scope = narrowScopes(params.get('scope'), withinAllowed(original, client, deps.settings));
    // RFC 8707 §2.2: each access token may be for a subset of the grant's resources.
    const audience = await audienceFor(params, token.resources ?? null, issuer, deps);
    // As DOT: the access token the refresh token came with stops working.
    if (token.accessTokenId !== null) await deps.store.revokeAccessToken(token.accessTokenId, now);

    if (!rotate) {
      // The access token joins the refresh token's family (revoking the refresh token revokes it)
      // and becomes the one the next refresh revokes, so they do not pile up.
      const body = await issueTokens(
        {
          client,
          userId: token.userId,
          scope,
          withRefresh: false,
          familyId: token.familyId,
          authorizationCodeId: token.authorizationCodeId,
          audience,
          issuer,
          sessionId: token.sessionId ?? null,
          from: { refreshTokenId: token.id, repoint: true },
          dpop,
        },
        deps,
      );
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
        authMethods: token.authMethods ?? null,
        acr: token.acr ?? null,
        audience,
        issuer,
        refreshResources: token.resources ?? null,
        sessionId: token.sessionId ?? null,
        from: { refreshTokenId: token.id },
        dpop,
        // §5: the new refresh token keeps the original's binding (or its absence).
        refreshJkt: token.jkt ?? null,
      },
      deps,
    );
    if (deps.idTokens && scope.includes('openid') && token.userId && issuesIdTokens(client)) {
      body.id_token = await deps.idTokens.sign({ client, userId: token.userId, nonce: null, authTime: token.authTime, authMethods: token.authMethods, acr: token.acr, sessionId: token.sessionId, accessToken: body.access_token, scope, issuer });
    }
    return body;
  },
};

/**
 * Marks the token rotated atomically, so two concurrent refreshes cannot both win. The loser
 * (or a later replay) gets tokens only within the grace period; after it, reuse revokes the family.
 */
async function claim(tokenDigest: string, client: ClientRecord, now: Date, deps: Deps): Promise<RefreshTokenRecord | null> {
  const claimed = await deps.store.claimRefreshToken(tokenDigest, client.id, now);
  if (claimed) return claimed;
  const token = await deps.store.findRefreshToken(tokenDigest);
  // Another client's token: refused before any reuse logic, so its family is left alone.
  if (!token || token.applicationId !== client.id || token.revokedAt) return null;
  const grace = deps.settings.refreshTokenGracePeriodSeconds * 1000;
  if (token.rotatedAt && now.getTime() - token.rotatedAt.getTime() <= grace && grace > 0) return token;
  await deps.store.revokeTokenFamily(token.familyId, now);
  deps.events.emit('token_revoked', { applicationId: client.id, clientId: client.clientId, tokenType: 'refresh_token', reason: 'refresh_reuse', userId: token.userId });
  throw new OAuthError('invalid_grant', 'refresh token was already used; every token of this grant is revoked');
}
