/**
 * Dates and counts as the pages show them, in the page's language (pass the locale from
 * next-intl's `getLocale()`/`useLocale()`; English when none is given). Rendered on the server, in
 * UTC, so every viewer and every render agrees (and hydration never disagrees with the server).
 */
type Formats = { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat; number: Intl.NumberFormat };

const cache = new Map<string, Formats>();

function formats(locale: string): Formats {
  let f = cache.get(locale);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      number: new Intl.NumberFormat(locale),
    };
    cache.set(locale, f);
  }
  return f;
}

/** "Nov 23, 2026" (en), "23.11.2026" (de), "2026/11/23" (ja) */
export function formatDate(d: Date, locale = 'en'): string {
  return formats(locale).date.format(d);
}

/** "Nov 23, 2026, 14:05 UTC" */
export function formatDateTime(d: Date, locale = 'en'): string {
  return `${formats(locale).dateTime.format(d)} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago" (in the locale: "vor 5 Minuten") */
export function formatRelative(d: Date, now = new Date(), locale = 'en'): string {
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const relative = formats(locale).relative;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  // Under a minute: Intl's "now" ("just now" in English was the dashboard's wording before).
  return locale === 'en' ? 'just now' : relative.format(0, 'second');
}

/** "1,234" (en), "1.234" (de) */
export function formatNumber(n: number, locale = 'en'): string {
  return formats(locale).number.format(n);
}

/**
 * "1 user", "3 users": English only. Translated pages use an ICU plural in their message
 * ("{count, plural, one {# user} other {# users}}") instead.
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
