import { AccountSection } from '@/components/account/account-section';
import { AuthenticatorApp } from '@/components/account/authenticator-app';
import { Passkeys } from '@/components/account/passkeys';
import type { SignedInUser } from '@/lib/auth';
import { getFactorStore } from '@/lib/db/factors';
import { isRecentSignIn, reauthUrl } from '@/lib/factors/recent-sign-in';
import { formatDate, formatRelative } from '@/lib/ui/format';
import { authenticatorAppAction } from './factor-actions';
import { addPasskeyAction, passkeyRegistrationOptionsAction, removePasskeyAction } from './passkey-actions';

const PASSKEY_NOTICES = {
  removed: { tone: 'success', text: 'The passkey was removed.' },
  gone: { tone: 'info', text: 'That passkey had already been removed.' },
  reauth: { tone: 'info', text: 'To remove a passkey, sign in again first (it has been more than 10 minutes).' },
} as const;

/** /account's sign-in methods beyond the password (issue 22): the authenticator app and passkeys. */
export async function TwoFactorSection({ user, passkeyNotice }: { user: SignedInUser; passkeyNotice?: string }) {
  const store = await getFactorStore();
  const [totp, recoveryCodesLeft, passkeys] = await Promise.all([store.findTotp(user.id), store.countUnusedRecoveryCodes(user.id), store.listPasskeys(user.id)]);
  const recent = isRecentSignIn(user.authTime);
  const notice = passkeyNotice && passkeyNotice in PASSKEY_NOTICES ? PASSKEY_NOTICES[passkeyNotice as keyof typeof PASSKEY_NOTICES] : null;
  return (
    <>
      <AccountSection
        id="two-factor"
        title="Authenticator app"
        description="Two-step verification: a code from an app on your phone after your password. Changing it needs a sign-in from the last 10 minutes."
      >
        <AuthenticatorApp enabled={!!totp?.confirmedAt} recoveryCodesLeft={recoveryCodesLeft} recent={recent} reauthHref={reauthUrl()} action={authenticatorAppAction} />
      </AccountSection>
      <AccountSection id="passkeys" title="Passkeys" description="Sign in with your fingerprint, face or device PIN, no password needed. It counts as two-step verification.">
        <Passkeys
          passkeys={passkeys.map((p) => ({
            id: p.id,
            name: p.name,
            createdAt: formatDate(p.createdAt),
            lastUsedAt: p.lastUsedAt ? formatRelative(p.lastUsedAt) : null,
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
