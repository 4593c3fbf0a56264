/**
 * Password reset (issue 17): request a link by email, then choose a new password with it.
 * Requesting answers the same whether or not the account exists; the caller runs
 * `requestPasswordReset` after the response (next/server `after`), so the time does not tell
 * either. Resetting ends every session and (unless OAUTH2_RESET_KEEPS_TOKENS) revokes every
 * application's tokens, mails a notice, and is recorded in the audit trail.
 */
import { getDb } from '@/lib/db/client';
import { createAccountTokenStore, type LinkProblem } from '@/lib/db/account-tokens';
import type { Db } from '@/lib/db/types';
import { getSettings } from '@/lib/config/settings';
import { hashPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { endAccessIn } from '@/lib/accounts/end-access';
import { recordAudit } from '@/lib/audit';
import { queueMail, type MailMessage } from '@/lib/mail';
import { mailLocale } from '@/lib/mail/locale';
import { passwordResetMail } from '@/lib/mail/templates/password-reset';
import { passwordChangedMail } from '@/lib/mail/templates/password-changed';
import type { EventBus } from '@/lib/oauth/events';
import type { RateLimits } from '@/lib/oauth/rate-limit';

export const RESET_LINK_MINUTES = 30;

/** Where a flow runs: the server's database and mail queue unless given (tests, the CLI). */
export interface AccountFlowContext {
  /** This server's origin, for the links in mail (OAUTH2_ISSUER, or the request's). */
  baseUrl: string;
  db?: Db;
  mail?: (message: MailMessage) => Promise<void>;
  limits?: RateLimits;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** Who acts: the person (pages) or an operator (the command line, the console). */
  actor?: 'user' | 'operator';
  /** The operator, when one acts from the console (the command line is "command line"). */
  operator?: { id: string | null; label: string };
  now?: Date;
  /** Where the revocations are announced: the server's bus (lib/server/events) unless given. */
  events?: EventBus;
  /** The language of the page that asked (its mail uses it when the account saved none). */
  locale?: string;
}

async function tokens(ctx: AccountFlowContext) {
  return createAccountTokenStore(ctx.db ?? (await getDb()));
}

const audit = (ctx: AccountFlowContext) => ({ ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null, requestId: ctx.requestId ?? null });

/**
 * Mails a reset link if `email` names an active account and it is under its per-address limit.
 * Says nothing either way: the page's answer must not depend on it. Returns whether a mail was
 * queued (for the command line and tests only).
 */
export async function requestPasswordReset(email: string, ctx: AccountFlowContext): Promise<boolean> {
  const address = email.trim().toLowerCase();
  if (ctx.limits && (await ctx.limits.consume('account_email_account', address)) !== null) return false;
  const store = await tokens(ctx);
  const user = await store.findUserByEmail(address);
  if (!user || user.disabled) return false;
  const token = await store.issue({ userId: user.id, purpose: 'password_reset', email: user.email, ttlSeconds: RESET_LINK_MINUTES * 60, now: ctx.now });
  const url = `${ctx.baseUrl}/reset-password?token=${token}`;
  await (ctx.mail ?? queueMail)(passwordResetMail({ to: user.email, url, minutes: RESET_LINK_MINUTES, locale: mailLocale(user.locale, ctx.locale) }));
  await recordAudit({
    type: 'password.reset_requested',
    actor: ctx.actor === 'operator' ? { type: 'operator', id: ctx.operator?.id ?? null, label: ctx.operator?.label ?? 'command line' } : { type: 'user', id: user.id, label: user.email },
    userId: user.id,
    ...audit(ctx),
  });
  return true;
}

/** Whether the reset page should show its form for this link. */
export async function checkResetLink(token: string, ctx: Pick<AccountFlowContext, 'db' | 'now'> = {}): Promise<{ ok: true; email: string } | { ok: false; problem: LinkProblem }> {
  const found = await (await tokens(ctx as AccountFlowContext)).check('password_reset', token, ctx.now);
  return found.ok ? { ok: true, email: found.value.email } : found;
}

export type ResetResult =
  | { ok: true; email: string }
  /** The link cannot be used: the page says why and offers a new one. */
  | { ok: false; problem: LinkProblem }
  /** The new password is refused: the form shows `message` under "New password". */
  | { ok: false; passwordError: string };

export async function resetPassword(token: string, newPassword: string, ctx: AccountFlowContext): Promise<ResetResult> {
  const store = await tokens(ctx);
  const link = await store.check('password_reset', token, ctx.now);
  if (!link.ok) return link;
  const refused = checkNewPassword(newPassword, { email: link.value.email });
  if (refused) return { ok: false, passwordError: refused };
  const done = await store.resetPassword(token, await hashPassword(newPassword), ctx.now);
  if (!done.ok) return done;
  const user = done.value;
  const keepTokens = getSettings().accounts.resetKeepsTokens;
  const ended = await endAccessIn(ctx, user.id, { keepTokens, cause: { source: 'user', reason: 'password_reset' } });
  await (ctx.mail ?? queueMail)(
    passwordChangedMail({
      to: user.email,
      signInUrl: `${ctx.baseUrl}/login`,
      forgotUrl: `${ctx.baseUrl}/forgot-password`,
      tokensRevoked: !keepTokens,
      locale: mailLocale(user.locale, ctx.locale),
    }),
  );
  await recordAudit({
    type: 'password.reset',
    actor: { type: 'user', id: user.id, label: user.email },
    userId: user.id,
    detail: { sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked, keepTokens },
    ...audit(ctx),
  });
  return { ok: true, email: user.email };
}
