import { useLocale, useTranslations } from 'next-intl';
import type { SelfRegisteredSummary } from '@/lib/dashboard/views';
import { formatDate } from '@/lib/ui/format';
import { Badge, ClientTypeBadge } from './badges';
import { Monogram } from './monogram';

export function RegisteredViaBadge({ via }: { via: 'dashboard' | 'dynamic' | 'metadata_document' }) {
  const t = useTranslations('dashboard.badges');
  if (via === 'dynamic') return <Badge tone="amber">{t('registeredItself')}</Badge>;
  if (via === 'metadata_document') return <Badge tone="amber">{t('metadataDocument')}</Badge>;
  return null;
}

/**
 * For operators (OAUTH2_OPERATOR_EMAILS): clients that registered themselves, by RFC 7591 or a
 * client ID metadata document. They have no owner, so they are read-only here; people who
 * authorized one revoke it on their Authorized applications page.
 */
export function SelfRegisteredList({ applications }: { applications: SelfRegisteredSummary[] }) {
  const t = useTranslations('dashboard.list');
  const tc = useTranslations('dashboard.common');
  const locale = useLocale();
  return (
    <ul className="space-y-3" aria-label={t('selfRegisteredLabel')}>
      {applications.map((app) => (
        <li key={app.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <div className="flex items-start gap-4">
            <Monogram name={app.name} />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
                <h3 className="min-w-0 truncate text-base font-semibold text-slate-900">{app.name}</h3>
                <ClientTypeBadge clientType={app.clientType} />
                <RegisteredViaBadge via={app.registeredVia} />
              </div>
              <p className="mt-0.5 font-mono text-xs break-all text-slate-500">
                <span className="sr-only">{t('clientIdPrefix')}</span>
                {app.clientId}
              </p>
              <p className="mt-2 text-sm break-all text-slate-600">
                <span className="text-slate-500">{t('redirectsTo')}</span>
                {app.redirectUris.join(', ') || t('redirectsNowhere')}
              </p>
              <p className="mt-2 text-sm text-slate-600">
                {tc('users', { count: app.userCount })} · {tc('activeTokens', { count: app.activeTokenCount })} ·{' '}
                {t.rich('registeredOn', { date: formatDate(app.createdAt, locale), time: (chunks) => <time dateTime={app.createdAt.toISOString()}>{chunks}</time> })}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
