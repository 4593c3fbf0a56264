import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditFilterForm } from '@/components/admin/audit-filter-form';
import { AuditList } from '@/components/admin/audit-list';
import { Pager } from '@/components/admin/pager';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireOperator } from '@/lib/admin/require-operator';
import { auditSearch, parseAuditQuery, readAuditQuery } from '@/lib/audit/filter';
import { getSettings } from '@/lib/config/settings';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import { listAuditEvents, listAuditEventTypes } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminAudit'))('title') };
}

const PAGE_SIZE = 50;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const db = await getDb();
  const query = readAuditQuery(await searchParams);
  const parsed = await parseAuditQuery(query, async (email) => (await findUserByEmailForAdmin(db, email))?.id ?? null);
  const [page, types] = await Promise.all([
    parsed.problems.length ? Promise.resolve({ rows: [], hasMore: false }) : listAuditEvents(db, parsed.filter, PAGE_SIZE),
    listAuditEventTypes(db),
  ]);
  const last = page.rows.at(-1);
  const filtered = Object.values(query).some(Boolean);
  const [t, common] = await Promise.all([getTranslations('adminAudit'), getTranslations('adminCommon')]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('description', { days: getSettings().audit.retentionDays })}
        actions={
          parsed.problems.length ? null : (
            <>
              <ButtonLink href={`/admin/audit/export${auditSearch(query, { format: 'csv' })}`} variant="secondary" size="sm" prefetch={false}>
                {t('exportCsv')}
              </ButtonLink>
              <ButtonLink href={`/admin/audit/export${auditSearch(query, { format: 'jsonl' })}`} variant="secondary" size="sm" prefetch={false}>
                {t('exportJsonl')}
              </ButtonLink>
            </>
          )
        }
      />
      <AuditFilterForm query={query} types={types} />
      {parsed.problems.length ? (
        <Alert tone="error" title={t('unusable')}>
          <ul className="list-disc pl-4">
            {parsed.problems.map((p) => (
              <li key={p.key}>{t(p.key, p.values)}</li>
            ))}
          </ul>
        </Alert>
      ) : page.rows.length ? (
        <>
          <AuditList events={page.rows} />
          <Pager
            previous={query.before ? `/admin/audit${auditSearch(query)}` : null}
            previousLabel={common('newest')}
            next={page.hasMore && last ? `/admin/audit${auditSearch(query, { before: String(last.id) })}` : null}
            nextLabel={common('older')}
          />
        </>
      ) : (
        <EmptyState title={filtered ? t('noMatch') : t('nothing')} description={filtered ? t('noMatchHelp') : undefined} />
      )}
    </div>
  );
}
