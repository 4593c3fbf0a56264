import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { DemoAccountsNotice } from '@/components/auth/demo-accounts-notice';
import { LoginForm } from '@/components/auth/login-form';
import { ProviderButtons } from '@/components/auth/provider-buttons';
import { Alert } from '@/components/ui/alert';
import { currentUser, safeNext } from '@/lib/auth';
import { oauthProviders } from '@/lib/auth/config';
import { SIGNUP_CLOSED_ERROR, UNVERIFIED_ACCOUNT_ERROR } from '@/lib/auth/social-account';
import { signupRefusalKey } from '@/lib/accounts/verification';
import { getStore } from '@/lib/db';
import { existingDemoAccounts } from '@/lib/auth/demo-users';
import { applicationNameForNext } from '@/lib/auth/pending-authorization';
import { PATHS } from '@/lib/oauth/paths';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { passkeySignInAction, passkeySignInOptionsAction } from '../passkey-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Auth.js sends provider sign-in failures here as ?error=<type>. */
function errorMessage(error: string, t: Awaited<ReturnType<typeof getTranslations<'login'>>>, te: Awaited<ReturnType<typeof getTranslations<'authErrors'>>>): string {
  switch (error) {
    case 'CredentialsSignin':
      return t('errorCredentials');
    case UNVERIFIED_ACCOUNT_ERROR:
      return t('errorUnverified');
    case SIGNUP_CLOSED_ERROR: {
      const refusal = signupRefusalKey();
      return refusal ? te(refusal) : t('errorNotUsable');
    }
    case 'AccountDisabled':
      return te('accountDisabled');
    case 'AccessDenied':
      return t('errorAccessDenied');
    default:
      return t('errorGeneric');
  }
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations('login');
  const next = safeNext(first(params.next), '');
  // OIDC prompt=login / max_age (the authorization endpoint sends these): sign in again even if signed in.
  const reauth = first(params.prompt) === 'login' || first(params.reauth) === '1';
  const user = await currentUser();
  if (user && !reauth) redirect(next || '/');

  const error = first(params.error);
  // Back from /reset-password: every session was ended, so sign in with the new password.
  const wasReset = first(params.reset) === 'done';
  const loginHint = first(params.login_hint)?.trim().slice(0, 254);
  const signupHref = next ? `/signup?${new URLSearchParams({ next })}` : '/signup';
  // Coming from /o/authorize: name the application that is asking.
  const [appName, demoAccounts] = await Promise.all([applicationNameForNext(next), getStore().then(existingDemoAccounts)]);

  return (
    <AuthCard
      title={t('title')}
      description={
        appName
          ? t.rich('continueTo', { app: appName, b: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span> })
          : next.startsWith(PATHS.authorize)
            ? t('appAsking')
            : t('welcome')
      }
      footer={
        <>
          {t('noAccount')}{' '}
          <Link href={signupHref} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('signUp')}
          </Link>
        </>
      }
    >
      {reauth || error || wasReset || demoAccounts.length ? (
        <div className="mb-5 space-y-3">
          {wasReset ? <Alert tone="success">{t('passwordChanged')}</Alert> : null}
          {error ? <Alert tone="error">{errorMessage(error, t, await getTranslations('authErrors'))}</Alert> : null}
          {reauth ? <Alert tone="info">{t('signInAgain')}</Alert> : null}
          {demoAccounts.length ? <DemoAccountsNotice emails={demoAccounts} /> : null}
        </div>
      ) : null}
      <LoginForm next={next} defaultEmail={loginHint || (reauth ? user?.email : undefined)} />
      <div className="mt-5">
        <PasskeySignIn next={next || '/'} actions={{ options: passkeySignInOptionsAction, signIn: passkeySignInAction }} />
      </div>
      <ProviderButtons providers={oauthProviders()} next={next} />
    </AuthCard>
  );
}
