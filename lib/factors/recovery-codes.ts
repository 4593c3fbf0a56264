/**
 * Recovery codes: ten one-time codes shown once when an authenticator app is set up, for the
 * day the phone is lost. Stored as SHA-256 digests (the codes are random, 50 bits each, so a
 * fast digest is enough, as for tokens); each is single use.
 */
import { randomBytes } from 'node:crypto';
import { digest } from '@/lib/oauth/secrets';

export const RECOVERY_CODE_COUNT = 10;

/** Lowercase base32 (RFC 4648): no 0, 1, 8 or 9 to mistake for o, l, b or g. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function randomCode(): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Ten fresh codes, as shown to the person ("xxxxx-xxxxx"). */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(randomCode());
  return [...codes];
}

/** Case, spaces and the dash do not matter when typed back; null when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z2-7]{10}$/.test(code) ? code : null;
}

/** What is stored and looked up: the digest of the normalized code. */
export function recoveryCodeDigest(code: string): string | null {
  const normalized = normalizeRecoveryCode(code);
  return normalized ? digest(`recovery:${normalized}`) : null;
}
