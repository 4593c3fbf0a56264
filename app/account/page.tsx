import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Account' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /account: name, email, password, where you are signed in, and deleting the account. */
export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account'));
  const now = new Date();
  const [record, sessions, params] = await Promise.all([
    (await getStore()).findUserById(user.id),
    (await getSessionStore()).listSessionsForUser(user.id, now),
    searchParams,
  ]);
  const views: SessionView[] = sessions
    .map((s) => ({ id: s.id, ...describeUserAgent(s.userAgent), ip: s.ip, lastSeenAt: s.lastSeenAt, createdAt: s.createdAt, current: s.id === user.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
  const signedOut = typeof params.signedOut === 'string' ? Number(params.signedOut) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <PageHeader title="Account" description="Your profile, how you sign in, and where you are signed in." />

      <AccountSection id="profile" title="Name" description="How applications and this server greet you.">
        <NameForm name={user.name ?? ''} action={updateNameAction} />
      </AccountSection>

      <AccountSection
        id="email"
        title="Email"
        description={
          <>
            You sign in with <span className="font-medium break-all text-slate-900">{user.email}</span>.{' '}
            {user.emailVerified ? <span className="text-emerald-700">Verified.</span> : <span className="text-amber-700">Not verified yet.</span>}
          </>
        }
      >
        <EmailForm action={changeEmailAction} />
      </AccountSection>

      <AccountSection id="password" title="Password" description="Changing it signs out every other browser.">
        {record?.passwordHash ? (
          <PasswordForm email={user.email} action={changePasswordAction} />
        ) : (
          <p className="text-sm text-slate-600">
            This account signs in with GitHub or Google and has no password. To set one, use “Forgot password?” on the sign-in page.
          </p>
        )}
      </AccountSection>

      <TwoFactorSection user={user} passkeyNotice={typeof params.passkey === 'string' ? params.passkey : undefined} />

      <AccountSection id="sessions" title="Signed in on" description="Browsers signed in to your account. Sign out any you do not recognise, then change your password.">
        <div className="space-y-4">
          {signedOut !== null ? (
            signedOut > 0 ? (
              <Alert tone="success">{signedOut === 1 ? 'That browser was signed out.' : `${signedOut} browsers were signed out.`}</Alert>
            ) : (
              <Alert tone="info">That session had already ended.</Alert>
            )
          ) : null}
          <SessionList sessions={views} now={now} endSession={endSessionAction} endOtherSessions={endOtherSessionsAction} />
        </div>
      </AccountSection>

      <AccountSection id="applications" title="Authorized applications" description="Applications you allowed to use your account.">
        <p className="text-sm text-slate-600">
          See what each application can do and revoke access on{' '}
          <Link href="/o/authorized-tokens" className="font-medium text-accent-700 underline-offset-2 hover:underline">
            Authorized applications
          </Link>
          .
        </p>
      </AccountSection>

      <AccountSection id="activity" title="Recent activity" description="Sign-ins, consents, revocations and changes to your account.">
        <p className="text-sm text-slate-600">
          Spot anything you did not do on{' '}
          <Link href="/account/activity" className="font-medium text-accent-700 underline-offset-2 hover:underline">
            Recent activity
          </Link>
          .
        </p>
      </AccountSection>

      <AccountSection id="delete" title="Delete account" tone="danger" description="Permanent: there is no undo.">
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            Deleting your account signs you out everywhere, revokes every application’s access, and deletes the applications you registered.
          </p>
          <ButtonLink href="/account/delete" variant="danger">
            Delete account…
          </ButtonLink>
        </div>
      </AccountSection>
    </div>
  );
}
