import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { headers } from 'next/headers';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkProblem } from '@/components/auth/link-problem';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { confirmEmailChange, EMAIL_CHANGE_LINK_HOURS } from '@/lib/accounts/email-change';
import { signInIp } from '@/lib/auth/sign-in-limits';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('confirmEmail'))('title') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The link mailed to a new address (/account → change email): following it applies the change. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const h = await headers();
  const t = await getTranslations('confirmEmail');
  const result = await confirmEmailChange(token, { ip: signInIp(h), userAgent: h.get('user-agent')?.slice(0, 300) ?? null });
  if (!result.ok) {
    return (
      <AuthCard title={t('title')}>
        <LinkProblem
          problem={result.problem}
          advice={result.problem === 'taken' ? t('takenAdvice') : t('advice', { hours: EMAIL_CHANGE_LINK_HOURS })}
          action={{ href: '/account', label: t('goToAccount') }}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('changedTitle')}>
      <div className="space-y-5">
        <Alert tone="success">{t('changed', { email: result.email })}</Alert>
        <Link href="/account" className={buttonClasses({ className: 'w-full' })}>
          {t('goToAccount')}
        </Link>
      </div>
    </AuthCard>
  );
}
