/**
 * Changing a password on /account: the current password first (counted by the same limits as
 * sign-in, so the form cannot be used to guess it), then the policy (lib/auth/password-policy.ts),
 * then the new hash (pending reset and email-change links die with the old password); every
 * other session ends, and the applications' tokens are revoked unless the person ticked "Keep
 * apps signed in". A mail tells the account's address either way, so a change made by someone
 * else does not go unnoticed.
 */
import type { AuditInput } from '@/lib/audit';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { passwordSignIn, type PasswordSignInDeps } from '@/lib/auth/password-sign-in';
import type { MailMessage } from '@/lib/mail';
import { passwordChangedMail } from '@/lib/mail/templates/password-changed';
import type { LimitName } from '@/lib/oauth/rate-limit';
import { mailLocale } from '@/lib/mail/locale';
import type { EndAccessOptions } from './end-access';

export interface PasswordChangeDeps extends PasswordSignInDeps {
  /** Sets the hash and uses up pending reset and email-change links (lib/db/account.ts). */
  setUserPasswordHash(userId: string, hash: string): Promise<boolean>;
  hashPassword(password: string): Promise<string>;
  endUserAccess(userId: string, options: EndAccessOptions): Promise<{ sessionsEnded: number; tokensRevoked: number }>;
  queueMail(message: MailMessage): Promise<void>;
  recordAudit(event: AuditInput): Promise<void>;
  /** This server's origin, for the links in the notice (lib/accounts/base-url.ts). */
  baseUrl: string;
  /** The notice's language: the page's (for a signed-in person, their saved choice first); else OAUTH2_DEFAULT_LOCALE. */
  locale?: string;
}

export interface PasswordChangeInput {
  user: { id: string; email: string };
  /** The session making the change: it stays signed in. */
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  keepAppsSignedIn: boolean;
  origin: { ip: string; userAgent: string | null };
}

export type PasswordChangeResult =
  | { ok: true; sessionsEnded: number; tokensRevoked: number }
  /** `reason` names the refusal so the page can say it in its language (`message` is the English). */
  | { ok: false; field: 'currentPassword' | 'newPassword'; reason: PasswordChangeRefusal; message: string }
  | { ok: false; rateLimited: { limit: LimitName; retryAfter: number } };

/** `policy`: the new password breaks lib/auth/password-policy.ts (the message is one of PASSWORD_MESSAGES). */
export type PasswordChangeRefusal = 'stale' | 'no_password' | 'incorrect' | 'policy' | 'same';

export async function changePassword(deps: PasswordChangeDeps, input: PasswordChangeInput): Promise<PasswordChangeResult> {
  const { user } = input;
  const account = await deps.store.findUserByEmail(user.email);
  if (!account || account.id !== user.id) return { ok: false, field: 'currentPassword', reason: 'stale', message: 'Your account changed since this page loaded: reload it and try again' };
  if (!account.passwordHash) {
    return { ok: false, field: 'currentPassword', reason: 'no_password', message: 'This account signs in with GitHub or Google and has no password: use “Forgot password?” on the sign-in page to set one' };
  }
  const checked = await passwordSignIn(deps, input.origin.ip, user.email, input.currentPassword);
  if (checked.outcome === 'rate_limited') return { ok: false, rateLimited: { limit: checked.limit, retryAfter: checked.retryAfter } };
  if (checked.outcome !== 'signed_in') return { ok: false, field: 'currentPassword', reason: 'incorrect', message: 'Your current password is incorrect' };

  const problem = checkNewPassword(input.newPassword, { email: user.email });
  if (problem) return { ok: false, field: 'newPassword', reason: 'policy', message: problem };
  if (input.newPassword === input.currentPassword) return { ok: false, field: 'newPassword', reason: 'same', message: 'That is your current password: choose a new one' };

  await deps.setUserPasswordHash(user.id, await deps.hashPassword(input.newPassword));
  const ended = await deps.endUserAccess(user.id, {
    exceptSessionId: input.sessionId,
    keepTokens: input.keepAppsSignedIn,
    cause: { source: 'user', reason: 'password_change' },
  });
  await deps.queueMail(
    passwordChangedMail({
      to: user.email,
      signInUrl: `${deps.baseUrl}/login`,
      forgotUrl: `${deps.baseUrl}/forgot-password`,
      tokensRevoked: !input.keepAppsSignedIn,
      keptSessionHere: true,
      locale: mailLocale(null, deps.locale),
    }),
  );
  await deps.recordAudit({
    type: 'password.changed',
    actor: { type: 'user', id: user.id, label: user.email },
    userId: user.id,
    detail: { via: 'account', keepAppsSignedIn: input.keepAppsSignedIn, sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked },
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
  });
  return { ok: true, ...ended };
}
