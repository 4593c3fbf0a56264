/** RFC 7636: Proof Key for Code Exchange. */
import { createHash } from 'node:crypto';
import { OAuthError } from './errors';
import { safeEqual } from './secrets';

export type PkceMethod = 'S256' | 'plain';

/** The methods this server accepts (and advertises): S256, and plain only with OAUTH2_PKCE_ALLOW_PLAIN. */
export function pkceMethods(settings: { pkceAllowPlain: boolean }): PkceMethod[] {
  return settings.pkceAllowPlain ? ['S256', 'plain'] : ['S256'];
}

// §4.1 / §4.2: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~].
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * §4.3: the challenge and method sent to the authorization endpoint. `plain` offers no protection
 * against a leaked authorization request (RFC 9700 §2.1.1: use S256), so it is refused unless
 * OAUTH2_PKCE_ALLOW_PLAIN is on; then, as §4.3 says, an omitted method means plain.
 */
export function checkChallenge(
  challenge: string | undefined,
  method: string | undefined,
  settings: { pkceAllowPlain: boolean },
): { challenge: string; method: PkceMethod } | null {
  if (challenge === undefined) {
    if (method !== undefined) throw new OAuthError('invalid_request', "code_challenge_method sent without 'code_challenge'");
    return null;
  }
  if (method === undefined && !settings.pkceAllowPlain) throw new OAuthError('invalid_request', 'code_challenge_method=S256 is required');
  const m = method ?? 'plain'; // §4.3: defaults to plain
  if (m === 'plain' && !settings.pkceAllowPlain) throw new OAuthError('invalid_request', "code_challenge_method 'plain' is not accepted: use S256");
  if (m !== 'S256' && m !== 'plain') throw new OAuthError('invalid_request', `unsupported code_challenge_method '${m}': use S256`);
  if (!VERIFIER.test(challenge)) throw new OAuthError('invalid_request', 'code_challenge must be 43-128 characters of [A-Za-z0-9-._~]');
  return { challenge, method: m };
}

/** §4.6: the verifier must transform to the stored challenge. */
export function verifyPkce(verifier: string, challenge: string, method: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return safeEqual(method === 'S256' ? s256(verifier) : verifier, challenge);
}
