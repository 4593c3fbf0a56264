import type { Metadata } from 'next';
import { Pager } from '@/components/admin/pager';
import { UserList } from '@/components/admin/user-list';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NoticeAlert } from '@/components/admin/notice';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { isOperator } from '@/lib/auth/operator';
import { searchUsers } from '@/lib/db/admin-users';
import { getDb } from '@/lib/db/client';

export const metadata: Metadata = { title: 'Users' };

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const q = first(params.q).trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const { rows, total } = await searchUsers(await getDb(), q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Find an account by email or name to see what it did and what it can reach, and to stop it." />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <form role="search" className="flex gap-2" action="/admin/users">
        <label htmlFor="q" className="sr-only">
          Search by email or name
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} placeholder="Search by email or name" className="max-w-md" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {rows.length ? (
        <>
          {/* Operators by role or by OAUTH2_OPERATOR_EMAILS get the badge. */}
          <UserList users={rows.map((u) => ({ ...u, operator: isOperator(u) }))} />
          <Pager
            previous={page > 1 ? href(page - 1) : null}
            next={page < pages ? href(page + 1) : null}
            label={`Page ${page} of ${pages} · ${total.toLocaleString('en')} ${total === 1 ? 'account' : 'accounts'}`}
          />
        </>
      ) : (
        <EmptyState title={q ? `No account matches “${q}”` : 'No accounts yet'} description={q ? 'Search looks in emails and names, ignoring case.' : undefined} />
      )}
    </div>
  );
}
