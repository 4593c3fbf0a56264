import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { currentUser } from '@/lib/auth';
import { currentIssuer } from '@/lib/config/issuer';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { confirmLogout } from './actions';

export const metadata: Metadata = { title: 'Sign out' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** DOT's logout_confirm: RP-initiated logout without a valid id_token_hint asks the person first. */
export default async function LogoutConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  let plan;
  try {
    plan = await (await getOAuthServer()).planLogout(params, await currentIssuer());
  } catch (e) {
    return (
      <AuthCard title="This sign-out request can't be completed" description="The application sent an invalid sign-out request.">
        <Alert tone="error">{e instanceof Error && 'description' in e ? String((e as { description: string }).description) : 'Invalid request'}</Alert>
      </AuthCard>
    );
  }
  const user = await currentUser();
  return (
    <AuthCard
      title="Sign out?"
      description={plan.client ? `${plan.client.name} asked to sign you out of this server.` : 'Sign out of this server.'}
    >
      {user ? (
        <form action={confirmLogout} className="space-y-5">
          {[...params].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <p className="text-sm text-slate-600">
            You are signed in as <strong className="text-slate-900">{user.email}</strong>.
          </p>
          <div className="flex gap-3">
            <Button type="submit" className="flex-1">
              Sign out
            </Button>
            <Link href="/" className="flex-1 rounded-lg border border-slate-300 px-4 py-2 text-center text-sm font-medium text-slate-800 hover:bg-slate-50">
              Stay signed in
            </Link>
          </div>
        </form>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">You are already signed out.</p>
          {plan.target !== '/' ? (
            <a className="text-sm font-medium text-accent-600 hover:underline" href={plan.target}>
              Return to {plan.client?.name ?? 'the application'}
            </a>
          ) : null}
        </div>
      )}
    </AuthCard>
  );
}
