import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { NoticeAlert } from '@/components/admin/notice';
import { Pager } from '@/components/admin/pager';
import { TokenFilterForm } from '@/components/admin/token-filter-form';
import { TokenList } from '@/components/admin/token-list';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { readTokenQuery, resolveTokenFilter, tokensHref } from '@/lib/admin/token-filter';
import { getSettings } from '@/lib/config/settings';
import { searchTokens } from '@/lib/db/admin-tokens';
import { getDb } from '@/lib/db/client';
import { revokeShownTokensAction, revokeTokenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminTokens'))('title') };
}

const PAGE_SIZE = 25;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Tokens by person and/or application. Something must be named: listing every token of the
 * server, newest first, would scan the whole token tables on a busy server for a list nobody reads.
 */
export default async function AdminTokensPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const [params, t] = await Promise.all([searchParams, getTranslations('adminTokens')]);
  const query = readTokenQuery(params);
  const db = await getDb();
  const filter = await resolveTokenFilter(db, query);
  const named = Boolean(filter.user || filter.applications);
  const now = new Date();
  const { rows, total } =
    named && !filter.problem
      ? await searchTokens(
          db,
          { userId: filter.user?.id, applicationIds: filter.applications?.map((a) => a.id), status: query.status, now, refreshTokenExpireSeconds: getSettings().refreshTokenExpireSeconds },
          (query.page - 1) * PAGE_SIZE,
          PAGE_SIZE,
        )
      : { rows: [], total: 0 };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const back = { user: query.user, application: query.application, status: query.status, page: String(query.page) };
  const oneApplication = filter.applications?.length === 1 ? filter.applications[0] : null;
  // "of alice@example.com", "of Photo Printer", "of alice@example.com at Photo Printer".
  const whose = filter.user ? (oneApplication ? t('whoseAt', { user: filter.user.email, application: oneApplication.name }) : filter.user.email) : (oneApplication?.name ?? '');
  const problem = filter.problem && (filter.problem.key === 'noAccount' ? t('noAccount', { email: filter.problem.value }) : t('noApplication', { name: filter.problem.value }));

  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} description={t('description')} />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <TokenFilterForm user={query.user} application={query.application} status={query.status} />
      {filter.applications && filter.applications.length > 1 ? (
        <p className="text-sm text-slate-600">{t('severalNamed', { count: filter.applications.length, name: query.application })}</p>
      ) : null}
      {!named || problem ? (
        <EmptyState title={problem || t('nameSomething')} description={problem ? t('problemHelp') : t('nameSomethingHelp')} />
      ) : rows.length ? (
        <>
          {!oneApplication && filter.applications ? null : (
            <div className="flex flex-col gap-2 rounded-xl border border-red-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
              <p className="text-sm text-slate-700">{t('revokeAllOf', { whose })}</p>
              <ActionButton action={revokeShownTokensAction} fields={{ user: query.user, application: query.application, status: query.status }} variant="danger">
                {t('revokeAllShown')}
              </ActionButton>
            </div>
          )}
          <TokenList tokens={rows} now={now} revoke={revokeTokenAction} back={back} />
          <Pager
            previous={query.page > 1 ? tokensHref({ ...query, page: query.page - 1 }) : null}
            next={query.page < pages ? tokensHref({ ...query, page: query.page + 1 }) : null}
            label={t('pager', { page: query.page, pages, total })}
          />
        </>
      ) : (
        <EmptyState title={t('noMatch')} description={query.status === 'any' ? t('noMatchAny') : t('noMatchStatus')} />
      )}
    </div>
  );
}
