/**
 * The language of this request (lib/i18n/negotiate.ts has the order): reads the ui_locales
 * cookie the authorization endpoint set (lib/oauth/oidc/ui-locales.ts), the signed-in user's saved choice or the switcher's
 * cookie, and Accept-Language. Cached per request: the layout, the page and next-intl ask once.
 */
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { currentUser } from '@/lib/auth';
import { getSettings } from '@/lib/config/settings';
import { getAccountStore } from '@/lib/db/account';
import { UI_LOCALES_COOKIE } from '@/lib/oauth/oidc/ui-locales';
export { UI_LOCALES_COOKIE };
import { negotiateLocale } from './negotiate';
import type { Locale } from './locales';

/** The footer switcher's choice (next-intl's usual name), for visitors who are not signed in. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export const requestLocale = cache(async (): Promise<Locale> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const user = await currentUser().catch(() => null);
  const saved = user ? await (await getAccountStore()).findUserLocale(user.id).catch(() => null) : null;
  return negotiateLocale({
    uiLocales: jar.get(UI_LOCALES_COOKIE)?.value,
    saved: saved ?? jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: head.get('accept-language'),
    fallback: getSettings().branding.defaultLocale,
  });
});
