import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { AuditList } from '@/components/admin/audit-list';
import { NoticeAlert } from '@/components/admin/notice';
import { RolesForm } from '@/components/admin/roles-form';
import { BoxList, Section } from '@/components/admin/section';
import { DisabledBadge, OperatorBadge } from '@/components/admin/status-badges';
import { TypedConfirmation } from '@/components/admin/typed-confirmation';
import { BackLink } from '@/components/back-link';
import { Card, CardContent } from '@/components/ui/card';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { isOperator } from '@/lib/auth/operator';
import { listAuditEvents } from '@/lib/db/audit';
import { findUserForAdmin, listApplicationsOwnedBy, listAuthorizationsForAdmin } from '@/lib/db/admin-users';
import { getDb } from '@/lib/db/client';
import { getSessionStore } from '@/lib/db/sessions';
import { formatDate, formatDateTime, formatRelative } from '@/lib/ui/format';
import { deleteUserAction, endSessionsAction, revokeTokensAction, sendPasswordResetAction, setOperatorAction, setRolesAction, setUserDisabledAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminUser'))('title') };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminUserPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const me = await requireOperator();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const user = await findUserForAdmin(db, id);
  if (!user) notFound();
  const now = new Date();
  const [applications, authorizations, sessions, activity] = await Promise.all([
    listApplicationsOwnedBy(db, user.id),
    listAuthorizationsForAdmin(db, user.id),
    getSessionStore().then((store) => store.listSessionsForUser(user.id, now)),
    listAuditEvents(db, { userId: user.id }, 20),
  ]);
  const operator = isOperator(user);
  const self = me.id === user.id;
  const [t, common, locale] = await Promise.all([getTranslations('adminUser'), getTranslations('adminCommon'), getLocale()]);
  const facts = [
    user.name || t('noName'),
    user.emailVerified ? t('emailVerified') : t('emailNotVerified'),
    t('joined', { date: formatDate(user.createdAt, locale) }),
    ...(user.disabledAt ? [t('disabledAt', { at: formatDateTime(user.disabledAt, locale) })] : []),
  ];

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <BackLink href="/admin/users">{t('back')}</BackLink>
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-all text-slate-900">{user.email}</h1>
            <OperatorBadge operator={operator} />
            <DisabledBadge disabledAt={user.disabledAt} />
          </div>
          <p className="mt-1 text-sm text-slate-600">{facts.join(' · ')}</p>
        </div>
        <NoticeAlert notice={noticeFor(query.notice)} />
      </div>

      <Card>
        <CardContent className="space-y-4">
          <h2 className="text-base font-semibold text-slate-900">{common('actions')}</h2>
          <div className="flex flex-wrap gap-2">
            {user.disabledAt ? (
              <ActionButton action={setUserDisabledAction} fields={{ id: user.id, disable: '0' }} variant="primary">
                {t('enable')}
              </ActionButton>
            ) : self ? null : (
              <ActionButton action={setUserDisabledAction} fields={{ id: user.id, disable: '1' }} variant="danger">
                {t('disable')}
              </ActionButton>
            )}
            {user.disabledAt ? null : (
              <ActionButton action={sendPasswordResetAction} fields={{ id: user.id }}>
                {t('sendReset')}
              </ActionButton>
            )}
            <ActionButton action={endSessionsAction} fields={{ id: user.id }}>
              {t('endSessions')}
            </ActionButton>
            <ActionButton action={revokeTokensAction} fields={{ id: user.id }}>
              {t('revokeTokens')}
            </ActionButton>
            <Link href={`/admin/tokens?user=${encodeURIComponent(user.email)}`} className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {common('seeTokens')}
            </Link>
            <ActionButton action={setOperatorAction} fields={{ id: user.id, operator: user.operator ? '0' : '1' }} variant="ghost">
              {user.operator ? t('removeOperator') : t('makeOperator')}
            </ActionButton>
          </div>
          <p className="text-xs text-slate-500">{t('actionsHelp')}</p>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <RolesForm action={setRolesAction} userId={user.id} roles={user.roles} />
        </CardContent>
      </Card>

      <Section
        id="section-recent-activity"
        title={common('recentActivity')}
        description={
          <Link className="text-accent-700 hover:underline" href={`/admin/audit?user=${encodeURIComponent(user.email)}`}>
            {common('seeAllInAudit')}
          </Link>
        }
      >
        {activity.rows.length ? <AuditList events={activity.rows} /> : <p className="text-sm text-slate-500">{common('nothingRecorded')}</p>}
      </Section>

      <Section id="section-sessions" title={t('sessions')} description={t('sessionsDescription')}>
        <BoxList empty={t('noSessions')}>
          {sessions.map((s) => (
            <li key={s.id} className="px-4 py-3">
              <p className="font-medium break-all text-slate-900">{s.userAgent ?? t('unknownBrowser')}</p>
              <p className="text-slate-500">
                {[s.ip ?? t('unknownAddress'), t('signedIn', { at: formatDateTime(s.createdAt, locale) }), t('lastSeen', { ago: formatRelative(s.lastSeenAt, now, locale) })].join(' · ')}
              </p>
            </li>
          ))}
        </BoxList>
      </Section>

      <Section id="section-authorized-applications" title={t('authorized')} description={t('authorizedDescription')}>
        <BoxList empty={t('noAuthorizations')}>
          {authorizations.map((a) => (
            <li key={a.applicationId} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <Link href={`/admin/applications/${a.applicationId}`} className="font-medium text-slate-900 hover:text-accent-700">
                {a.name}
              </Link>
              <span className="text-slate-500">
                <span className="font-mono text-xs">{a.scope}</span> · {formatDate(a.updatedAt, locale)}
              </span>
            </li>
          ))}
        </BoxList>
      </Section>

      <Section id="section-applications-they-own" title={t('owned')}>
        <BoxList empty={t('noneOwned')}>
          {applications.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2 px-4 py-3">
              <Link href={`/admin/applications/${a.id}`} className="font-medium text-slate-900 hover:text-accent-700">
                {a.name}
              </Link>
              <DisabledBadge disabledAt={a.disabledAt} />
              <span className="font-mono text-xs break-all text-slate-500">{a.clientId}</span>
            </li>
          ))}
        </BoxList>
      </Section>

      {self ? null : (
        <Section id="section-delete-account" title={t('delete')} description={t('deleteDescription')}>
          <Card className="border-red-200">
            <CardContent>
              <TypedConfirmation action={deleteUserAction} fields={{ id: user.id }} expected={user.email} what={t('cannotBeUndone')} button={t('delete')} />
            </CardContent>
          </Card>
        </Section>
      )}
    </div>
  );
}
