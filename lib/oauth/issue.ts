/** RFC 6749 §5.1: minting tokens and the successful token response. */
import { randomUUID } from 'node:crypto';
import type { Deps } from './context';
import { OAuthError } from './errors';
import { digest, randomToken } from './secrets';
import type { Actor, ClientRecord, IssuedFrom } from './store';
import { mintJwtAccessToken, wantsJwt } from './jwt-access-token';
import type { DpopProof } from './dpop/proof';

export interface IssueInput {
  client: ClientRecord;
  userId: string | null;
  scope: string[];
  /** Whether to mint a refresh token alongside (code and password grants, as DOT). */
  withRefresh: boolean;
  /** Refresh rotation keeps the family; new grants start one. Tokens minted by a refresh join it, rotated or not. */
  familyId?: string;
  /** The code or refresh token these tokens come from: they are issued only while it is not revoked (store.issueTokens). */
  from?: IssuedFrom;
  /** On rotation the new refresh token keeps the original grant's scope (§6). */
  refreshScope?: string[];
  authorizationCodeId?: number | null;
  authTime?: Date | null;
  /** The sign-in's amr and acr, kept on the refresh token (issue 22). */
  authMethods?: string[] | null;
  acr?: string | null;
  /** RFC 8707: the access token's audience; null or absent = not restricted. */
  audience?: string[] | null;
  /** RFC 8707 §2.2: the grant's resources the refresh token keeps (defaults to the audience). */
  refreshResources?: string[] | null;
  /**
   * RFC 9068: the issuer the request was made to (issuerFor(req)), a JWT access token's iss.
   * Required, so a new grant cannot forget it and fail only for applications with JWT tokens.
   */
  issuer: string;
  /**
   * RFC 9449 §5: the DPoP proof of the token request (the grant's `auth.dpop`); the access token is
   * bound to its key. Required, as `issuer` is, so a new grant cannot forget it; null: a bearer token.
   */
  dpop: DpopProof | null;
  /**
   * The refresh token's binding when it carries one over (a rotation keeps the original's); absent:
   * a public client's new refresh token is bound to the proof's key, a confidential client's never (§5).
   */
  refreshJkt?: string | null;
  /** RFC 8693: the delegation chain (`act`) and the token exchanged from (absent: not an exchange). */
  actor?: Actor | null;
  subjectTokenId?: number | null;
  /** RFC 8693: the access token ends no later than this (its subject token's expiry). */
  notAfter?: Date;
  /** The browser session the grant came from (back-channel logout; logout revokes its tokens). */
  sessionId?: string | null;
}

export interface TokenResponseBody {
  access_token: string;
  /** RFC 9449 §5: DPoP when the access token is bound to a key. */
  token_type: 'Bearer' | 'DPoP';
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
  /** RFC 8693 §2.2.1: the type of the token an exchange issued. */
  issued_token_type?: string;
}

export async function issueTokens(input: IssueInput, deps: Deps): Promise<TokenResponseBody> {
  const { settings, clock, store } = deps;
  // Issue 19: the application's own lifetime replaces the setting.
  const lifetime = input.client.accessTokenLifetime ?? settings.accessTokenExpireSeconds;
  const scope = input.scope.join(' ');
  // DOT's refresh_token_allowed: an application switched off gets no new grant's refresh token
  // (a refresh token it already holds keeps rotating until it is revoked or expires).
  const withRefresh = input.withRefresh && (input.familyId !== undefined || input.client.issueRefreshTokens !== false);
  const familyId = input.familyId ?? (withRefresh ? randomUUID() : null);
  const refreshToken = withRefresh ? randomToken() : null;
  const now = clock();
  const jkt = input.dpop?.jkt ?? null;
  // §5: confidential clients authenticate on every refresh, so their refresh tokens stay unbound
  // (they may change keys); a public client's is bound to the key it first proved.
  const refreshJkt = input.refreshJkt !== undefined ? input.refreshJkt : input.client.clientType === 'public' ? jkt : null;
  // RFC 8693: an exchanged token never outlives the token it was exchanged from.
  const expiresAt = new Date(Math.min(now.getTime() + lifetime * 1000, input.notAfter?.getTime() ?? Infinity));
  const expiresIn = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  const accessToken = (await wantsJwt(input.client, input.audience, deps)) ? await mintJwt(input, scope, now, expiresAt, jkt, deps) : randomToken();
  const issued = await store.issueTokens(
    {
      tokenDigest: digest(accessToken),
      applicationId: input.client.id,
      userId: input.userId,
      scope,
      expiresAt,
      authorizationCodeId: input.authorizationCodeId ?? null,
      familyId,
      createdAt: now,
      audience: input.audience ?? null,
      jkt,
      ...(input.actor ? { actor: input.actor, subjectTokenId: input.subjectTokenId ?? null } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    },
    refreshToken && familyId
      ? {
          tokenDigest: digest(refreshToken),
          applicationId: input.client.id,
          userId: input.userId,
          scope: (input.refreshScope ?? input.scope).join(' '),
          familyId,
          authorizationCodeId: input.authorizationCodeId ?? null,
          authTime: input.authTime ?? null,
          authMethods: input.authMethods ?? null,
          acr: input.acr ?? null,
          createdAt: now,
          resources: input.refreshResources !== undefined ? input.refreshResources : (input.audience ?? null),
          jkt: refreshJkt,
          ...(input.sessionId ? { sessionId: input.sessionId } : {}),
        }
      : null,
    input.from,
  );
  // The code was replayed or the refresh token revoked while this request was under way.
  if (!issued) throw new OAuthError('invalid_grant', 'the grant was revoked while the tokens were being issued');
  const body: TokenResponseBody = { access_token: accessToken, token_type: jkt ? 'DPoP' : 'Bearer', expires_in: expiresIn, scope };
  if (refreshToken) body.refresh_token = refreshToken;
  return body;
}

/** RFC 9068: the access token as a signed JWT (its digest is stored like an opaque token's). */
function mintJwt(input: IssueInput, scope: string, issuedAt: Date, expiresAt: Date, jkt: string | null, deps: Deps): Promise<string> {
  return mintJwtAccessToken(
    { client: input.client, userId: input.userId, scope, audience: input.audience ?? null, authTime: input.authTime, authentication: { amr: input.authMethods, acr: input.acr }, issuer: input.issuer, issuedAt, expiresAt, jkt, actor: input.actor },
    deps,
  );
}
