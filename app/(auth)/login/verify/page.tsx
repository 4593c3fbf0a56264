import type { Metadata } from 'next';
import Link from 'next/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { VerifyCodeForm } from '@/components/auth/verify-code-form';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { currentUser, loginUrl, safeNext } from '@/lib/auth';
import { getFactorStore } from '@/lib/db/factors';
import { CHALLENGE_COOKIE, openChallenge } from '@/lib/factors/challenge';
import { verifyPath } from '@/lib/factors/paths';
import { challengeSealer } from '@/lib/factors/sealing';
import { verifySecondFactorAction } from '../../second-factor-actions';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { passkeySignInAction, passkeySignInOptionsAction } from '../../passkey-actions';

export const metadata: Metadata = { title: 'Two-step verification' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /login/verify: the second step. Reached with the challenge cookie after a right password, or
 * signed in when an application asked for two factors (step-up). Anyone else signs in first.
 */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNext(first(params.next), '/');
  const recovery = first(params.method) === 'recovery';
  const challenge = openChallenge(challengeSealer(), (await cookies()).get(CHALLENGE_COOKIE)?.value);
  const user = challenge ? null : await currentUser();
  const userId = challenge?.uid ?? user?.id;
  if (!userId) redirect(loginUrl(next));
  const store = await getFactorStore();
  const [totp, passkeyCount] = await Promise.all([store.findTotp(userId), store.countPasskeys(userId)]);
  const stepUp = !challenge;
  // A passkey is two factors in one: a full sign-in that also satisfies a step-up.
  const passkey = passkeyCount > 0 ? (
    <div className="mt-5 border-t border-slate-200 pt-5">
      <PasskeySignIn next={next} actions={{ options: passkeySignInOptionsAction, signIn: passkeySignInAction }} />
    </div>
  ) : null;

  if (!totp?.confirmedAt && passkey) {
    return (
      <AuthCard title="Two-step verification" description="This application asks you to confirm it is you with one of your passkeys.">
        {passkey}
      </AuthCard>
    );
  }

  if (!totp?.confirmedAt) {
    // Signed in, and an application asks for two factors this account does not have yet.
    return (
      <AuthCard title="Two-step verification" description="This application asks for a second sign-in step.">
        <div className="space-y-5">
          <Alert tone="warning">
            Your account has no authenticator app or passkey yet. Set one up on your account page, then return to the application and sign in again.
          </Alert>
          <ButtonLink href="/account#two-factor" className="w-full">
            Set up two-step verification
          </ButtonLink>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Two-step verification"
      description={
        recovery
          ? 'Enter one of the recovery codes you saved when you set up your authenticator app. Each code works once.'
          : stepUp
            ? 'This application asks you to confirm it is you. Enter the 6-digit code from your authenticator app.'
            : 'Enter the 6-digit code from your authenticator app.'
      }
      footer={
        <Link href={loginUrl(next === '/' ? null : next)} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
          Sign in with another account
        </Link>
      }
    >
      <VerifyCodeForm key={recovery ? 'recovery' : 'totp'} action={verifySecondFactorAction} next={next} method={recovery ? 'recovery' : 'totp'} />
      {passkey}
      <p className="mt-5 text-center text-sm">
        {recovery ? (
          <Link href={verifyPath(next)} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            Use your authenticator app
          </Link>
        ) : (
          <Link href={verifyPath(next, { method: 'recovery' })} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            Use a recovery code
          </Link>
        )}
      </p>
    </AuthCard>
  );
}
