/**
 * Authentication methods (RFC 8176 amr values) and the acr values derived from them, as ID
 * tokens carry them (OIDC Core §2) and relying parties ask for them (acr_values, §3.1.2.1).
 *
 * amr: pwd (password), otp (authenticator-app or recovery code), hwk (a passkey bound to one
 * device), swk (a synced passkey), user (the authenticator verified the person: PIN or
 * biometric), mfa (two or more factors). A passkey with user verification is two factors on
 * its own (something you have + something you know or are), so it earns mfa too.
 *
 * acr: two levels, named by URN so a relying party can compare them:
 * - ACR_PASSWORD "urn:oauth-server:acr:pwd": one factor (a password or a social sign-in);
 * - ACR_MFA "urn:oauth-server:acr:mfa": two factors (password + code, or a verified passkey).
 * The well-known short aliases "1" (one factor) and "2" (multi-factor) are accepted in acr_values too.
 */

export const ACR_PASSWORD = 'urn:oauth-server:acr:pwd';
export const ACR_MFA = 'urn:oauth-server:acr:mfa';

/** Discovery's acr_values_supported. */
export const ACR_VALUES_SUPPORTED = [ACR_PASSWORD, ACR_MFA] as const;

/**
 * The amr after a second step: the first step's methods (a password, or none recorded for a
 * social sign-in), the code, and mfa: a second step always follows a first factor.
 */
export function withSecondFactor(methods: string[], factor: 'otp'): string[] {
  const set = new Set(methods.filter((m) => m !== 'mfa'));
  set.add(factor);
  set.add('mfa');
  return [...set];
}

/** The amr of a passkey sign-in: the key kind, user when verified, and mfa (two factors in one). */
export function passkeyMethods(deviceType: string | null, userVerified: boolean): string[] {
  const kind = deviceType === 'multiDevice' ? 'swk' : 'hwk';
  return userVerified ? [kind, 'user', 'mfa'] : [kind];
}

/** Whether a sign-in with these methods counts as two-factor. */
export function isMultiFactor(methods: readonly string[]): boolean {
  return methods.includes('mfa');
}

/** The acr a sign-in with these methods earns. */
export function acrFor(methods: readonly string[]): string {
  return isMultiFactor(methods) ? ACR_MFA : ACR_PASSWORD;
}

/** The acr values a relying party may ask for, by the level they need. */
function levelOf(acr: string): 1 | 2 | null {
  if (acr === ACR_MFA || acr === '2' || acr === 'mfa') return 2;
  if (acr === ACR_PASSWORD || acr === '1' || acr === '0' || acr === 'pwd') return 1;
  return null;
}

/**
 * OIDC Core §3.1.2.1 acr_values ("in order of preference"), a voluntary claim: whether a
 * session with `methods` satisfies the request. The request is satisfied when the session
 * reaches the lowest level listed that this server knows; unknown values are ignored (and when
 * all are unknown, anything satisfies).
 */
export function needsStepUp(acrValues: readonly string[], methods: readonly string[]): boolean {
  const levels = acrValues.map(levelOf).filter((l): l is 1 | 2 => l !== null);
  if (levels.length === 0) return false;
  const required = Math.min(...levels);
  return required === 2 && !isMultiFactor(methods);
}
