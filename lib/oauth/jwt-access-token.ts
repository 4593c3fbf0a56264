/**
 * RFC 9068: access tokens as JWTs a resource server can verify without calling us. They are
 * signed with the server's signing keys (the JWKS at /o/.well-known/jwks.json), always RS256
 * (§4: the one algorithm every resource server must support), with header typ "at+jwt".
 * The token's digest is still stored like an opaque token's, so introspection, revocation and
 * the bearer checks of this server see no difference.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { extraClaimsFor } from './claims-extension';
import type { Deps } from './context';
import { ROLES_SCOPE, rolesClaim } from './oidc/claims';
import { OAuthError } from './errors';
import { delegationClaims } from './delegation';
import type { Actor, ClientRecord } from './store';

export const JWT_ACCESS_TOKEN_TYPE = 'at+jwt';
export const JWT_ACCESS_TOKEN_ALG = 'RS256';

/** How the person signed in (OIDC Core §2 acr, RFC 8176 amr), as recorded with the code or refresh token. */
export interface AuthenticationContext {
  acr?: string | null;
  amr?: string[] | null;
}

export interface JwtAccessTokenInput {
  client: ClientRecord;
  userId: string | null;
  scope: string;
  audience: string[] | null;
  authTime?: Date | null;
  authentication?: AuthenticationContext;
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
  /** RFC 9449 §6.1: the DPoP key the token is bound to, as cnf.jkt; null or absent = a bearer token. */
  jkt?: string | null;
  /** RFC 8693 §4.1: the delegation chain of an exchanged token. */
  actor?: Actor | null;
}

/**
 * Whether this token is a JWT: the client asked for JWTs, or (RFC 8707) one of the resources it
 * is for belongs to an API configured for JWTs. The lookup runs only when resources were named
 * and the client's own format is opaque, so the common path costs no query.
 */
export async function wantsJwt(client: ClientRecord, audience: string[] | null | undefined, deps: Deps): Promise<boolean> {
  if (client.accessTokenFormat === 'jwt') return true;
  if (!audience?.length) return false;
  return deps.store.resourcesWantJwtAccessTokens(audience);
}

/** §2.2 claims: iss, exp, aud, sub, client_id, iat, jti, scope, and auth_time / acr / amr when known; §2.2.3.1 roles with the scope; cnf.jkt when DPoP-bound (RFC 9449 §6.1). */
export async function mintJwtAccessToken(input: JwtAccessTokenInput, deps: Deps): Promise<string> {
  if (!deps.keys) throw new OAuthError('server_error', 'JWT access tokens need the server\'s signing keys, which are not configured');
  const { kid, key } = await deps.keys.signingKey(JWT_ACCESS_TOKEN_ALG);
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  const aud = input.audience?.length ? (input.audience.length === 1 ? input.audience[0]! : input.audience) : input.issuer;
  const scopes = input.scope.split(' ');
  // RFC 9068 §2.2.3.1 roles, and the deployer's claims: the user is looked up only for them.
  const user = input.userId && (deps.extraClaims || scopes.includes(ROLES_SCOPE)) ? await deps.store.findUserById(input.userId) : null;
  const claims: Record<string, unknown> = {
    ...(await extraClaimsFor(deps.extraClaims, { user, client: input.client, scopes, kind: 'access_token' })),
    ...(user ? rolesClaim(user.roles, scopes) : {}),
    client_id: input.client.clientId,
    scope: input.scope,
    ...(input.authTime ? { auth_time: seconds(input.authTime) } : {}),
    ...(input.authentication?.acr ? { acr: input.authentication.acr } : {}),
    ...(input.authentication?.amr?.length ? { amr: input.authentication.amr } : {}),
    ...(input.jkt ? { cnf: { jkt: input.jkt } } : {}),
    ...delegationClaims(input.actor),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: JWT_ACCESS_TOKEN_ALG, kid, typ: JWT_ACCESS_TOKEN_TYPE })
    .setIssuer(input.issuer)
    // §2.2: sub is the resource owner, or the client itself when there is none (client credentials).
    .setSubject(input.userId ?? input.client.clientId)
    .setAudience(aud)
    .setIssuedAt(seconds(input.issuedAt))
    .setExpirationTime(seconds(input.expiresAt))
    .setJti(randomUUID())
    .sign(key);
}
