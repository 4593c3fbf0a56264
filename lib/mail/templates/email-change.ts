import type { Locale } from '@/lib/i18n/locales';
import { mailTranslator } from '../locale';
import { productName, renderMail } from './layout';

/** To the NEW address: the link that applies the change. */
export function emailChangeMail(input: { to: string; url: string; hours: number; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('emailChange.subject', { product }),
    intro: [t('emailChange.intro', { product, email: input.to })],
    action: { label: t('emailChange.action'), url: input.url },
    outro: [t('emailChange.validity', { hours: input.hours }), t('emailChange.ignore')],
  });
}

/** To the OLD address, at once: so a change made from a stolen session does not go unnoticed. */
export function emailChangeNoticeMail(input: { to: string; newEmail: string; accountUrl: string; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('emailChangeNotice.subject', { product }),
    intro: [t('emailChangeNotice.intro', { product, email: input.to, newEmail: input.newEmail }), t('emailChangeNotice.pending')],
    action: { label: t('emailChangeNotice.action'), url: input.accountUrl },
    outro: [t('emailChangeNotice.notYou')],
  });
}

/** To the new address when another account already uses it (no account listing on /account). */
export function emailChangeTakenMail(input: { to: string; forgotUrl: string; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('emailChangeTaken.subject', { product }),
    intro: [t('emailChangeTaken.intro', { product, email: input.to })],
    action: { label: t('emailChangeTaken.action'), url: input.forgotUrl },
    outro: [t('emailChangeTaken.notYou')],
  });
}
