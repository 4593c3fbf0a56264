import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AccountSection } from '@/components/account/account-section';
import { EmailForm } from '@/components/account/email-form';
import { NameForm } from '@/components/account/name-form';
import { PasswordForm } from '@/components/account/password-form';
import { SessionList, type SessionView } from '@/components/account/session-list';
import { TwoFactorSection } from './two-factor-section';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { describeUserAgent } from '@/lib/accounts/devices';
import { currentUser, loginUrl } from '@/lib/auth';
import { getStore } from '@/lib/db';
import { getSessionStore } from '@/lib/db/sessions';
import { redirect } from 'next/navigation';
import { changeEmailAction, changePasswordAction, endOtherSessionsAction, endSessionAction, updateNameAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

const linkClass = 'font-medium text-accent-700 underline-offset-2 hover:underline';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /account: name, email, password, where you are signed in, and deleting the account. */
export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account'));
  const now = new Date();
  const [record, sessions, params, t, ts] = await Promise.all([
    (await getStore()).findUserById(user.id),
    (await getSessionStore()).listSessionsForUser(user.id, now),
    searchParams,
    getTranslations('account'),
    getTranslations('accountSessions'),
  ]);
  const unknown = { browser: ts('unknownBrowser'), os: ts('unknownSystem') };
  const views: SessionView[] = sessions
    .map((s) => ({ id: s.id, ...describeUserAgent(s.userAgent, unknown), ip: s.ip, lastSeenAt: s.lastSeenAt, createdAt: s.createdAt, current: s.id === user.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  const signedOut = typeof params.signedOut === 'string' ? Number(params.signedOut) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <PageHeader title={t('title')} description={t('description')} />

      <AccountSection id="profile" title={t('nameTitle')} description={t('nameDescription')}>
        <NameForm name={user.name ?? ''} action={updateNameAction} />
      </AccountSection>

      <AccountSection
        id="email"
        title={t('emailTitle')}
        description={
          <>
            {t.rich('emailDescription', { email: user.email, b: (chunks) => <span className="font-medium break-all text-slate-900">{chunks}</span> })}{' '}
            {user.emailVerified ? <span className="text-emerald-700">{t('verified')}</span> : <span className="text-amber-700">{t('notVerified')}</span>}
          </>
        }
      >
        <EmailForm action={changeEmailAction} />
      </AccountSection>

      <AccountSection id="password" title={t('passwordTitle')} description={t('passwordDescription')}>
        {record?.passwordHash ? (
          <PasswordForm email={user.email} action={changePasswordAction} />
        ) : (
          <p className="text-sm text-slate-600">{t('noPassword')}</p>
        )}
      </AccountSection>

      <TwoFactorSection user={user} passkeyNotice={typeof params.passkey === 'string' ? params.passkey : undefined} />

      <AccountSection id="sessions" title={t('sessionsTitle')} description={t('sessionsDescription')}>
        <div className="space-y-4">
          {signedOut !== null ? (
            signedOut > 0 ? (
              <Alert tone="success">{t('signedOut', { count: signedOut })}</Alert>
            ) : (
              <Alert tone="info">{t('alreadyEnded')}</Alert>
            )
          ) : null}
          <SessionList sessions={views} now={now} endSession={endSessionAction} endOtherSessions={endOtherSessionsAction} />
        </div>
      </AccountSection>

      <AccountSection id="applications" title={t('applicationsTitle')} description={t('applicationsDescription')}>
        <p className="text-sm text-slate-600">
          {t.rich('applicationsText', {
            link: (chunks) => (
              <Link href="/o/authorized-tokens" className={linkClass}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AccountSection>

      <AccountSection id="activity" title={t('activityTitle')} description={t('activityDescription')}>
        <p className="text-sm text-slate-600">
          {t.rich('activityText', {
            link: (chunks) => (
              <Link href="/account/activity" className={linkClass}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </AccountSection>

      <AccountSection id="delete" title={t('deleteTitle')} tone="danger" description={t('deleteDescription')}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t('deleteText')}</p>
          <ButtonLink href="/account/delete" variant="danger">
            {t('deleteButton')}
          </ButtonLink>
        </div>
      </AccountSection>
    </div>
  );
}
