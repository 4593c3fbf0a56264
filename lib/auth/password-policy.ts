/**
 * The one password policy (NIST SP 800-63B §5.1.1.2), for every place a password is chosen:
 * sign-up, reset, change on /account, and the CLI (`createuser`, `changepassword`).
 * 8 to 128 characters, not the account's email, not on the list of common passwords
 * (@zxcvbn-ts/language-common's `passwords-common`, ~49k entries, kept offline). No
 * composition rules: the standard advises against them.
 *
 * Server-side only (the list is large): browsers check the shape with lib/auth/password-rules.ts.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MESSAGES, passwordShapeProblem } from './password-rules';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_MESSAGES } from './password-rules';

let common: ReadonlySet<string> | undefined;

/** Built on first use and kept: a set of 49k lower-cased strings. */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Null when `password` may be used; otherwise the message to show, saying what to do. */
export function checkNewPassword(password: string, options: { email?: string | null } = {}): string | null {
  return passwordShapeProblem(password, options) ?? (isCommonPassword(password) ? PASSWORD_MESSAGES.common : null);
}
