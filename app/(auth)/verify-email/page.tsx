import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkProblem } from '@/components/auth/link-problem';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { confirmEmailVerification, VERIFICATION_LINK_HOURS } from '@/lib/accounts/verification';
import { currentUser, loginUrl, safeNext } from '@/lib/auth';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { resendVerificationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('verifyEmail'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Two uses: the emailed link (?token=…) confirms the address; without a token, a signed-in
 * account that must verify first (OAUTH2_SIGNUP=verified) is told what to do, with "Resend".
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const token = first(params.token);
  const next = safeNext(first(params.next), '');
  const t = await getTranslations('verifyEmail');

  if (token !== undefined) {
    const h = await headers();
    const result = await confirmEmailVerification(token, { ip: signInIp(h), userAgent: h.get('user-agent')?.slice(0, 300) ?? null });
    if (!result.ok) {
      // A link followed twice by its own (signed-in, now verified) owner: nothing more to do.
      const user = await currentUser();
      const done = user?.emailVerified === true;
      return (
        <AuthCard title={t('title')}>
          <LinkProblem
            problem={result.problem}
            advice={done ? t('alreadyConfirmed', { email: user.email }) : t('advice', { hours: VERIFICATION_LINK_HOURS })}
            action={done ? { href: '/', label: t('continue') } : { href: '/verify-email', label: t('sendNew') }}
          />
        </AuthCard>
      );
    }
    return (
      <AuthCard title={t('confirmedTitle')}>
        <div className="space-y-5">
          <Alert tone="success">{t('confirmed', { email: result.email })}</Alert>
          <p className="text-sm text-slate-700">{t('appWaiting')}</p>
          <Link href="/" className={buttonClasses({ className: 'w-full' })}>
            {t('continue')}
          </Link>
        </div>
      </AuthCard>
    );
  }

  const user = await currentUser();
  const self = `/verify-email${next ? `?${new URLSearchParams({ next })}` : ''}`;
  if (!user) redirect(loginUrl(self));
  if (user.emailVerified) redirect(next || '/');
  const resent = first(params.resent);

  return (
    <AuthCard title={t('title')} description={t('description')}>
      <div className="space-y-5 text-sm text-slate-700">
        {resent === 'sent' ? <Alert tone="success">{t('resent', { email: user.email })}</Alert> : null}
        {resent === 'limited' ? <Alert tone="warning">{t('limited')}</Alert> : null}
        <p className="wrap-anywhere">{t.rich('sentTo', { email: user.email, b: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })}</p>
        <p>{t('validity', { hours: VERIFICATION_LINK_HOURS })}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href={self} className={buttonClasses({ className: 'w-full sm:flex-1' })}>
            {t('continue')}
          </Link>
          <form action={resendVerificationAction} className="w-full sm:flex-1">
            <input type="hidden" name="next" value={next} />
            <Button type="submit" variant="secondary" className="w-full">
              {t('resend')}
            </Button>
          </form>
        </div>
      </div>
    </AuthCard>
  );
}
