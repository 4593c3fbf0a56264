import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
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

export const metadata: Metadata = { title: 'User' };

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

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <BackLink href="/admin/users">Users</BackLink>
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-all text-slate-900">{user.email}</h1>
            <OperatorBadge operator={operator} />
            <DisabledBadge disabledAt={user.disabledAt} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {user.name || 'No name'} · {user.emailVerified ? 'email verified' : 'email not verified'} · joined {formatDate(user.createdAt)}
            {user.disabledAt ? ` · disabled ${formatDateTime(user.disabledAt)}` : ''}
          </p>
        </div>
        <NoticeAlert notice={noticeFor(query.notice)} />
      </div>

      <Card>
        <CardContent className="space-y-4">
          <h2 className="text-base font-semibold text-slate-900">Actions</h2>
          <div className="flex flex-wrap gap-2">
            {user.disabledAt ? (
              <ActionButton action={setUserDisabledAction} fields={{ id: user.id, disable: '0' }} variant="primary">
                Enable account
              </ActionButton>
            ) : self ? null : (
              <ActionButton action={setUserDisabledAction} fields={{ id: user.id, disable: '1' }} variant="danger">
                Disable account
              </ActionButton>
            )}
            {user.disabledAt ? null : (
              <ActionButton action={sendPasswordResetAction} fields={{ id: user.id }}>
                Send password reset
              </ActionButton>
            )}
            <ActionButton action={endSessionsAction} fields={{ id: user.id }}>
              End all sessions
            </ActionButton>
            <ActionButton action={revokeTokensAction} fields={{ id: user.id }}>
              Revoke all tokens
            </ActionButton>
            <Link href={`/admin/tokens?user=${encodeURIComponent(user.email)}`} className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              See tokens
            </Link>
            <ActionButton action={setOperatorAction} fields={{ id: user.id, operator: user.operator ? '0' : '1' }} variant="ghost">
              {user.operator ? 'Remove operator role' : 'Make operator'}
            </ActionButton>
          </div>
          <p className="text-xs text-slate-500">
            Disabling refuses sign-in, ends every session and revokes every token at once. Each action is recorded in the audit trail with you as the operator.
          </p>
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <RolesForm action={setRolesAction} userId={user.id} roles={user.roles} />
        </CardContent>
      </Card>

      <Section title="Recent activity" description={<Link className="text-accent-700 hover:underline" href={`/admin/audit?user=${encodeURIComponent(user.email)}`}>See all of it in the audit trail</Link>}>
        {activity.rows.length ? <AuditList events={activity.rows} /> : <p className="text-sm text-slate-500">Nothing recorded yet.</p>}
      </Section>

      <Section title="Sessions" description="Browsers signed in to this account.">
        <BoxList empty="No open sessions.">
          {sessions.map((s) => (
            <li key={s.id} className="px-4 py-3">
              <p className="font-medium break-all text-slate-900">{s.userAgent ?? 'Unknown browser'}</p>
              <p className="text-slate-500">
                {s.ip ?? 'unknown address'} · signed in {formatDateTime(s.createdAt)} · last seen {formatRelative(s.lastSeenAt, now)}
              </p>
            </li>
          ))}
        </BoxList>
      </Section>

      <Section title="Authorized applications" description="What this person approved.">
        <BoxList empty="No authorizations.">
          {authorizations.map((a) => (
            <li key={a.applicationId} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <Link href={`/admin/applications/${a.applicationId}`} className="font-medium text-slate-900 hover:text-accent-700">
                {a.name}
              </Link>
              <span className="text-slate-500">
                <span className="font-mono text-xs">{a.scope}</span> · {formatDate(a.updatedAt)}
              </span>
            </li>
          ))}
        </BoxList>
      </Section>

      <Section title="Applications they own">
        <BoxList empty="None.">
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
        <Section title="Delete account" description="Deletes the account with its sessions, tokens, authorizations and the applications it owns. The audit trail keeps its events.">
          <Card className="border-red-200">
            <CardContent>
              <TypedConfirmation action={deleteUserAction} fields={{ id: user.id }} expected={user.email} what="This cannot be undone." button="Delete account" />
            </CardContent>
          </Card>
        </Section>
      )}
    </div>
  );
}
