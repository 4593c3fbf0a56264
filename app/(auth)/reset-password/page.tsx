import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkProblem } from '@/components/auth/link-problem';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { checkResetLink, RESET_LINK_MINUTES } from '@/lib/accounts/password-reset';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resetPassword'))('title') };
}
// Never cached: each visit checks the link again.
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const t = await getTranslations('resetPassword');
  // Looking at the link does not use it (mail scanners open links); only "Reset password" does.
  const link = await checkResetLink(token);
  const footer = (
    <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
      {t('back')}
    </Link>
  );
  if (!link.ok) {
    return (
      <AuthCard title={t('title')} footer={footer}>
        <LinkProblem problem={link.problem} advice={t('advice', { minutes: RESET_LINK_MINUTES })} action={{ href: '/forgot-password', label: t('sendNew') }} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('heading')} description={t('description', { email: link.email })} footer={footer}>
      <ResetPasswordForm token={token} email={link.email} />
    </AuthCard>
  );
}
