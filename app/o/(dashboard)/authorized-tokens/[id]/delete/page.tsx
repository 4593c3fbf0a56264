import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Monogram } from '@/components/applications/monogram';
import { SubmitButton } from '@/components/applications/submit-button';
import { BackLink } from '@/components/back-link';
import { ScopeSummary } from '@/components/tokens/authorized-token-list';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { formatDate } from '@/lib/ui/format';
import { localizedScopeDescriptions } from '@/lib/i18n/scope-descriptions';
import { revokeAuthorization } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.tokens'))('revokeTitle') };
}

/** DOT's authorized-token confirm delete: what the application loses, then "Revoke". */
export default async function RevokeAuthorizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/o/authorized-tokens/${encodeURIComponent(id)}/delete`);
  const authorization = await (await getDashboardStore()).findAuthorizationForUser(id, user.id);
  if (!authorization) notFound();
  const name = authorization.applicationName;
  const [t, tc, locale, descriptions] = await Promise.all([getTranslations('dashboard.tokens'), getTranslations('dashboard.common'), getLocale(), localizedScopeDescriptions()]);

  return (
    <div className="max-w-2xl space-y-6">
      <BackLink href="/o/authorized-tokens">{t('title')}</BackLink>
      <Card className="overflow-hidden">
        <div className="px-5 py-6 sm:px-8 sm:py-8">
          <div className="flex items-start gap-4">
            <Monogram name={name} size="lg" />
            <div className="min-w-0">
              <h1 className="text-xl font-semibold tracking-tight break-words text-slate-900">{t('revokeQuestion', { name })}</h1>
              <p className="mt-1 text-sm text-slate-600">{t('authorizedOn', { date: formatDate(authorization.createdAt, locale) })}</p>
            </div>
          </div>
          <div className="mt-6">
            <p className="text-sm font-medium text-slate-900">{t('willLose')}</p>
            <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50/60 p-4">
              <ScopeSummary scopes={authorization.scopes} descriptions={descriptions} />
            </div>
          </div>
          <p className="mt-5 text-sm text-slate-700">{t('revokeText')}</p>
        </div>
        <form action={revokeAuthorization} className="flex flex-col-reverse gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4 sm:flex-row sm:justify-end sm:px-8">
          <input type="hidden" name="id" value={authorization.id} />
          <ButtonLink href="/o/authorized-tokens" variant="secondary">
            {tc('cancel')}
          </ButtonLink>
          <SubmitButton variant="danger">{t('revoke')}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}
