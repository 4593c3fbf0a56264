import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { GrantBadges } from '@/components/applications/badges';
import type { ApplicationView } from '@/lib/admin/views';
import { formatDate, formatRelative } from '@/lib/ui/format';
import { DisabledBadge, RegisteredViaBadge } from './status-badges';

/** Every application, whoever owns it: owner, how it registered, grants, last use. */
export function AdminApplicationList({ applications, now }: { applications: ApplicationView[]; now: Date }) {
  const t = useTranslations('adminApplications');
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={t('listLabel')}>
      {applications.map((a) => (
        <li key={a.id}>
          <Link href={`/admin/applications/${a.id}`} className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none">
            <div className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 truncate text-sm font-medium text-slate-900">{a.name}</span>
              <DisabledBadge disabledAt={a.disabledAt} />
              <RegisteredViaBadge via={a.registeredVia} />
            </div>
            <p className="mt-0.5 truncate font-mono text-xs text-slate-500">{a.clientId}</p>
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm text-slate-600">
              <span className="min-w-0 truncate">{t('owner', { owner: a.ownerEmail ?? t('noOwner') })}</span>
              <span>{a.lastUsedAt ? t('lastToken', { ago: formatRelative(a.lastUsedAt, now, locale) }) : t('neverUsed')}</span>
              <span>{t('created', { date: formatDate(a.createdAt, locale) })}</span>
            </div>
            <div className="mt-2 flex flex-wrap gap-1.5">
              <span className="sr-only">{t('grantTypes')}</span>
              <GrantBadges grants={a.grantTypes} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
