import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { Alert } from '@/components/ui/alert';
import { RESET_LINK_MINUTES } from '@/lib/accounts/password-reset';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forgot'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const sent = (await searchParams).sent === '1';
  const t = await getTranslations('forgot');
  const backToSignIn = (
    <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
      {t('back')}
    </Link>
  );
  if (sent) {
    // The same words for every address: whether an account exists is not said here.
    return (
      <AuthCard title={t('checkEmail')} footer={backToSignIn}>
        <div className="space-y-4 text-sm text-slate-700">
          <Alert tone="success">{t('sent')}</Alert>
          <p>{t('validity', { minutes: RESET_LINK_MINUTES })}</p>
          <p>
            <Link href="/forgot-password" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
              {t('another')}
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('heading')} description={t('intro')} footer={backToSignIn}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
