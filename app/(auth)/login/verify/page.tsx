import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('verify'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /login/verify: the second step. Reached with the challenge cookie after a right password, or
 * signed in when an application asked for two factors (step-up). Anyone else signs in first.
 */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations('verify');
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
      <AuthCard title={t('title')} description={t('passkeyOnly')}>
        {passkey}
      </AuthCard>
    );
  }

  if (!totp?.confirmedAt) {
    // Signed in, and an application asks for two factors this account does not have yet.
    return (
      <AuthCard title={t('title')} description={t('secondStep')}>
        <div className="space-y-5">
          <Alert tone="warning">
            {t('noFactor')}
          </Alert>
          <ButtonLink href="/account#two-factor" className="w-full">
            {t('setUp')}
          </ButtonLink>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title={t('title')}
      description={recovery ? t('recoveryIntro') : stepUp ? t('stepUpIntro') : t('codeIntro')}
      footer={
        <Link href={loginUrl(next === '/' ? null : next)} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
          {t('anotherAccount')}
        </Link>
      }
    >
      <VerifyCodeForm key={recovery ? 'recovery' : 'totp'} action={verifySecondFactorAction} next={next} method={recovery ? 'recovery' : 'totp'} />
      {passkey}
      <p className="mt-5 text-center text-sm">
        {recovery ? (
          <Link href={verifyPath(next)} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('useApp')}
          </Link>
        ) : (
          <Link href={verifyPath(next, { method: 'recovery' })} className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('useRecovery')}
          </Link>
        )}
      </p>
    </AuthCard>
  );
}
