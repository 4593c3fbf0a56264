import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { NoticeAlert } from '@/components/admin/notice';
import { BoxList } from '@/components/admin/section';
import { Badge } from '@/components/applications/badges';
import { PageHeader } from '@/components/page-header';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { getSettings } from '@/lib/config/settings';
import { getStore } from '@/lib/db';
import { formatDateTime, formatRelative } from '@/lib/ui/format';
import { rotateKeysAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminKeys'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminKeysPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const now = new Date();
  const keys = await (await getStore()).listSigningKeys(now);
  const grace = getSettings().keyRotationGraceSeconds;
  const [t, locale] = await Promise.all([getTranslations('adminKeys'), getLocale()]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('description', { hours: Math.round(grace / 3600) })}
        actions={
          <ActionButton action={rotateKeysAction} fields={{}} variant="primary">
            {t('rotate')}
          </ActionButton>
        }
      />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <BoxList empty={t('none')}>
        {keys.map((k) => (
          <li key={k.kid} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs break-all text-slate-900">{k.kid}</span>
                <Badge>{k.alg}</Badge>
                {k.retiredAt ? <Badge tone="amber">{t('retired')}</Badge> : <Badge tone="accent">{t('signing')}</Badge>}
              </div>
              <p className="text-slate-500">
                {[
                  t('created', { at: formatDateTime(k.createdAt, locale), ago: formatRelative(k.createdAt, now, locale) }),
                  ...(k.retiredAt ? [t('retiredAgo', { ago: formatRelative(k.retiredAt, now, locale) })] : []),
                  ...(k.expiresAt ? [t('unpublished', { at: formatDateTime(k.expiresAt, locale) })] : []),
                ].join(' · ')}
              </p>
            </div>
          </li>
        ))}
      </BoxList>
    </div>
  );
}
