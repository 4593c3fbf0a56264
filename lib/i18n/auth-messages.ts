/**
 * The sign-in, sign-up and password forms' messages in the reader's language. The zod schemas
 * (lib/validations/auth.ts) and the password policy (lib/auth/password-rules.ts) speak English:
 * the command line and the server actions share them, and the English words are the contract.
 * A page shows each one through its key in the `authErrors` catalogue instead; a message this
 * table does not know (one the server already translated) is shown as it is.
 * Browser-safe: the forms translate the browser's own zod messages too.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';
import { AUTH_MESSAGES, NAME_MAX_LENGTH, SIGN_IN_PASSWORD_MAX_LENGTH } from '@/lib/validations/auth';
import type en from '@/messages/en/pages.json';

export type AuthErrorKey = keyof (typeof en)['authErrors'];
type Values = Record<string, number>;

/** English text → its key and the numbers the catalogue's text takes. */
const KNOWN = new Map<string, { key: AuthErrorKey; values?: Values }>([
  [AUTH_MESSAGES.emailRequired, { key: 'emailRequired' }],
  [AUTH_MESSAGES.emailInvalid, { key: 'emailInvalid' }],
  [AUTH_MESSAGES.signInPasswordTooShort, { key: 'signInPasswordTooShort', values: { min: PASSWORD_MIN_LENGTH } }],
  [AUTH_MESSAGES.signInPasswordTooLong, { key: 'signInPasswordTooLong', values: { max: SIGN_IN_PASSWORD_MAX_LENGTH } }],
  [AUTH_MESSAGES.nameTooLong, { key: 'nameTooLong', values: { max: NAME_MAX_LENGTH } }],
  [AUTH_MESSAGES.confirmRequired, { key: 'confirmRequired' }],
  [AUTH_MESSAGES.mismatch, { key: 'mismatch' }],
  [AUTH_MESSAGES.emailTaken, { key: 'emailTaken' }],
  [PASSWORD_MESSAGES.tooShort, { key: 'passwordTooShort', values: { min: PASSWORD_MIN_LENGTH } }],
  [PASSWORD_MESSAGES.tooLong, { key: 'passwordTooLong', values: { max: PASSWORD_MAX_LENGTH } }],
  [PASSWORD_MESSAGES.isEmail, { key: 'passwordIsEmail' }],
  [PASSWORD_MESSAGES.common, { key: 'passwordCommon' }],
]);

/** The key of an English form message, or null for one this table does not know. */
export function authMessageKey(text: string): { key: AuthErrorKey; values?: Values } | null {
  return KNOWN.get(text) ?? null;
}

/** `text` in the language `t` speaks (a translator of the `authErrors` namespace). */
export function localizeAuthMessage<T extends string | null | undefined>(text: T, t: (key: AuthErrorKey, values?: Values) => string): T | string {
  if (!text) return text;
  const known = authMessageKey(text);
  return known ? t(known.key, known.values) : text;
}

/** lib/auth/sign-in-limits.ts's tooManyAttemptsMessage, in the language `t` speaks. */
export function tooManyAttemptsText(retryAfter: number, t: (key: AuthErrorKey, values?: Values) => string): string {
  return retryAfter < 60 ? t('tooManySeconds', { count: retryAfter }) : t('tooManyMinutes', { count: Math.ceil(retryAfter / 60) });
}
