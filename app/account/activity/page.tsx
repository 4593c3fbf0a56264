import type { Metadata } from 'next';
import { AuditList } from '@/components/admin/audit-list';
import { Pager } from '@/components/admin/pager';
import { BackLink } from '@/components/back-link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { listActivityForUser } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Your activity' };

const PAGE_SIZE = 30;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A person's own trail: sign-ins (and failed ones on their account), consents, revocations and
 * security changes, so they can spot what they did not do. Only events about them (user_id).
 */
export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/account/activity');
  const params = await searchParams;
  const rawBefore = Array.isArray(params.before) ? params.before[0] : params.before;
  const before = rawBefore && /^\d{1,15}$/.test(rawBefore) ? Number(rawBefore) : undefined;
  const { rows, hasMore } = await listActivityForUser(await getDb(), user.id, PAGE_SIZE, before);
  const last = rows.at(-1);

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <BackLink href="/account">Account</BackLink>
      <PageHeader
        title="Your activity"
        description="Sign-ins, applications you allowed or refused, revoked access and changes to your account. If you see something you did not do, change your password and sign out everywhere."
      />
      {rows.length ? (
        <>
          <AuditList events={rows} showSubject={false} />
          <Pager previous={before ? '/account/activity' : null} previousLabel="Newest" next={hasMore && last ? `/account/activity?before=${last.id}` : null} nextLabel="Older" />
        </>
      ) : (
        <EmptyState title="Nothing recorded yet" description="Your sign-ins and the applications you allow will appear here." />
      )}
    </div>
  );
}
