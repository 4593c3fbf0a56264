import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ApplicationList } from '@/components/applications/application-list';
import { SelfRegisteredList } from '@/components/applications/self-registered-list';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireUser } from '@/lib/auth';
import { isOperator } from '@/lib/auth/operator';
import { getDashboardStore } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.list'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ApplicationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/o/applications');
  const store = await getDashboardStore();
  // Owner-less clients that registered themselves are the operator's to watch (OAUTH2_OPERATOR_EMAILS, verified).
  const operator = isOperator(user);
  const [applications, selfRegistered, params, t] = await Promise.all([
    store.listApplicationsForOwner(user.id),
    operator ? store.listSelfRegisteredApplications() : Promise.resolve([]),
    searchParams,
    getTranslations('dashboard.list'),
  ]);
  const code = (chunks: ReactNode) => <code className="font-mono text-[0.8125rem] text-slate-800">{chunks}</code>;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={applications.length ? <ButtonLink href="/o/applications/register">{PLUS}{t('register')}</ButtonLink> : null}
      />
      {params.deleted ? (
        <Alert tone="success" title={t('deletedTitle')}>
          {t('deletedText')}
        </Alert>
      ) : null}
      {applications.length ? (
        <ApplicationList applications={applications} />
      ) : (
        <EmptyState
          icon={
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-6">
              <path
                strokeLinecap="round"
                strokeLinejoin="round"
                d="M4 5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5Zm10 0a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1V5ZM4 15a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-4Zm13-1v6m-3-3h6"
              />
            </svg>
          }
          title={t('emptyTitle')}
          description={t('emptyDescription')}
          action={
            <div className="flex flex-col items-center">
              <ol className="max-w-sm space-y-2.5 text-left text-sm text-slate-600">
                <Step n={1} label={t('step', { n: 1 })}>{t('step1')}</Step>
                <Step n={2} label={t('step', { n: 2 })}>{t('step2')}</Step>
                <Step n={3} label={t('step', { n: 3 })}>{t.rich('step3', { code })}</Step>
              </ol>
              <ButtonLink href="/o/applications/register" className="mt-7">
                {PLUS}
                {t('register')}
              </ButtonLink>
            </div>
          }
        />
      )}
      {operator ? (
        <section aria-labelledby="self-registered" className="space-y-3 pt-4">
          <div>
            <h2 id="self-registered" className="text-lg font-semibold text-slate-900">
              {t('selfRegisteredTitle')}
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              {t.rich('selfRegisteredText', { code: (chunks) => <code className="font-mono text-[0.8125rem]">{chunks}</code> })}
            </p>
          </div>
          {selfRegistered.length ? <SelfRegisteredList applications={selfRegistered} /> : <p className="text-sm text-slate-500">{t('noneYet')}</p>}
        </section>
      ) : null}
    </div>
  );
}

const PLUS = (
  <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
    <path strokeLinecap="round" strokeLinejoin="round" d="M12 5v14m7-7H5" />
  </svg>
);

/** One numbered step; `label` ("Step 1: ") is for screen readers, which do not see the number. */
function Step({ n, label, children }: { n: number; label: string; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden="true" className="flex size-5 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">
        {n}
      </span>
      <span>
        <span className="sr-only">{label}</span>
        {children}
      </span>
    </li>
  );
}
