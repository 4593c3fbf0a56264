import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Authorized tokens' };

export default async function AuthorizedTokensPage() {
  await requireUser('/o/authorized-tokens');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Authorized tokens"
        description="Applications you have allowed to access your account. Revoke any you no longer use."
      />
      <EmptyState
        icon={
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-6">
            <path strokeLinecap="round" strokeLinejoin="round" d="M9 12.75 11.25 15 15 9.75m-3-7.04A11.96 11.96 0 0 1 3.6 6 12 12 0 0 0 12 21.75 12 12 0 0 0 20.4 6 11.96 11.96 0 0 1 12 2.71Z" />
          </svg>
        }
        title="You haven't authorized any applications"
        description="When you allow an application to access your account, it appears here."
      />
    </div>
  );
}
