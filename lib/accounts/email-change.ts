/**
 * Changing a person's email address (issue 17). The /account page calls
 * `sendEmailChangeConfirmation`; nothing changes until the link mailed to the NEW address is
 * followed (/confirm-email?token=…, account_tokens purpose email_change, 24 hours, once); the
 * OLD address gets a notice at once, so a change asked from a stolen session does not go
 * unnoticed (and a password reset cancels it, lib/db/account-tokens.ts).
 */
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { createAccountTokenStore, type LinkProblem } from '@/lib/db/account-tokens';
import { requestMailBaseUrl } from './base-url';
import { recordAudit } from '@/lib/audit';
import { mailLocale } from '@/lib/mail/locale';
import { queueMail } from '@/lib/mail';
import { emailChangeMail, emailChangeNoticeMail, emailChangeTakenMail } from '@/lib/mail/templates/email-change';
import type { AccountFlowContext } from './password-reset';

export const EMAIL_CHANGE_LINK_HOURS = 24;

export interface RequestContext {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** This server's origin for the links; default OAUTH2_ISSUER or the current request's. */
  baseUrl?: string;
}

export type EmailChangeResult =
  | { ok: true }
  /** `message` is for the form's email field: "That is already your email address", "Enter a valid email address", ... */
  | { ok: false; reason: EmailChangeRefusal; message: string };

/** Why a change was refused, for the page to say in its language (`message` is the English). */
export type EmailChangeRefusal = 'invalid' | 'locked' | 'same' | 'too_many';

const emailSchema = z.string().trim().toLowerCase().max(254, 'Enter a valid email address').pipe(z.email('Enter a valid email address'));

/**
 * Mails a confirmation link to `newEmail` and a notice to the current address. An address
 * already used by another account gets the same `{ ok: true }` (no way to list accounts); that
 * address is told someone tried, and nothing changes.
 */
export async function sendEmailChangeConfirmation(
  userId: string,
  newEmail: string,
  context: RequestContext & Pick<AccountFlowContext, 'db' | 'mail' | 'limits' | 'now' | 'locale'> = {},
): Promise<EmailChangeResult> {
  const parsed = emailSchema.safeParse(newEmail);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message ?? 'Enter a valid email address' };
  const address = parsed.data;
  const store = createAccountTokenStore(context.db ?? (await getDb()));
  const user = await store.findUserById(userId);
  if (!user || user.disabled) return { ok: false, reason: 'locked', message: 'Your account cannot be changed' };
  if (user.email === address) return { ok: false, reason: 'same', message: 'That is already your email address' };
  if (context.limits && (await context.limits.consume('account_email_account', user.email)) !== null) {
    return { ok: false, reason: 'too_many', message: 'Too many email changes asked for. Try again in an hour.' };
  }
  const baseUrl = context.baseUrl ?? (await requestMailBaseUrl());
  const send = context.mail ?? queueMail;
  // Each message in its reader's language: this account's, or (taken) the other account's own.
  const locale = mailLocale(user.locale, context.locale);
  if (await store.emailTaken(address, userId)) {
    const owner = await store.findUserByEmail(address);
    await send(emailChangeTakenMail({ to: address, forgotUrl: `${baseUrl}/forgot-password`, locale: mailLocale(owner?.locale, context.locale) }));
  } else {
    const token = await store.issue({ userId, purpose: 'email_change', email: address, ttlSeconds: EMAIL_CHANGE_LINK_HOURS * 3600, now: context.now });
    await send(emailChangeMail({ to: address, url: `${baseUrl}/confirm-email?token=${token}`, hours: EMAIL_CHANGE_LINK_HOURS, locale }));
  }
  await send(emailChangeNoticeMail({ to: user.email, newEmail: address, accountUrl: `${baseUrl}/account`, locale }));
  await recordAudit({
    type: 'email.change_requested',
    actor: { type: 'user', id: userId, label: user.email },
    userId,
    // The address asked for, as the notice to the current address says it: the person can tell a change they did not ask for.
    detail: { to: address },
    ip: context.ip ?? null,
    userAgent: context.userAgent ?? null,
    requestId: context.requestId ?? null,
  });
  return { ok: true };
}

/** /confirm-email: applies the change if the address is still free. */
export async function confirmEmailChange(
  token: string,
  ctx: Pick<AccountFlowContext, 'db' | 'now' | 'ip' | 'userAgent' | 'requestId'> = {},
): Promise<{ ok: true; email: string } | { ok: false; problem: LinkProblem | 'taken' }> {
  const result = await createAccountTokenStore(ctx.db ?? (await getDb())).changeEmail(token, ctx.now);
  if (!result.ok) return result;
  await recordAudit({
    type: 'email.changed',
    actor: { type: 'user', id: result.value.id, label: result.value.email },
    userId: result.value.id,
    detail: { previousDomain: result.value.previousEmail.split('@')[1] ?? null },
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    requestId: ctx.requestId ?? null,
  });
  return { ok: true, email: result.value.email };
}
