/**
 * next-intl's request configuration (the plugin in next.config.js finds this file), without
 * locale-prefixed routes: the paths are the product's contract (PRODUCT.md), so the language
 * comes from ui_locales, the user's choice, Accept-Language or OAUTH2_DEFAULT_LOCALE instead.
 */
import { getRequestConfig } from 'next-intl/server';
import { isLocale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';

export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await requestLocale();
  return {
    locale,
    messages: messagesFor(locale),
    // Dates are shown in UTC everywhere (lib/ui/format.ts), so server and browser agree.
    timeZone: 'UTC',
  };
});
