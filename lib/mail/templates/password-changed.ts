import type { Locale } from '@/lib/i18n/locales';
import { mailTranslator } from '../locale';
import { productName, renderMail } from './layout';

/**
 * The notice after any new password: a reset (signed out everywhere) or a change on /account
 * (`keptSessionHere`: the browser that made it stays signed in). Either way the account's address
 * hears of it, so a change made by someone else does not go unnoticed.
 */
export function passwordChangedMail(input: { to: string; signInUrl: string; forgotUrl: string; tokensRevoked: boolean; keptSessionHere?: boolean; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  // Whole sentences per case (not joined halves): word order differs between languages.
  const consequences = input.keptSessionHere
    ? input.tokensRevoked
      ? t('passwordChanged.keptHereRevoked')
      : t('passwordChanged.keptHereKept')
    : input.tokensRevoked
      ? t('passwordChanged.signedOutRevoked')
      : t('passwordChanged.signedOutKept');
  return renderMail({
    to: input.to,
    locale,
    subject: t('passwordChanged.subject', { product }),
    intro: [t(input.keptSessionHere ? 'passwordChanged.introAccountPage' : 'passwordChanged.intro', { product, email: input.to }), consequences],
    action: { label: t('passwordChanged.action'), url: input.signInUrl },
    outro: [t('passwordChanged.notYou', { url: input.forgotUrl })],
  });
}
