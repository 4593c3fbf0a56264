'use server';
/** "Resend" on /verify-email: a new verification link, counted per IP and per address. */
import { getLocale } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { sendVerificationEmail } from '@/lib/accounts/verification';
import { currentUser, safeNext } from '@/lib/auth';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { getRateLimits } from '@/lib/rate-limit';
import { events } from '@/lib/server/events';

export async function resendVerificationAction(formData: FormData): Promise<void> {
  const next = safeNext(formData.get('next'), '');
  const back = (status: string) => `/verify-email?${new URLSearchParams({ ...(next ? { next } : {}), resent: status })}`;
  const user = await currentUser();
  if (!user) redirect(`/login?${new URLSearchParams({ next: back('') })}`);
  const h = await headers();
  const limits = await getRateLimits();
  if (limits && (await limits.consume('account_email_ip', signInIp(h))) !== null) {
    events.emit('rate_limited', { limit: 'account_email_ip' });
    redirect(back('limited'));
  }
  const sent = await sendVerificationEmail(user.id, { baseUrl: await requestMailBaseUrl(), limits, locale: await getLocale() });
  redirect(back(sent ? 'sent' : 'limited'));
}
