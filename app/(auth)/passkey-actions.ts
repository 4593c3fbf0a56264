'use server';
/**
 * "Sign in with a passkey" on /login (issue 22): the options for navigator.credentials.get
 * (discoverable credentials: the browser offers the passkeys it has for this site), then the
 * browser's assertion, verified by the 'passkey' Auth.js provider.
 */
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/types';
import { signIn } from '@/lib/auth';
import { AccountDisabled } from '@/lib/auth/account-disabled';
import { PasskeyExpired } from '@/lib/auth/passkey-provider';
import { safeNext } from '@/lib/auth/redirect';
import { ACCOUNT_DISABLED_MESSAGE } from '@/lib/auth/sign-in-audit';
import { currentIssuer } from '@/lib/config/issuer';
import { getFactorStore } from '@/lib/db/factors';
import { relyingPartyFor, signInOptions } from '@/lib/factors/passkeys';
import { challengeSealer } from '@/lib/factors/sealing';
import { productName } from '@/lib/mail/templates/layout';

export async function passkeySignInOptionsAction(): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; ceremony: string }> {
  const rp = relyingPartyFor(await currentIssuer(), productName());
  return signInOptions({ store: await getFactorStore(), sealer: challengeSealer(), now: new Date() }, rp);
}

/** The assertion; a redirect to `next` when it verifies, else the message the page shows. */
export async function passkeySignInAction(input: { ceremony: string; response: unknown; next: string }): Promise<{ ok: false; message: string }> {
  const next = safeNext(input.next);
  try {
    await signIn('passkey', { ceremony: input.ceremony, response: JSON.stringify(input.response ?? null), redirect: false });
  } catch (e) {
    if (e instanceof PasskeyExpired) return { ok: false, message: 'That took too long. Try the passkey again.' };
    if (e instanceof AccountDisabled) return { ok: false, message: ACCOUNT_DISABLED_MESSAGE };
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      return { ok: false, message: 'That passkey is not registered here (it may have been removed). Sign in with your password instead.' };
    }
    throw e;
  }
  redirect(next);
}
