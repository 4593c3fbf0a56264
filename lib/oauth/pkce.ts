/** RFC 7636: Proof Key for Code Exchange. */
import { createHash } from 'node:crypto';
import { OAuthError } from './errors';
import { safeEqual } from './secrets';

export type PkceMethod = 'S256' | 'plain';
export const PKCE_METHODS: PkceMethod[] = ['S256', 'plain'];

// §4.1 / §4.2: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~].
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** §4.3: the challenge and method sent to the authorization endpoint. */
export function checkChallenge(challenge: string | undefined, method: string | undefined): { challenge: string; method: PkceMethod } | null {
  if (challenge === undefined) {
    if (method !== undefined) throw new OAuthError('invalid_request', "code_challenge_method sent without 'code_challenge'");
    return null;
  }
  const m = method ?? 'plain'; // §4.3: defaults to plain
  if (m !== 'S256' && m !== 'plain') throw new OAuthError('invalid_request', `unsupported code_challenge_method '${m}': use S256`);
  if (!VERIFIER.test(challenge)) throw new OAuthError('invalid_request', 'code_challenge must be 43-128 characters of [A-Za-z0-9-._~]');
  return { challenge, method: m };
}

/** §4.6: the verifier must transform to the stored challenge. */
export function verifyPkce(verifier: string, challenge: string, method: string): boolean {
  if (!VERIFIER.test(verifier)) return false;
  return safeEqual(method === 'S256' ? s256(verifier) : verifier, challenge);
}
