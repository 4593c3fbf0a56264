/**
 * The language of a message (issue 23): the recipient's saved choice (users.locale), else the
 * language of the page that asked for it (sign-up, forgot password, …), else
 * OAUTH2_DEFAULT_LOCALE. The message is rendered in it when it is queued, and the job carries it
 * (MailMessage.locale) so the delivery says so (Content-Language).
 */
import { createTranslator } from 'next-intl';
import { getSettings } from '@/lib/config/settings';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { messagesFor } from '@/lib/i18n/messages';

export function mailLocale(saved: string | null | undefined, requested?: string | null): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(requested)) return requested;
  return getSettings().branding.defaultLocale;
}

/** The `emails` catalogue in `locale` (English fills any key a language lacks). */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: 'emails' });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;
