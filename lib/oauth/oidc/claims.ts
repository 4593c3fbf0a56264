/** OIDC Core §5.4: standard claims released by scope. */
import type { UserRecord } from '../store';

export const OIDC_SCOPES: Record<string, string> = {
  openid: 'Sign you in with your account',
  profile: 'Your name',
  email: 'Your email address',
};

export function claimsFor(user: UserRecord, scope: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.id };
  if (scope.includes('profile') && user.name) claims.name = user.name;
  if (scope.includes('email')) Object.assign(claims, { email: user.email, email_verified: user.emailVerified });
  return claims;
}
