import type { Locale } from '@/lib/i18n/locales';
import { mailTranslator, type MailTranslator } from '../locale';
import { productName, renderMail } from './layout';

/** What changed (lib/factors/announce.ts's FactorChange): the notice names it in the reader's language. */
export type SignInMethodChange =
  | { type: 'mfa.totp_enabled' }
  | { type: 'mfa.totp_removed' }
  | { type: 'mfa.recovery_codes_regenerated' }
  | { type: 'mfa.passkey_added'; name: string }
  | { type: 'mfa.passkey_removed'; name: string };

function describe(change: SignInMethodChange, t: MailTranslator): string {
  switch (change.type) {
    case 'mfa.totp_enabled':
      return t('signInMethodChanged.totpEnabled');
    case 'mfa.totp_removed':
      return t('signInMethodChanged.totpRemoved');
    case 'mfa.recovery_codes_regenerated':
      return t('signInMethodChanged.recoveryCodes');
    case 'mfa.passkey_added':
      return t('signInMethodChanged.passkeyAdded', { name: change.name });
    case 'mfa.passkey_removed':
      return t('signInMethodChanged.passkeyRemoved', { name: change.name });
  }
}

/**
 * Issue 22: the notice after a sign-in method changed on /account (an authenticator app set up
 * or removed, new recovery codes, a passkey added or removed), so a change made by someone who
 * got into the account does not go unnoticed.
 */
export function signInMethodChangedMail(input: { to: string; change: SignInMethodChange; accountUrl: string; locale?: Locale }) {
  const locale = input.locale ?? 'en';
  const t = mailTranslator(locale);
  const product = productName();
  return renderMail({
    to: input.to,
    locale,
    subject: t('signInMethodChanged.subject', { product }),
    intro: [t('signInMethodChanged.intro', { product, email: input.to, change: describe(input.change, t) }), t('signInMethodChanged.review')],
    action: { label: t('signInMethodChanged.action'), url: input.accountUrl },
    outro: [t('signInMethodChanged.notYou')],
  });
}
