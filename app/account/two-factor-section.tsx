import { getLocale, getTranslations } from 'next-intl/server';
import { AccountSection } from '@/components/account/account-section';
import { AuthenticatorApp } from '@/components/account/authenticator-app';
import { Passkeys } from '@/components/account/passkeys';
import type { SignedInUser } from '@/lib/auth';
import { getFactorStore } from '@/lib/db/factors';
import { isRecentSignIn, reauthUrl } from '@/lib/factors/recent-sign-in';
import { formatDate, formatRelative } from '@/lib/ui/format';
import { authenticatorAppAction } from './factor-actions';
import { addPasskeyAction, passkeyRegistrationOptionsAction, removePasskeyAction } from './passkey-actions';

/** ?passkey= after removing one (passkey-actions.ts redirects): its tone and words (accountPasskeys). */
const PASSKEY_NOTICES = {
  removed: { tone: 'success', key: 'noticeRemoved' },
  gone: { tone: 'info', key: 'noticeGone' },
  reauth: { tone: 'info', key: 'noticeReauth' },
} as const;

/** /account's sign-in methods beyond the password (issue 22): the authenticator app and passkeys. */
export async function TwoFactorSection({ user, passkeyNotice }: { user: SignedInUser; passkeyNotice?: string }) {
  const store = await getFactorStore();
  const [totp, recoveryCodesLeft, passkeys, t, tp, locale] = await Promise.all([
    store.findTotp(user.id),
    store.countUnusedRecoveryCodes(user.id),
    store.listPasskeys(user.id),
    getTranslations('accountTwoFactor'),
    getTranslations('accountPasskeys'),
    getLocale(),
  ]);
  const recent = isRecentSignIn(user.authTime);
  const known = passkeyNotice && passkeyNotice in PASSKEY_NOTICES ? PASSKEY_NOTICES[passkeyNotice as keyof typeof PASSKEY_NOTICES] : null;
  const notice = known ? { tone: known.tone, text: tp(known.key) } : null;
  return (
    <>
      <AccountSection
        id="two-factor"
        title={t('title')}
        description={t('description')}
      >
        <AuthenticatorApp enabled={!!totp?.confirmedAt} recoveryCodesLeft={recoveryCodesLeft} recent={recent} reauthHref={reauthUrl()} action={authenticatorAppAction} />
      </AccountSection>
      <AccountSection id="passkeys" title={tp('title')} description={tp('description')}>
        <Passkeys
          passkeys={passkeys.map((p) => ({
            id: p.id,
            name: p.name,
            createdAt: formatDate(p.createdAt, locale),
            lastUsedAt: p.lastUsedAt ? formatRelative(p.lastUsedAt, new Date(), locale) : null,
            synced: p.deviceType === 'multiDevice',
          }))}
          notice={notice}
          reauthHref={reauthUrl('/account#passkeys')}
          actions={{ options: passkeyRegistrationOptionsAction, add: addPasskeyAction, remove: removePasskeyAction }}
        />
      </AccountSection>
    </>
  );
}
