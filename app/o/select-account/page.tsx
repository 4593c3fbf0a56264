import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { RequestError } from '@/components/consent/request-error';
import { Button } from '@/components/ui/button';
import { currentUser, loginUrl } from '@/lib/auth';
import { resumeAuthorizationPath } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { continueAsSignedIn, useAnotherAccount } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('selectAccount'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** OIDC Core §3.1.2.1 prompt=select_account: who is signed in, "Continue" or "Use another account". */
export default async function SelectAccountPage({ searchParams }: { searchParams: SearchParams }) {
  const requestId = first((await searchParams).request) ?? '';
  const user = await currentUser();
  if (!user) redirect(loginUrl(resumeAuthorizationPath(requestId)));
  const view = requestId ? await (await getOAuthServer()).loadAccountChoice(requestId) : null;
  const t = await getTranslations('selectAccount');
  if (!view) return <RequestError description={t('expired')} advice={t('expiredAdvice')} />;

  return (
    <AuthCard title={t('title')} description={t.rich('continueTo', { app: view.clientName, b: (chunks) => <strong className="font-semibold text-slate-900">{chunks}</strong> })}>
      <div className="flex items-center gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
        <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-accent-600 text-base font-semibold text-white">
          {(user.name || user.email).charAt(0).toUpperCase()}
        </span>
        <div className="min-w-0">
          {user.name ? <p className="truncate font-medium text-slate-900">{user.name}</p> : null}
          <p className="truncate text-sm text-slate-600">{user.email}</p>
        </div>
        <span className="ml-auto shrink-0 text-xs text-slate-500">{t('signedIn')}</span>
      </div>
      <div className="mt-6 flex flex-col gap-3">
        <form action={continueAsSignedIn}>
          <input type="hidden" name="request" value={requestId} />
          <Button type="submit" className="w-full">
            {t('continue')}
          </Button>
        </form>
        <form action={useAnotherAccount}>
          <input type="hidden" name="request" value={requestId} />
          <Button type="submit" variant="secondary" className="w-full">
            {t('another')}
          </Button>
        </form>
      </div>
    </AuthCard>
  );
}
