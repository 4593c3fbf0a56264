import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { ButtonLink } from '@/components/ui/button';
import { requireUser } from '@/lib/auth';

export const metadata: Metadata = { title: 'Your applications' };

export default async function ApplicationsPage() {
  await requireUser('/o/applications');
  return (
    <div className="space-y-6">
      <PageHeader
        title="Your applications"
        description="Applications you registered to sign people in and call APIs with this server."
      />
      <EmptyState
        icon={
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-6">
            <path strokeLinecap="round" strokeLinejoin="round" d="M12 4v16m8-8H4" />
          </svg>
        }
        title="No applications yet"
        description="Register an application to get a client ID and secret for your app."
        action={<ButtonLink href="/o/applications/register">Register an application</ButtonLink>}
      />
    </div>
  );
}
