import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { BackLink } from '@/components/back-link';
import { Card } from '@/components/ui/card';
import { currentUser, loginUrl } from '@/lib/auth';
import { getAccountStore } from '@/lib/db/account';
import { getDashboardStore } from '@/lib/db';
import { plural } from '@/lib/ui/format';
import { deleteAccountAction } from '../actions';

export const metadata: Metadata = { title: 'Delete account' };

/** What deleting the account takes with it, named, then a typed confirmation. */
export default async function DeleteAccountPage() {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account/delete'));
  const [owned, authorizations] = await Promise.all([
    (await getAccountStore()).listOwnedApplications(user.id),
    (await getDashboardStore()).listAuthorizationsForUser(user.id),
  ]);

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <BackLink href="/account">Account</BackLink>
      <Card className="overflow-hidden border-red-200">
        <div className="px-5 py-6 sm:px-8 sm:py-8">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Delete your account?</h1>
          <p className="mt-1 text-sm break-words text-slate-600">{user.email}</p>
          <ul className="mt-5 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>You are signed out on every browser.</li>
            <li>
              {authorizations.length
                ? `${plural(authorizations.length, 'application')} you authorized ${authorizations.length === 1 ? 'loses' : 'lose'} access at once: their tokens stop working.`
                : 'No application has access to your account.'}
            </li>
            <li>Your name, email and password are deleted. This cannot be undone.</li>
          </ul>
          {owned.length ? (
            <div className="mt-6">
              <p className="text-sm font-medium text-red-700">These applications you registered are deleted too, for everyone who uses them:</p>
              <ul className="mt-3 divide-y divide-red-100 rounded-lg border border-red-200 bg-red-50/50" aria-label="Applications that will be deleted">
                {owned.map((app) => (
                  <li key={app.id} className="px-4 py-2.5 text-sm">
                    <span className="font-medium break-words text-slate-900">{app.name}</span>
                    <span className="block truncate font-mono text-xs text-slate-500">{app.clientId}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mt-6 text-sm text-slate-600">You have not registered any applications.</p>
          )}
        </div>
        <div className="border-t border-slate-200">
          <DeleteAccountForm email={user.email} action={deleteAccountAction} />
        </div>
      </Card>
    </div>
  );
}
