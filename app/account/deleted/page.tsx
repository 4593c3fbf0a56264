import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Account deleted' };

/** Where deleting the account lands (signed out by then). */
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:px-6">
      <Card className="px-6 py-8 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Your account was deleted</h1>
        <p className="mt-2 text-sm text-slate-600">You were signed out everywhere, and applications can no longer use your account.</p>
        <ButtonLink href="/" variant="secondary" className="mt-6">
          Home
        </ButtonLink>
      </Card>
    </div>
  );
}
