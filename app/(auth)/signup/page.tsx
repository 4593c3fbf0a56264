import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ProviderButtons } from '@/components/auth/provider-buttons';
import { SignupForm } from '@/components/auth/signup-form';
import { Alert } from '@/components/ui/alert';
import { currentUser, safeNext } from '@/lib/auth';
import { oauthProviders } from '@/lib/auth/config';
import { applicationNameForNext } from '@/lib/auth/pending-authorization';
import { signupRefusalKey } from '@/lib/accounts/verification';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signup'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignupPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).next;
  const t = await getTranslations('signup');
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw, '');
  const user = await currentUser();
  const loginHref = next ? `/login?${new URLSearchParams({ next })}` : '/login';
  // Coming from /o/authorize: name the application that is asking.
  const appName = await applicationNameForNext(next);
  // OAUTH2_SIGNUP=invite or closed: say so instead of offering a form the action refuses.
  const refusalKey = signupRefusalKey();
  const refusal = refusalKey ? (await getTranslations('authErrors'))(refusalKey) : null;

  return (
    <AuthCard
      title={t('heading')}
      description={appName ? t.rich('continueTo', { app: appName, b: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> }) : t('intro')}
      footer={
        <>
          {t('haveAccount')}{' '}
          <Link href={loginHref} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('signIn')}
          </Link>
        </>
      }
    >
      {user ? (
        <Alert tone="info" className="mb-5">
          {t('signedIn', { email: user.email })}
        </Alert>
      ) : null}
      {refusal ? (
        <Alert tone="info">{refusal}</Alert>
      ) : (
        <>
          <SignupForm next={next} />
          <ProviderButtons providers={oauthProviders()} next={next} />
        </>
      )}
    </AuthCard>
  );
}
