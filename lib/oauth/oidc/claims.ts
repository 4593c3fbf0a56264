/** OIDC Core §5.4: standard claims released by scope, and the `roles` scope's claim (issue 19). */
import type { UserRecord } from '../store';

export const OIDC_SCOPES: Record<string, string> = {
  openid: 'Sign you in with your account',
  profile: 'Your name',
  email: 'Your email address',
};

/** The scope that releases the operator-managed roles (RFC 9068 §2.2.3.1 / RFC 7643 `roles`). */
export const ROLES_SCOPE = 'roles';

/** `roles` with the scope: an array, empty when the person has none (so "no roles" is said, not guessed). */
export function rolesClaim(roles: readonly string[] | null | undefined, scope: readonly string[]): { roles?: string[] } {
  return scope.includes(ROLES_SCOPE) ? { roles: [...(roles ?? [])] } : {};
}

export function claimsFor(user: UserRecord, scope: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.id };
  if (scope.includes('profile') && user.name) claims.name = user.name;
  if (scope.includes('email')) Object.assign(claims, { email: user.email, email_verified: user.emailVerified });
  Object.assign(claims, rolesClaim(user.roles, scope));
  return claims;
}
