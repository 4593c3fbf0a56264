import { useLocale, useTranslations } from 'next-intl';
import { ClientLogo } from '@/components/applications/client-logo';
import { RegisteredViaBadge } from '@/components/applications/self-registered-list';
import { ButtonLink } from '@/components/ui/button';
import type { AuthorizationSummary } from '@/lib/dashboard/views';
import { formatDate, formatDateTime, formatRelative } from '@/lib/ui/format';

/** Each scope's description, in the page's language (lib/i18n/scope-descriptions.ts). */
export type ScopeDescriptions = Record<string, string>;

/** The scopes as people approved them: by description, the scope name beside it. */
export function ScopeSummary({ scopes, descriptions }: { scopes: string[]; descriptions: ScopeDescriptions }) {
  const t = useTranslations('dashboard.tokens');
  if (!scopes.length) return <p className="text-sm text-slate-600">{t('onlyIdentity')}</p>;
  return (
    <ul className="space-y-1.5">
      {scopes.map((s) => (
        <li key={s} className="flex items-start gap-2 text-sm text-slate-800">
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} className="mt-0.5 size-4 shrink-0 text-emerald-600">
            <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
          </svg>
          <span className="min-w-0">
            {descriptions[s] ?? s}
            {descriptions[s] && descriptions[s] !== s ? <span className="ml-1.5 font-mono text-xs text-slate-500">{s}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** DOT's authorized-token list: each application the user approved, what it may do, and "Revoke". */
export function AuthorizedTokenList({ authorizations, descriptions, now }: { authorizations: AuthorizationSummary[]; descriptions: ScopeDescriptions; now: Date }) {
  const t = useTranslations('dashboard.tokens');
  const tc = useTranslations('dashboard.common');
  const locale = useLocale();
  return (
    <ul className="space-y-3" aria-label={t('listLabel')}>
      {authorizations.map((a) => (
        <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            <div className="flex min-w-0 flex-1 items-start gap-4">
              <ClientLogo name={a.applicationName} logoUri={a.logoUri ?? null} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
                  <h2 className="text-base font-semibold break-words text-slate-900">{a.applicationName}</h2>
                  <RegisteredViaBadge via={a.registeredVia} />
                </div>
                {a.registeredVia !== 'dashboard' ? <p className="mt-0.5 text-xs text-slate-500">{t('registeredByClient')}</p> : null}
                <p className="mt-0.5 text-sm text-slate-600">
                  {t.rich('authorized', {
                    date: formatDate(a.createdAt, locale),
                    time: (chunks) => (
                      <time dateTime={a.createdAt.toISOString()} title={formatDateTime(a.createdAt, locale)}>
                        {chunks}
                      </time>
                    ),
                  })}
                  <Dot />
                  {a.lastUsedAt ? <LastUsed at={a.lastUsedAt} now={now} /> : t('neverUsed')}
                  {a.activeTokenCount ? (
                    <>
                      <Dot />
                      {tc('activeTokens', { count: a.activeTokenCount })}
                    </>
                  ) : null}
                </p>
                <div className="mt-4 border-t border-slate-100 pt-3">
                  <p className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">{t('permissions')}</p>
                  <ScopeSummary scopes={a.scopes} descriptions={descriptions} />
                </div>
              </div>
            </div>
            <ButtonLink
              href={`/o/authorized-tokens/${a.id}/delete`}
              variant="secondary"
              size="sm"
              className="w-full border-red-200! text-red-700! hover:bg-red-50! hover:text-red-800! sm:w-auto"
            >
              {t('revoke')}
              <span className="sr-only"> {a.applicationName}</span>
            </ButtonLink>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** "last used 3 days ago", the exact time on hover. */
function LastUsed({ at, now }: { at: Date; now: Date }) {
  const t = useTranslations('dashboard.tokens');
  const locale = useLocale();
  return t.rich('lastUsed', {
    relative: formatRelative(at, now, locale),
    time: (chunks) => (
      <time dateTime={at.toISOString()} title={formatDateTime(at, locale)}>
        {chunks}
      </time>
    ),
  });
}

function Dot() {
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, </span>
    </>
  );
}
