import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkProblem } from '@/components/auth/link-problem';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { confirmEmailChange, EMAIL_CHANGE_LINK_HOURS } from '@/lib/accounts/email-change';
import { signInIp } from '@/lib/auth/sign-in-limits';

export const metadata: Metadata = { title: 'Confirm your new email' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The link mailed to a new address (/account → change email): following it applies the change. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const h = await headers();
  const result = await confirmEmailChange(token, { ip: signInIp(h), userAgent: h.get('user-agent')?.slice(0, 300) ?? null });
  if (!result.ok) {
    return (
      <AuthCard title="Confirm your new email">
        <LinkProblem
          problem={result.problem}
          advice={
            result.problem === 'taken'
              ? 'Your account keeps its current address. Choose another one on your account page.'
              : `Confirmation links work once, for ${EMAIL_CHANGE_LINK_HOURS} hours. Ask for the change again on your account page.`
          }
          action={{ href: '/account', label: 'Go to your account' }}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Email address changed">
      <div className="space-y-5">
        <Alert tone="success">Your account now uses {result.email}. Sign in with this address from now on.</Alert>
        <Link href="/account" className={buttonClasses({ className: 'w-full' })}>
          Go to your account
        </Link>
      </div>
    </AuthCard>
  );
}
