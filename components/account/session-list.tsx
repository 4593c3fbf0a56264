import { useLocale, useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/applications/submit-button';
import { formatDateTime, formatRelative } from '@/lib/ui/format';

export interface SessionView {
  id: string;
  browser: string;
  os: string;
  ip: string | null;
  lastSeenAt: Date;
  createdAt: Date;
  current: boolean;
}

/** "Signed in on": each browser with a session, this one first and marked, each with "Sign out". */
export function SessionList({
  sessions,
  now,
  endSession,
  endOtherSessions,
}: {
  sessions: SessionView[];
  now: Date;
  endSession: (formData: FormData) => Promise<void>;
  endOtherSessions: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations('accountSessions');
  const locale = useLocale();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label={t('listLabel')}>
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="flex min-w-0 items-start gap-3">
              <DeviceIcon />
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-900">
                  <span>{t('browserOn', { browser: s.browser, os: s.os })}</span>
                  {s.current ? (
                    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-emerald-700 ring-1 ring-emerald-200">{t('thisDevice')}</span>
                  ) : null}
                </p>
                <p className="mt-0.5 text-sm text-slate-500">
                  {s.ip ?? t('unknownAddress')} ·{' '}
                  {s.current ? (
                    t('activeNow')
                  ) : (
                    <time dateTime={s.lastSeenAt.toISOString()} title={formatDateTime(s.lastSeenAt, locale)}>
                      {t('lastSeen', { when: formatRelative(s.lastSeenAt, now, locale) })}
                    </time>
                  )}
                </p>
                <p className="text-xs text-slate-400" data-testid="session-signed-in">
                  {t('signedIn', { date: formatDateTime(s.createdAt, locale) })}
                </p>
              </div>
            </div>
            <form action={endSession} className="shrink-0">
              <input type="hidden" name="id" value={s.id} />
              <SubmitButton variant="secondary" size="sm" aria-label={t(s.current ? 'signOutThisLabel' : 'signOutLabel', { browser: s.browser, os: s.os })}>
                {t('signOut')}
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={endOtherSessions}>
          <SubmitButton variant="secondary">{t('signOutOthers')}</SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-500">{t('noOthers')}</p>
      )}
    </div>
  );
}

function DeviceIcon() {
  return (
    <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4">
        <path strokeLinecap="round" strokeLinejoin="round" d="M9 17.25v1.007a3 3 0 0 1-.879 2.122L7.5 21h9l-.621-.621A3 3 0 0 1 15 18.257V17.25m6-12V15a2.25 2.25 0 0 1-2.25 2.25H5.25A2.25 2.25 0 0 1 3 15V5.25m18 0A2.25 2.25 0 0 0 18.75 3H5.25A2.25 2.25 0 0 0 3 5.25m18 0V12a2.25 2.25 0 0 1-2.25 2.25H5.25A2.25 2.25 0 0 1 3 12V5.25" />
      </svg>
    </span>
  );
}
