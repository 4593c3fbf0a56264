// next-intl checks every t('key') against English at compile time (tsc fails on a key en.json lacks).
import type en from '@/messages/en';
import type { Locale } from '@/lib/i18n/locales';

declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof en;
    Locale: Locale;
  }
}
