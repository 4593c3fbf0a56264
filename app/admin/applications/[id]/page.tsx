import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { AuditList } from '@/components/admin/audit-list';
import { NoticeAlert } from '@/components/admin/notice';
import { Section } from '@/components/admin/section';
import { DisabledBadge, RegisteredViaBadge } from '@/components/admin/status-badges';
import { TypedConfirmation } from '@/components/admin/typed-confirmation';
import { ClientTypeBadge, GrantBadges } from '@/components/applications/badges';
import { TokensChart } from '@/components/applications/tokens-chart';
import { BackLink } from '@/components/back-link';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { findApplicationForAdmin } from '@/lib/db/admin-applications';
import { listAuditEvents } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { tokensIssuedPerDay } from '@/lib/db/tokens-per-day';
import { formatDate, formatDateTime, formatRelative } from '@/lib/ui/format';
import { deleteApplicationAction, revokeApplicationTokensAction, setApplicationDisabledAction, transferApplicationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminApplication'))('title') };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminApplicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await requireOperator();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const app = await findApplicationForAdmin(db, id);
  if (!app) notFound();
  const now = new Date();
  const [days, activity] = await Promise.all([tokensIssuedPerDay(db, app.id, { now }), listAuditEvents(db, { clientId: app.clientId }, 15)]);
  const [t, common, locale] = await Promise.all([getTranslations('adminApplication'), getTranslations('adminCommon'), getLocale()]);

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <BackLink href="/admin/applications">{t('back')}</BackLink>
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">{app.name}</h1>
            <ClientTypeBadge clientType={app.clientType} />
            <DisabledBadge disabledAt={app.disabledAt} />
          </div>
          <p className="mt-1 font-mono text-xs break-all text-slate-500">{app.clientId}</p>
        </div>
        <NoticeAlert notice={noticeFor(query.notice)} />
      </div>

      <Card>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t('owner')}</dt>
              <dd className="mt-0.5 break-all text-slate-900">
                {app.ownerId ? <Link href={`/admin/users/${app.ownerId}`} className="hover:text-accent-700">{app.ownerEmail}</Link> : t('noOwner')}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('registeredVia')}</dt>
              <dd className="mt-1">
                <RegisteredViaBadge via={app.registeredVia} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('grantTypes')}</dt>
              <dd className="mt-1 flex flex-wrap gap-1.5">
                <GrantBadges grants={app.grantTypes} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('lastUsed')}</dt>
              <dd className="mt-0.5 text-slate-900">{app.lastUsedAt ? `${formatRelative(app.lastUsedAt, now, locale)} (${formatDateTime(app.lastUsedAt, locale)})` : t('never')}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('created')}</dt>
              <dd className="mt-0.5 text-slate-900">{formatDate(app.createdAt, locale)}</dd>
            </div>
            {app.disabledAt ? (
              <div>
                <dt className="text-slate-500">{t('disabled')}</dt>
                <dd className="mt-0.5 text-slate-900">{formatDateTime(app.disabledAt, locale)}</dd>
              </div>
            ) : null}
          </dl>
        </CardContent>
      </Card>

      <Card>
        <CardContent className="space-y-4">
          <h2 className="text-base font-semibold text-slate-900">{common('actions')}</h2>
          <div className="flex flex-wrap gap-2">
            {app.disabledAt ? (
              <ActionButton action={setApplicationDisabledAction} fields={{ id: app.id, disable: '0' }} variant="primary">
                {t('enable')}
              </ActionButton>
            ) : (
              <ActionButton action={setApplicationDisabledAction} fields={{ id: app.id, disable: '1' }} variant="danger">
                {t('disable')}
              </ActionButton>
            )}
            <ActionButton action={revokeApplicationTokensAction} fields={{ id: app.id }}>
              {t('revokeTokens')}
            </ActionButton>
            <Link href={`/admin/tokens?application=${encodeURIComponent(app.clientId)}`} className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {common('seeTokens')}
            </Link>
            <Link href={`/admin/applications/${app.id}/edit`} className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {t('edit')}
            </Link>
          </div>
          <p className="text-xs text-slate-500">
            {t.rich('actionsHelp', {
              clientId: app.clientId,
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              command: (chunks) => <code className="font-mono break-all">{chunks}</code>,
            })}
          </p>
          <form action={transferApplicationAction} className="flex flex-col gap-2 border-t border-slate-100 pt-4 sm:flex-row sm:items-end">
            <input type="hidden" name="id" value={app.id} />
            <div className="min-w-0 flex-1 space-y-1.5">
              <Label htmlFor="new-owner">{t('transferLabel')}</Label>
              <Input id="new-owner" name="email" type="email" required placeholder={t('transferPlaceholder')} className="max-w-sm" />
            </div>
            <Button type="submit" variant="secondary" size="md">
              {t('transfer')}
            </Button>
          </form>
        </CardContent>
      </Card>

      <Section id="section-tokens-issued" title={t('tokensIssued')}>
        <Card>
          <CardContent>
            <TokensChart days={days} />
          </CardContent>
        </Card>
      </Section>

      <Section
        id="section-recent-activity"
        title={common('recentActivity')}
        description={
          <Link className="text-accent-700 hover:underline" href={`/admin/audit?client=${encodeURIComponent(app.clientId)}`}>
            {common('seeAllInAudit')}
          </Link>
        }
      >
        {activity.rows.length ? <AuditList events={activity.rows} /> : <p className="text-sm text-slate-500">{common('nothingRecorded')}</p>}
      </Section>

      <Section id="section-delete-application" title={t('delete')} description={t('deleteDescription')}>
        <Card className="border-red-200">
          <CardContent>
            <TypedConfirmation action={deleteApplicationAction} fields={{ id: app.id }} expected={app.name} what={t('deleteWarning')} button={t('delete')} />
          </CardContent>
        </Card>
      </Section>
    </div>
  );
}
