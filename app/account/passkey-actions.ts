'use server';
/**
 * /account "Passkeys" (issue 22): add one (named), remove one. Adding and removing need a
 * sign-in from the last ten minutes and are announced (audit event + email notice).
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/types';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { currentUser, loginUrl, type SignedInUser } from '@/lib/auth';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { currentIssuer } from '@/lib/config/issuer';
import { getFactorStore } from '@/lib/db/factors';
import { announceFactorChange, type FactorChange } from '@/lib/factors/announce';
import { addPasskey, PASSKEY_NAME_MAX, registrationOptions, relyingPartyFor } from '@/lib/factors/passkeys';
import { isRecentSignIn } from '@/lib/factors/recent-sign-in';
import { challengeSealer } from '@/lib/factors/sealing';
import { productName } from '@/lib/mail/templates/layout';

export type PasskeyOptionsResult = { ok: true; options: PublicKeyCredentialCreationOptionsJSON; ceremony: string } | { ok: false; reauth?: true; message: string };
export type PasskeyResult = { ok: true; message: string } | { ok: false; reauth?: true; message: string };

const text = () => getTranslations('accountPasskeys');

async function reauth() {
  return { ok: false as const, reauth: true as const, message: (await text())('reauth') };
}

async function signedIn(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl('/account'));
  return user;
}

async function announce(user: SignedInUser, change: FactorChange) {
  const h = await headers();
  await announceFactorChange(user, change, { ip: signInIp(h), userAgent: h.get('user-agent'), baseUrl: await requestMailBaseUrl(), locale: await getLocale() });
}

const deps = async () => ({ store: await getFactorStore(), sealer: challengeSealer(), now: new Date() });

/** Step 1 of "Add a passkey": the options for navigator.credentials.create. */
export async function passkeyRegistrationOptionsAction(): Promise<PasskeyOptionsResult> {
  const user = await signedIn();
  if (!isRecentSignIn(user.authTime)) return reauth();
  const rp = relyingPartyFor(await currentIssuer(), productName());
  return { ok: true, ...(await registrationOptions(await deps(), rp, user)) };
}

/** Step 2: the browser's result, verified and stored under the name the person gave. */
export async function addPasskeyAction(input: { name: string; ceremony: string; response: unknown }): Promise<PasskeyResult> {
  const user = await signedIn();
  if (!isRecentSignIn(user.authTime)) return reauth();
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, PASSKEY_NAME_MAX) : '';
  const t = await text();
  if (!name) return { ok: false, message: t('nameMissing') };
  const result = await addPasskey(await deps(), user.id, name, input.ceremony, input.response);
  if (!result.ok) return { ok: false, message: t(result.reason) };
  await announce(user, { type: 'mfa.passkey_added', name });
  revalidatePath('/account');
  return { ok: true, message: t('addedNotice', { name }) };
}

export async function removePasskeyAction(formData: FormData): Promise<void> {
  const user = await signedIn();
  if (!isRecentSignIn(user.authTime)) redirect('/account?passkey=reauth#passkeys');
  const id = formData.get('id');
  const name = await (await getFactorStore()).removePasskey(user.id, typeof id === 'string' ? id : '');
  if (name) await announce(user, { type: 'mfa.passkey_removed', name });
  redirect(`/account?passkey=${name ? 'removed' : 'gone'}#passkeys`);
}
