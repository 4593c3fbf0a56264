import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { Alert } from '@/components/ui/alert';
import { RESET_LINK_MINUTES } from '@/lib/accounts/password-reset';

export const metadata: Metadata = { title: 'Forgot password' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const backToSignIn = (
  <Link href="/login" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
    Back to sign in
  </Link>
);

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const sent = (await searchParams).sent === '1';
  if (sent) {
    // The same words for every address: whether an account exists is not said here.
    return (
      <AuthCard title="Check your email" footer={backToSignIn}>
        <div className="space-y-4 text-sm text-slate-700">
          <Alert tone="success">If an account uses that address, a link to reset its password is on its way.</Alert>
          <p>The link works once, for {RESET_LINK_MINUTES} minutes. If nothing arrives within a few minutes, check your spam folder, or ask for a new link.</p>
          <p>
            <Link href="/forgot-password" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
              Send another link
            </Link>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Forgot your password?" description="Enter the email address of your account and we will send you a link to choose a new password." footer={backToSignIn}>
      <ForgotPasswordForm />
    </AuthCard>
  );
}
