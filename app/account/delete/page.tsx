import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { BackLink } from '@/components/back-link';
import { Card } from '@/components/ui/card';
import { currentUser, loginUrl } from '@/lib/auth';
import { getAccountStore } from '@/lib/db/account';
import { getDashboardStore } from '@/lib/db';
import { deleteAccountAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountDelete'))('title') };
}

/** What deleting the account takes with it, named, then a typed confirmation. */
export default async function DeleteAccountPage() {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account/delete'));
  const [owned, authorizations, t] = await Promise.all([
    (await getAccountStore()).listOwnedApplications(user.id),
    (await getDashboardStore()).listAuthorizationsForUser(user.id),
    getTranslations('accountDelete'),
  ]);

  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-6 sm:px-6 lg:py-10">
      <BackLink href="/account">{t('back')}</BackLink>
      <Card className="overflow-hidden border-red-200">
        <div className="px-5 py-6 sm:px-8 sm:py-8">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t('heading')}</h1>
          <p className="mt-1 text-sm break-words text-slate-600">{user.email}</p>
          <ul className="mt-5 list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>{t('signedOut')}</li>
            <li>{authorizations.length ? t('appsLose', { count: authorizations.length }) : t('noApps')}</li>
            <li>{t('dataDeleted')}</li>
          </ul>
          {owned.length ? (
            <div className="mt-6">
              <p className="text-sm font-medium text-red-700">{t('ownedIntro')}</p>
              <ul className="mt-3 divide-y divide-red-100 rounded-lg border border-red-200 bg-red-50/50" aria-label={t('ownedLabel')}>
                {owned.map((app) => (
                  <li key={app.id} className="px-4 py-2.5 text-sm">
                    <span className="font-medium break-words text-slate-900">{app.name}</span>
                    <span className="block truncate font-mono text-xs text-slate-500">{app.clientId}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mt-6 text-sm text-slate-600">{t('noneOwned')}</p>
          )}
        </div>
        <div className="border-t border-slate-200">
          <DeleteAccountForm email={user.email} action={deleteAccountAction} />
        </div>
      </Card>
    </div>
  );
}
