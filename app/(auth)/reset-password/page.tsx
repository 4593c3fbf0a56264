import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { LinkProblem } from '@/components/auth/link-problem';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { checkResetLink } from '@/lib/accounts/password-reset';

export const metadata: Metadata = { title: 'Reset password' };
// Never cached: each visit checks the link again.
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  // Looking at the link does not use it (mail scanners open links); only "Reset password" does.
  const link = await checkResetLink(token);
  const footer = (
    <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
      Back to sign in
    </Link>
  );
  if (!link.ok) {
    return (
      <AuthCard title="Reset password" footer={footer}>
        <LinkProblem
          problem={link.problem}
          advice="Reset links work once, for 30 minutes. Ask for a new one and use the latest email."
          action={{ href: '/forgot-password', label: 'Send a new link' }}
        />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" description={<>For {link.email}. You will be signed out everywhere and asked to sign in again.</>} footer={footer}>
      <ResetPasswordForm token={token} email={link.email} />
    </AuthCard>
  );
}
