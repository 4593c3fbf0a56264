import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Monogram } from '@/components/applications/monogram';
import { SubmitButton } from '@/components/applications/submit-button';
import { BackLink } from '@/components/back-link';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { deleteApplication } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.delete'))('metaTitle') };
}

/** DOT's application_confirm_delete: what goes with it, then one button. */
export default async function DeleteApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/delete`);
  const app = await (await getDashboardStore()).findApplicationForOwner(id, user.id);
  if (!app) notFound();
  const [t, tc] = await Promise.all([getTranslations('dashboard.delete'), getTranslations('dashboard.common')]);

  return (
    <div className="max-w-2xl space-y-6">
      <BackLink href={`/o/applications/${app.id}`}>{app.name}</BackLink>
      <Card className="overflow-hidden">
        <div className="px-5 py-6 sm:px-8 sm:py-8">
          <div className="flex items-start gap-4">
            <Monogram name={app.name} size="lg" />
            <div className="min-w-0">
              <h1 className="text-xl font-semibold tracking-tight break-words text-slate-900">{t('title', { name: app.name })}</h1>
              <p className="mt-1 font-mono text-xs break-all text-slate-500">{app.clientId}</p>
            </div>
          </div>
          <p className="mt-6 text-sm text-slate-700">{t('intro')}</p>
          <ul className="mt-3 space-y-2 text-sm text-slate-700">
            <Consequence>{app.activeTokenCount ? t('tokensWithCount', { tokens: tc('activeTokens', { count: app.activeTokenCount }) }) : t('tokens')}</Consequence>
            <Consequence>{app.userCount ? t('people', { count: app.userCount }) : t('everyone')}</Consequence>
            <Consequence>{t('credentials')}</Consequence>
          </ul>
        </div>
        <form action={deleteApplication} className="flex flex-col-reverse gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4 sm:flex-row sm:justify-end sm:px-8">
          <input type="hidden" name="id" value={app.id} />
          <ButtonLink href={`/o/applications/${app.id}`} variant="secondary">
            {tc('cancel')}
          </ButtonLink>
          <SubmitButton variant="danger">{t('submit')}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}

function Consequence({ children }: { children: ReactNode }) {
  return (
    <li className="flex gap-2.5">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="mt-0.5 size-4 shrink-0 text-red-600">
        <path strokeLinecap="round" strokeLinejoin="round" d="M6 18 18 6M6 6l12 12" />
      </svg>
      <span>{children}</span>
    </li>
  );
}
