import type { Locale } from '@/lib/i18n/locales';
import { mailTranslator } from '../locale';
import { productName, renderMail } from './layout';

export function verifyEmailMail(input: { to: string; url: string; hours: number; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('verifyEmail.subject', { product }),
    intro: [t('verifyEmail.intro', { product, email: input.to })],
    action: { label: t('verifyEmail.action'), url: input.url },
    outro: [t('verifyEmail.validity', { hours: input.hours }), t('verifyEmail.ignore')],
  });
}
