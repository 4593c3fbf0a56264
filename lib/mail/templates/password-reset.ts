import type { Locale } from '@/lib/i18n/locales';
import { mailTranslator } from '../locale';
import { productName, renderMail } from './layout';

export function passwordResetMail(input: { to: string; url: string; minutes: number; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('passwordReset.subject', { product }),
    intro: [t('passwordReset.intro', { product, email: input.to })],
    action: { label: t('passwordReset.action'), url: input.url },
    outro: [t('passwordReset.validity', { minutes: input.minutes }), t('passwordReset.ignore')],
  });
}
