'use server';
/**
 * /account "Authenticator app" (issue 22): set up (QR code and secret, confirmed by a code),
 * new recovery codes, remove. Each needs a sign-in from the last ten minutes, acts on the
 * signed-in user only, and is announced (audit event + email notice).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import QRCode from 'qrcode';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { currentUser, loginUrl, type SignedInUser } from '@/lib/auth';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { getFactorStore } from '@/lib/db/factors';
import { announceFactorChange, type FactorChange } from '@/lib/factors/announce';
import { beginTotpEnrolment, confirmTotpEnrolment, regenerateRecoveryCodes } from '@/lib/factors/authenticator-app';
import { isRecentSignIn } from '@/lib/factors/recent-sign-in';
import { totpSealer } from '@/lib/factors/sealing';
import { productName } from '@/lib/mail/templates/layout';

export type AuthenticatorAppState =
  | null
  | { step: 'scan'; secret: string; qrCode: string; error?: string }
  | { step: 'codes'; codes: string[]; message: string }
  | { step: 'reauth' }
  | { step: 'done'; message: string }
  | { step: 'error'; error: string };

/** The signed-in user, when their sign-in is recent enough to change how they sign in. */
async function recentUser(): Promise<{ user: SignedInUser } | { reauth: true }> {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account'));
  return isRecentSignIn(user.authTime, Math.floor(Date.now() / 1000)) ? { user } : { reauth: true };
}

async function announce(user: SignedInUser, change: FactorChange) {
  const h = await headers();
  await announceFactorChange(user, change, { ip: signInIp(h), userAgent: h.get('user-agent'), baseUrl: await requestMailBaseUrl(), locale: await getLocale() });
}

const deps = async () => ({ store: await getFactorStore(), sealer: totpSealer(), now: new Date() });

export async function authenticatorAppAction(prev: AuthenticatorAppState, formData: FormData): Promise<AuthenticatorAppState> {
  const intent = formData.get('intent');
  const signedIn = await recentUser();
  if ('reauth' in signedIn) return { step: 'reauth' };
  const { user } = signedIn;
  const t = await getTranslations('accountTwoFactor');

  if (intent === 'start') {
    const begun = await beginTotpEnrolment(await deps(), user, productName());
    if (!begun.ok) return { step: 'error', error: t('alreadySetUp') };
    return { step: 'scan', secret: begun.secret, qrCode: await QRCode.toDataURL(begun.uri, { margin: 1, width: 200 }) };
  }
  if (intent === 'confirm') {
    const code = formData.get('code');
    const confirmed = await confirmTotpEnrolment(await deps(), user.id, typeof code === 'string' ? code.slice(0, 32) : '');
    if (!confirmed.ok) {
      const error = confirmed.reason === 'wrong_code' ? t('wrongCode') : t('startAgain');
      return prev?.step === 'scan' ? { ...prev, error } : { step: 'error', error };
    }
    await announce(user, { type: 'mfa.totp_enabled' });
    revalidatePath('/account');
    return { step: 'codes', codes: confirmed.recoveryCodes, message: t('isSetUp') };
  }
  if (intent === 'regenerate') {
    const totp = await (await getFactorStore()).findTotp(user.id);
    if (!totp?.confirmedAt) return { step: 'error', error: t('setUpFirst') };
    const codes = await regenerateRecoveryCodes(await deps(), user.id);
    await announce(user, { type: 'mfa.recovery_codes_regenerated' });
    revalidatePath('/account');
    return { step: 'codes', codes, message: t('newCodes') };
  }
  if (intent === 'remove') {
    const removed = await (await getFactorStore()).removeTotp(user.id);
    if (removed) await announce(user, { type: 'mfa.totp_removed' });
    revalidatePath('/account');
    return { step: 'done', message: removed ? t('removed') : t('nothingToRemove') };
  }
  return { step: 'error', error: t('unknownAction') };
}
