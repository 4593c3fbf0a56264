import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ApplicationSummary } from '@/lib/dashboard/views';
import { formatDate } from '@/lib/ui/format';
import { ClientTypeBadge, GrantBadges } from './badges';
import { Monogram } from './monogram';

/** The developer's applications: one card each, the whole card a link to its page. */
export function ApplicationList({ applications }: { applications: ApplicationSummary[] }) {
  const t = useTranslations('dashboard.list');
  const tc = useTranslations('dashboard.common');
  const locale = useLocale();
  return (
    <ul className="space-y-3" aria-label={t('listLabel')}>
      {applications.map((app) => (
        <li key={app.id}>
          <Link
            href={`/o/applications/${app.id}`}
            className="group block rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-slate-300 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 sm:p-5"
          >
            <div className="flex items-start gap-4">
              <Monogram name={app.name} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
                  <h2 className="min-w-0 truncate text-base font-semibold text-slate-900 group-hover:text-accent-700">{app.name}</h2>
                  <ClientTypeBadge clientType={app.clientType} />
                </div>
                <p className="mt-0.5 truncate font-mono text-xs text-slate-500">
                  <span className="sr-only">{t('clientIdPrefix')}</span>
                  {app.clientId}
                </p>
                <div className="mt-3 flex flex-wrap gap-1.5">
                  <span className="sr-only">{t('grantTypesPrefix')}</span>
                  <GrantBadges grants={app.grantTypes} />
                </div>
              </div>
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth={2}
                className="mt-2.5 size-5 shrink-0 text-slate-400 transition group-hover:translate-x-0.5 group-hover:text-slate-600"
              >
                <path strokeLinecap="round" strokeLinejoin="round" d="m9 5 7 7-7 7" />
              </svg>
            </div>
            <div className="mt-4 flex flex-wrap gap-x-5 gap-y-1.5 border-t border-slate-100 pt-3 text-sm text-slate-600 sm:ml-14">
              <Stat icon={USERS}>{tc('users', { count: app.userCount })}</Stat>
              <Stat icon={KEY}>{tc('activeTokens', { count: app.activeTokenCount })}</Stat>
              <Stat icon={CALENDAR}>
                {t.rich('created', { date: formatDate(app.createdAt, locale), time: (chunks) => <time dateTime={app.createdAt.toISOString()}>{chunks}</time> })}
              </Stat>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

const USERS = 'M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1m20 0v-1a4 4 0 0 0-3-3.87M15 3.13a4 4 0 0 1 0 7.75M13 7a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z';
const KEY = 'M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.7 5.7L11 17H9v2H7v2H4a1 1 0 0 1-1-1v-2.6a1 1 0 0 1 .3-.7l6-6A6 6 0 1 1 21 9Z';
const CALENDAR = 'M8 7V3m8 4V3m-9 8h10M5 21h14a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2Z';

function Stat({ icon, children }: { icon: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4 text-slate-400">
        <path strokeLinecap="round" strokeLinejoin="round" d={icon} />
      </svg>
      {children}
    </span>
  );
}
