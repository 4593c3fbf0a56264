import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { currentUser } from '@/lib/auth';
import { currentIssuer } from '@/lib/config/issuer';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { confirmLogout } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('logout'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** DOT's logout_confirm: RP-initiated logout without a valid id_token_hint asks the person first. */
export default async function LogoutConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const t = await getTranslations('logout');
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  let plan;
  try {
    plan = await (await getOAuthServer()).planLogout(params, await currentIssuer());
  } catch (e) {
    return (
      <AuthCard title={t('invalidTitle')} description={t('invalidDescription')}>
        <Alert tone="error">{e instanceof Error && 'description' in e ? String((e as { description: string }).description) : t('invalidRequest')}</Alert>
      </AuthCard>
    );
  }
  const user = await currentUser();
  return (
    <AuthCard
      title={t('question')}
      description={plan.client ? t('clientAsked', { app: plan.client.name }) : t('signOutHere')}
    >
      {user ? (
        <form action={confirmLogout} className="space-y-5">
          {[...params].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <p className="text-sm text-slate-600">
            {t.rich('signedInAs', { email: user.email, b: (chunks) => <strong className="text-slate-900">{chunks}</strong> })}
          </p>
          <div className="flex gap-3">
            <Button type="submit" className="flex-1">
              {t('signOut')}
            </Button>
            <Link href="/" className="flex-1 rounded-lg border border-slate-300 px-4 py-2 text-center text-sm font-medium text-slate-800 hover:bg-slate-50">
              {t('stay')}
            </Link>
          </div>
        </form>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t('alreadyOut')}</p>
          {plan.target !== '/' ? (
            <a className="text-sm font-medium text-accent-600 hover:underline" href={plan.target}>
              {t('returnTo', { app: plan.client?.name ?? t('theApplication') })}
            </a>
          ) : null}
        </div>
      )}
    </AuthCard>
  );
}
