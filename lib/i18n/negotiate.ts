/**
 * Which language a page is shown in (issue 23), in this order:
 * 1. the OIDC `ui_locales` the client sent on the authorization request (OIDC Core §3.1.2.1:
 *    a space-separated list in order of preference), for the pages of that sign-in;
 * 2. the signed-in user's saved choice (users.locale), or the footer switcher's cookie;
 * 3. the browser's Accept-Language (RFC 9110 §12.5.4, by q-value);
 * 4. OAUTH2_DEFAULT_LOCALE.
 * A tag with no translation is skipped silently at every step. Pure: the caller reads the inputs.
 */
import { matchLocale, type Locale } from './locales';

export interface LocaleInputs {
  uiLocales?: string | null;
  saved?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
}

export function negotiateLocale({ uiLocales, saved, acceptLanguage, fallback }: LocaleInputs): Locale {
  for (const tag of (uiLocales ?? '').split(/\s+/)) {
    const hit = matchLocale(tag);
    if (hit) return hit;
  }
  const own = saved ? matchLocale(saved) : null;
  if (own) return own;
  for (const tag of acceptLanguageTags(acceptLanguage ?? '')) {
    const hit = matchLocale(tag);
    if (hit) return hit;
  }
  return fallback;
}

/** Accept-Language's tags, best first (stable for equal weights); q=0 and `*` are dropped. */
export function acceptLanguageTags(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((t) => t.tag && t.tag !== '*' && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((t) => t.tag);
}
