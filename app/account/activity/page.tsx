import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditList } from '@/components/admin/audit-list';
import { Pager } from '@/components/admin/pager';
import { BackLink } from '@/components/back-link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { listActivityForUser } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountActivity'))('title') };
}

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
  const t = await getTranslations('accountActivity');

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <BackLink href="/account">{t('back')}</BackLink>
      <PageHeader title={t('title')} description={t('description')} />
      {rows.length ? (
        <>
          <AuditList events={rows} showSubject={false} />
          <Pager previous={before ? '/account/activity' : null} previousLabel={t('newest')} next={hasMore && last ? `/account/activity?before=${last.id}` : null} nextLabel={t('older')} />
        </>
      ) : (
        <EmptyState title={t('emptyTitle')} description={t('emptyDescription')} />
      )}
    </div>
  );
}
