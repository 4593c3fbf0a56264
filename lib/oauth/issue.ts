/** RFC 6749 §5.1: minting tokens and the successful token response. */
import { randomUUID } from 'node:crypto';
import type { Deps } from './context';
import { OAuthError } from './errors';
import { digest, randomToken } from './secrets';
import type { ClientRecord, IssuedFrom } from './store';

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
}

export interface TokenResponseBody {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

export async function issueTokens(input: IssueInput, deps: Deps): Promise<TokenResponseBody> {
  const { settings, clock, store } = deps;
  const accessToken = randomToken();
  const expiresIn = settings.accessTokenExpireSeconds;
  const scope = input.scope.join(' ');
  const familyId = input.familyId ?? (input.withRefresh ? randomUUID() : null);
  const refreshToken = input.withRefresh ? randomToken() : null;
  const now = clock();
  const issued = await store.issueTokens(
    {
      tokenDigest: digest(accessToken),
      applicationId: input.client.id,
      userId: input.userId,
      scope,
      expiresAt: new Date(now.getTime() + expiresIn * 1000),
      authorizationCodeId: input.authorizationCodeId ?? null,
      familyId,
      createdAt: now,
      audience: input.audience ?? null,
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
        }
      : null,
    input.from,
  );
  // The code was replayed or the refresh token revoked while this request was under way.
  if (!issued) throw new OAuthError('invalid_grant', 'the grant was revoked while the tokens were being issued');
  const body: TokenResponseBody = { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope };
  if (refreshToken) body.refresh_token = refreshToken;
  return body;
}
