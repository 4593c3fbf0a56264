'use server';
/**
 * Forgot password and reset password. Each re-validates the form with the schema the browser
 * used. "Send reset link" answers the same for every address, at once: the lookup, the link and
 * the mail happen after the response (next/server `after`), so neither the words nor the time
 * tell whether an account exists.
 */
import { getLocale, getTranslations } from 'next-intl/server';
import { after } from 'next/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { tooManyAttemptsText } from '@/lib/i18n/auth-messages';
import { getRateLimits } from '@/lib/rate-limit';
import { events } from '@/lib/server/events';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/validations/auth';
import type { AuthFormState } from './actions';

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/** Counts one request against the address's limit; the seconds to wait when over. */
async function overIpLimit(h: Headers): Promise<number | null> {
  const limits = await getRateLimits();
  const retryAfter = limits ? await limits.consume('account_email_ip', signInIp(h)) : null;
  if (retryAfter !== null) events.emit('rate_limited', { limit: 'account_email_ip' });
  return retryAfter;
}

export async function forgotPasswordAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: field(formData, 'email') };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const h = await headers();
  const retryAfter = await overIpLimit(h);
  if (retryAfter !== null) return { ok: false, formError: tooManyAttemptsText(retryAfter, await getTranslations('authErrors')), values };
  const ctx = {
    baseUrl: await requestMailBaseUrl(),
    // The mail speaks the account's saved language, else this page's.
    locale: await getLocale(),
    limits: await getRateLimits(),
    ip: signInIp(h),
    userAgent: h.get('user-agent')?.slice(0, 300) ?? null,
  };
  after(() =>
    requestPasswordReset(parsed.data.email, ctx).catch((e: unknown) => {
      console.error(`password reset: could not send a link: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }),
  );
  redirect('/forgot-password?sent=1');
}

export async function resetPasswordAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const token = field(formData, 'token');
  const parsed = resetPasswordSchema.safeParse({ password: field(formData, 'password'), confirmPassword: field(formData, 'confirmPassword') });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const h = await headers();
  const retryAfter = await overIpLimit(h);
  if (retryAfter !== null) return { ok: false, formError: tooManyAttemptsText(retryAfter, await getTranslations('authErrors')) };
  const result = await resetPassword(token, parsed.data.password, {
    baseUrl: await requestMailBaseUrl(),
    locale: await getLocale(),
    ip: signInIp(h),
    userAgent: h.get('user-agent')?.slice(0, 300) ?? null,
  });
  if (result.ok) redirect('/login?reset=done');
  // The link went bad meanwhile (used in another tab, expired): the page now says so.
  if ('problem' in result) redirect(`/reset-password?token=${encodeURIComponent(token)}`);
  return { ok: false, fieldErrors: { password: [result.passwordError] } };
}
