import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ProviderButtons } from '@/components/auth/provider-buttons';
import { SignupForm } from '@/components/auth/signup-form';
import { Alert } from '@/components/ui/alert';
import { currentUser, safeNext } from '@/lib/auth';
import { oauthProviders } from '@/lib/auth/config';
import { applicationNameForNext } from '@/lib/auth/pending-authorization';
import { signupRefusal } from '@/lib/accounts/verification';

export const metadata: Metadata = { title: 'Create an account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignupPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw, '');
  const user = await currentUser();
  const loginHref = next ? `/login?${new URLSearchParams({ next })}` : '/login';
  // Coming from /o/authorize: name the application that is asking.
  const appName = await applicationNameForNext(next);
  // OAUTH2_SIGNUP=invite or closed: say so instead of offering a form the action refuses.
  const refusal = signupRefusal();

  return (
    <AuthCard
      title="Create your account"
      description={
        appName ? (
          <>
            Create an account to continue to <span className="font-semibold text-slate-900">{appName}</span>.
          </>
        ) : (
          'Register applications and manage the ones you have authorized.'
        )
      }
      footer={
        <>
          Already have an account?{' '}
          <Link href={loginHref} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {user ? (
        <Alert tone="info" className="mb-5">
          You are signed in as {user.email}. Creating a new account signs you in to the new one instead.
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
