/** RFC 6749 §5.1: minting tokens and the successful token response. */
import { randomUUID } from 'node:crypto';
import type { Deps } from './context';
import { digest, randomToken } from './secrets';
import type { ClientRecord } from './store';

export interface IssueInput {
  client: ClientRecord;
  userId: string | null;
  scope: string[];
  /** Whether to mint a refresh token alongside (code and password grants, as DOT). */
  withRefresh: boolean;
  /** Refresh rotation keeps the family; new grants start one. */
  familyId?: string;
  /** On rotation the new refresh token keeps the original grant's scope (§6). */
  refreshScope?: string[];
  authorizationCodeId?: number | null;
  authTime?: Date | null;
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
  const familyId = input.withRefresh ? (input.familyId ?? randomUUID()) : null;
  const refreshToken = input.withRefresh ? randomToken() : null;
  const now = clock();
  await store.issueTokens(
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
          createdAt: now,
          resources: input.refreshResources !== undefined ? input.refreshResources : (input.audience ?? null),
        }
      : null,
  );
  const body: TokenResponseBody = { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope };
  if (refreshToken) body.refresh_token = refreshToken;
  return body;
}
