/**
 * The parts of the password policy a browser can check too (no word list): length and "not
 * your email". lib/auth/password-policy.ts adds the common-password list on the server; the
 * forms' zod schemas (lib/validations/auth.ts) use these so the browser says the same words.
 */

/** NIST SP 800-63B §5.1.1.2: at least 8 characters; accept at least 64 (we allow 128). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_MESSAGES = {
  tooShort: `Password must be at least ${PASSWORD_MIN_LENGTH} characters: a few unrelated words make a good one`,
  tooLong: `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  isEmail: 'Password must not be your email address: choose something only you know',
  common: 'This password is one of the most common ones and easy to guess: choose another, for example a few unrelated words',
} as const;

/**
 * Length and email checks; null when they pass. Length counts characters (code points), as
 * people do, not UTF-16 units.
 */
export function passwordShapeProblem(password: string, options: { email?: string | null } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return PASSWORD_MESSAGES.tooShort;
  if (length > PASSWORD_MAX_LENGTH) return PASSWORD_MESSAGES.tooLong;
  const email = options.email?.trim().toLowerCase();
  if (email) {
    const lowered = password.trim().toLowerCase();
    const localPart = email.split('@')[0] ?? '';
    // SP 800-63B: refuse context-specific words; the account's own address is the obvious one.
    if (lowered === email || (localPart.length >= PASSWORD_MIN_LENGTH && lowered === localPart)) return PASSWORD_MESSAGES.isEmail;
  }
  return null;
}
