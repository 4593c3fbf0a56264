import type { Metadata } from 'next';
import { AdminApplicationList } from '@/components/admin/admin-application-list';
import { NoticeAlert } from '@/components/admin/notice';
import { Pager } from '@/components/admin/pager';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { searchApplications } from '@/lib/db/admin-applications';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Applications' };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function AdminApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const { rows, total } = await searchApplications(await getDb(), q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `/admin/applications?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Applications" description="Every application on this server: registered in the dashboard or by command, or by clients themselves." />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <form role="search" className="flex gap-2" action="/admin/applications">
        <label htmlFor="q" className="sr-only">
          Search by name, client ID or owner
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} placeholder="Name, client ID or owner’s email" className="max-w-md" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {rows.length ? (
        <>
          <AdminApplicationList applications={rows} now={new Date()} />
          <Pager
            previous={page > 1 ? href(page - 1) : null}
            next={page < pages ? href(page + 1) : null}
            label={`Page ${page} of ${pages} · ${total.toLocaleString('en')} ${total === 1 ? 'application' : 'applications'}`}
          />
        </>
      ) : (
        <EmptyState title={q ? `No application matches “${q}”` : 'No applications yet'} />
      )}
    </div>
  );
}
