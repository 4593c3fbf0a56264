import { useLocale, useTranslations } from 'next-intl';
import type { AuditEventView } from '@/lib/admin/views';
import { formatDateTime } from '@/lib/ui/format';

const ACTOR = { user: 'actorUser', application: 'actorApplication', operator: 'actorOperator', system: 'actorSystem' } as const satisfies Record<AuditEventView['actorType'], string>;

/** Detail as short key=value pairs (it holds scopes, counts, reasons: never a secret). Data, so never translated. */
function detailText(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('  ');
}

/**
 * Audit events, newest first. `showSubject` adds the user and application columns (the
 * operators' trail); a person's own activity leaves them out and hides request ids. Event types
 * (user.roles_changed) are names operators filter and export by: shown as they are in every language.
 */
export function AuditList({ events, showSubject = true, userLabels = {} }: { events: AuditEventView[]; showSubject?: boolean; userLabels?: Record<string, string> }) {
  const t = useTranslations('adminAuditList');
  const locale = useLocale();
  return (
    <ol className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={t('label')}>
      {events.map((e) => (
        <li key={e.id} className="px-4 py-3 text-sm" data-event-type={e.type}>
          <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-4">
            <time dateTime={e.at.toISOString()} className="shrink-0 text-slate-500 tabular-nums sm:w-52">
              {formatDateTime(e.at, locale)}
            </time>
            <div className="min-w-0 flex-1">
              <p className="font-mono text-[0.8125rem] font-semibold text-slate-900">{e.type}</p>
              <p className="mt-0.5 text-slate-600">
                <span className="text-slate-500">{t(ACTOR[e.actorType])}</span> {e.actorLabel ?? e.actorId ?? '—'}
                {showSubject && e.userId ? (
                  <>
                    {' · '}
                    <span className="text-slate-500">{t('user')}</span> {userLabels[e.userId] ?? e.userId}
                  </>
                ) : null}
                {showSubject && e.clientId ? (
                  <>
                    {' · '}
                    <span className="text-slate-500">{t('client')}</span> <span className="break-all">{e.clientId}</span>
                  </>
                ) : null}
              </p>
              {detailText(e.detail) ? <p className="mt-0.5 font-mono text-xs break-all text-slate-500">{detailText(e.detail)}</p> : null}
              <p className="mt-0.5 text-xs break-all text-slate-400">
                {[e.ip, e.userAgent, showSubject && e.requestId ? t('request', { id: e.requestId }) : null].filter(Boolean).join(' · ')}
              </p>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
