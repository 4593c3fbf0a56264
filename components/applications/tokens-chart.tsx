import { useLocale, useTranslations } from 'next-intl';
import type { DailyCount } from '@/lib/dashboard/views';
import { formatNumber } from '@/lib/ui/format';

/** "Nov 23" (en), "23. Nov." (de), "11月23日" (ja): a day's short name in the page's language. */
function dayLabeller(locale: string): (day: string) => string {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

/**
 * Access tokens issued per day, as plain CSS bars (no chart library). Screen readers get the
 * same numbers as a table.
 */
export function TokensChart({ days }: { days: DailyCount[] }) {
  const t = useTranslations('dashboard.chart');
  const locale = useLocale();
  const label = dayLabeller(locale);
  const total = days.reduce((n, d) => n + d.count, 0);
  const max = Math.max(1, ...days.map((d) => d.count));
  const first = days[0];
  const last = days.at(-1);

  return (
    <figure>
      <figcaption className="flex items-baseline gap-2">
        <span className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{formatNumber(total, locale)}</span>{' '}
        <span className="text-sm text-slate-600">{t('issued', { count: total, days: days.length })}</span>
      </figcaption>
      <div aria-hidden="true" className="mt-5">
        <div className="flex gap-2">
          <div className="flex h-32 w-8 shrink-0 flex-col justify-between text-right text-xs text-slate-400 tabular-nums">
            <span className="-mt-2">{max}</span>
            <span className="-mb-2">0</span>
          </div>
          <div className="relative flex h-32 flex-1 items-end gap-1 border-b border-slate-200 sm:gap-1.5">
            <span className="absolute inset-x-0 top-0 border-t border-dashed border-slate-200" />
            <span className="absolute inset-x-0 top-1/2 border-t border-dashed border-slate-100" />
            {days.map((d) => (
              <div key={d.day} className="group relative flex h-full flex-1 items-end" title={t('day', { day: label(d.day), count: d.count })}>
                <div
                  className={d.count ? 'relative w-full rounded-t bg-accent-500 transition-colors group-hover:bg-accent-600' : 'h-0.5 w-full rounded-t bg-slate-200'}
                  style={d.count ? { height: `${Math.max(4, (d.count / max) * 100)}%` } : undefined}
                />
              </div>
            ))}
          </div>
        </div>
        <div className="mt-2 flex justify-between pl-10 text-xs text-slate-500">
          <span>{first ? label(first.day) : ''}</span>
          <span>{last ? t('today') : ''}</span>
        </div>
      </div>
      <table className="sr-only">
        <caption>{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dayColumn')}</th>
            <th scope="col">{t('tokensColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <td>{label(d.day)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
