/**
 * The languages this server speaks: one folder each under messages/ (messages/en is the source,
 * one JSON file per area; the others must have every key, messages.test.ts checks). Adding a
 * language: copy messages/en to messages/<tag>, translate its files, import it in
 * lib/i18n/messages.ts, and add the tag and its own name here.
 * Browser-safe (the footer's language switcher imports it).
 */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  ja: '日本語',
};

/** Languages written right to left (none yet; `dir` on <html> follows this list when one is added). */
export const RTL_LOCALES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The supported language a BCP 47 tag asks for, or null: exact tag first, then its primary
 * subtag ("de-AT" → de, "ja-JP" → ja). Case-insensitive, as tags are (RFC 5646 §2.1.1).
 */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (!lower) return null;
  if (isLocale(lower)) return lower;
  const primary = lower.split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}
