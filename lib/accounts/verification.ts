/**
 * Email verification and the sign-up policy (OAUTH2_SIGNUP, lib/accounts/verification-settings.ts).
 * Under `verified`, an account whose address is not proved can sign in but no authorization
 * completes for it (/o/authorize sends it to /verify-email: verificationHold, Deps.accountHold) until it follows
 * the link mailed at sign-up (valid 24 hours, once; "Resend" mails a new one).
 */
import { getDb } from '@/lib/db/client';
import { createAccountTokenStore, type LinkProblem } from '@/lib/db/account-tokens';
import { getSettings } from '@/lib/config/settings';
import { recordAudit } from '@/lib/audit';
import { queueMail } from '@/lib/mail';
import { mailLocale } from '@/lib/mail/locale';
import { verifyEmailMail } from '@/lib/mail/templates/verify-email';
import { VERIFY_EMAIL_PATH, type SignupMode } from './verification-settings';
import type { AccountFlowContext } from './password-reset';

export const VERIFICATION_LINK_HOURS = 24;

export function signupMode(): SignupMode {
  return getSettings().accounts.signup;
}

export const SIGNUP_CLOSED_MESSAGE = 'Sign-up is closed on this server: accounts are created by its operators. Ask one to create yours.';
export const SIGNUP_INVITE_MESSAGE = 'Accounts on this server are by invitation: ask an operator to create one for you.';

/** /signup and the sign-up action: who may create an account here. */
export function signupOpen(mode: SignupMode = signupMode()): boolean {
  return mode === 'open' || mode === 'verified';
}

/** Why /signup creates no account here (invite, closed), or null when it does. */
export function signupRefusal(mode: SignupMode = signupMode()): string | null {
  return signupOpen(mode) ? null : mode === 'invite' ? SIGNUP_INVITE_MESSAGE : SIGNUP_CLOSED_MESSAGE;
}

/** signupRefusal's message as its key in the pages' `authErrors` catalogue (the pages show it translated). */
export function signupRefusalKey(mode: SignupMode = signupMode()): 'signupInvite' | 'signupClosed' | null {
  return signupOpen(mode) ? null : mode === 'invite' ? 'signupInvite' : 'signupClosed';
}

/**
 * Mails a verification link to the account's address (at sign-up, and "Resend"). Counted per
 * address: over the limit nothing is sent and the answer is false.
 */
export async function sendVerificationEmail(userId: string, ctx: AccountFlowContext): Promise<boolean> {
  const store = createAccountTokenStore(ctx.db ?? (await getDb()));
  const user = await store.findUserById(userId);
  if (!user || user.emailVerified || user.disabled) return false;
  if (ctx.limits && (await ctx.limits.consume('account_email_account', user.email)) !== null) return false;
  const token = await store.issue({ userId, purpose: 'email_verification', email: user.email, ttlSeconds: VERIFICATION_LINK_HOURS * 3600, now: ctx.now });
  await (ctx.mail ?? queueMail)(
    verifyEmailMail({ to: user.email, url: `${ctx.baseUrl}${VERIFY_EMAIL_PATH}?token=${token}`, hours: VERIFICATION_LINK_HOURS, locale: mailLocale(user.locale, ctx.locale) }),
  );
  return true;
}

export async function confirmEmailVerification(
  token: string,
  ctx: Pick<AccountFlowContext, 'db' | 'now' | 'ip' | 'userAgent' | 'requestId'> = {},
): Promise<{ ok: true; email: string } | { ok: false; problem: LinkProblem }> {
  const result = await createAccountTokenStore(ctx.db ?? (await getDb())).verifyEmail(token, ctx.now);
  if (!result.ok) return result;
  await recordAudit({
    type: 'email.verified',
    actor: { type: 'user', id: result.value.id, label: result.value.email },
    userId: result.value.id,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ?? null,
    requestId: ctx.requestId ?? null,
  });
  return { ok: true, email: result.value.email };
}
