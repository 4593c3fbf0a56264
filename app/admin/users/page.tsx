import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminUsers'))('title') };
}

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const [params, t, common] = await Promise.all([searchParams, getTranslations('adminUsers'), getTranslations('adminCommon')]);
  const q = first(params.q).trim().slice(0, 200);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1));
  const { rows, total } = await searchUsers(await getDb(), q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('description')} />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <form role="search" className="flex gap-2" action="/admin/users">
        <label htmlFor="q" className="sr-only">
          {t('searchLabel')}
        </label>
        <Input id="q" name="q" type="search" defaultValue={q} placeholder={t('searchPlaceholder')} className="max-w-md" />
        <Button type="submit" variant="secondary">
          {common('search')}
        </Button>
      </form>
      {rows.length ? (
        <>
          {/* Operators by role or by OAUTH2_OPERATOR_EMAILS get the badge. */}
          <UserList users={rows.map((u) => ({ ...u, operator: isOperator(u) }))} />
          <Pager previous={page > 1 ? href(page - 1) : null} next={page < pages ? href(page + 1) : null} label={t('pager', { page, pages, total })} />
        </>
      ) : (
        <EmptyState title={q ? t('noMatch', { q }) : t('none')} description={q ? t('noMatchHelp') : undefined} />
      )}
    </div>
  );
}
