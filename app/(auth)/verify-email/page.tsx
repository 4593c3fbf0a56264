import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Verify your email' };
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

  if (token !== undefined) {
    const h = await headers();
    const result = await confirmEmailVerification(token, { ip: signInIp(h), userAgent: h.get('user-agent')?.slice(0, 300) ?? null });
    if (!result.ok) {
      // A link followed twice by its own (signed-in, now verified) owner: nothing more to do.
      const user = await currentUser();
      const done = user?.emailVerified === true;
      return (
        <AuthCard title="Verify your email">
          <LinkProblem
            problem={result.problem}
            advice={
              done
                ? `Your address, ${user.email}, is already confirmed: there is nothing more to do.`
                : `Verification links work once, for ${VERIFICATION_LINK_HOURS} hours. Sign in and ask for a new one.`
            }
            action={done ? { href: '/', label: 'Continue' } : { href: '/verify-email', label: 'Send a new link' }}
          />
        </AuthCard>
      );
    }
    return (
      <AuthCard title="Email address confirmed">
        <div className="space-y-5">
          <Alert tone="success">{result.email} is confirmed. Thank you.</Alert>
          <p className="text-sm text-slate-700">If an application was waiting for this, go back to its tab and press Continue, or start signing in to it again.</p>
          <Link href="/" className={buttonClasses({ className: 'w-full' })}>
            Continue
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
    <AuthCard title="Verify your email" description={<>One step before applications can use your account.</>}>
      <div className="space-y-5 text-sm text-slate-700">
        {resent === 'sent' ? <Alert tone="success">A new link is on its way to {user.email}.</Alert> : null}
        {resent === 'limited' ? <Alert tone="warning">Too many links were sent to this address. Use the latest one, or try again in an hour.</Alert> : null}
        <p>
          We sent a link to <span className="font-semibold text-slate-900">{user.email}</span>. Open it to confirm the address; then come back here and
          press Continue.
        </p>
        <p>The link works for {VERIFICATION_LINK_HOURS} hours. Nothing arrived? Check your spam folder, or send a new link.</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href={self} className={buttonClasses({ className: 'w-full sm:flex-1' })}>
            Continue
          </Link>
          <form action={resendVerificationAction} className="w-full sm:flex-1">
            <input type="hidden" name="next" value={next} />
            <Button type="submit" variant="secondary" className="w-full">
              Resend
            </Button>
          </form>
        </div>
      </div>
    </AuthCard>
  );
}
