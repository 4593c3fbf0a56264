import { AccountSection } from '@/components/account/account-section';
import { AuthenticatorApp } from '@/components/account/authenticator-app';
import type { SignedInUser } from '@/lib/auth';
import { getFactorStore } from '@/lib/db/factors';
import { isRecentSignIn, reauthUrl } from '@/lib/factors/recent-sign-in';
import { authenticatorAppAction } from './factor-actions';

/** /account's sign-in methods beyond the password (issue 22): the authenticator app and passkeys. */
export async function TwoFactorSection({ user }: { user: SignedInUser }) {
  const store = await getFactorStore();
  const [totp, recoveryCodesLeft] = await Promise.all([store.findTotp(user.id), store.countUnusedRecoveryCodes(user.id)]);
  const recent = isRecentSignIn(user.authTime);
  return (
    <AccountSection
      id="two-factor"
      title="Authenticator app"
      description="Two-step verification: a code from an app on your phone after your password. Changing it needs a sign-in from the last 10 minutes."
    >
      <AuthenticatorApp enabled={!!totp?.confirmedAt} recoveryCodesLeft={recoveryCodesLeft} recent={recent} reauthHref={reauthUrl()} action={authenticatorAppAction} />
    </AccountSection>
  );
}
