/**
 * Which local account a GitHub or Google sign-in becomes, given an email the provider verified.
 *
 * An account is adopted only when its own email is verified. Password sign-up creates accounts
 * with `emailVerified: false` (nobody proved the address), so adopting one would let whoever
 * signed up first with someone else's address keep a password into that person's account once
 * they sign in with their provider (account pre-hijacking). Such a sign-in is refused instead.
 */
import type { UserRecord } from '@/lib/oauth/store';

export interface SocialAccountStore {
  findUserByEmail(email: string): Promise<UserRecord | null>;
  /** Null when the email is taken (unique index). */
  createUser(u: { email: string; name?: string | null; passwordHash: string | null; emailVerified?: boolean }): Promise<UserRecord | null>;
}

export type SocialAccountResult =
  | { outcome: 'signed_in'; user: UserRecord }
  /** An account with this email exists but its address was never verified: not linked. */
  | { outcome: 'unverified_account' }
  /** No account has this email and OAUTH2_SIGNUP (invite, closed) lets only operators create one. */
  | { outcome: 'signup_closed' };

/** The `?error=` the sign-in page shows for a refused link (app/(auth)/login/page.tsx). */
export const UNVERIFIED_ACCOUNT_ERROR = 'UnverifiedAccount';
/** The `?error=` for a provider sign-in that would create an account while sign-up is invite-only or closed. */
export const SIGNUP_CLOSED_ERROR = 'SignupClosed';

/** Finds the verified account for `email`, or creates one without a password; never adopts an unverified one. */
export async function accountForSocialSignIn(
  store: SocialAccountStore,
  email: string,
  name: string | null | undefined,
  /** False under OAUTH2_SIGNUP=invite or closed: existing accounts only. */
  mayCreate = true,
): Promise<SocialAccountResult> {
  const existing = await store.findUserByEmail(email);
  if (existing) return existing.emailVerified ? { outcome: 'signed_in', user: existing } : { outcome: 'unverified_account' };
  if (!mayCreate) return { outcome: 'signup_closed' };
  const created = await store.createUser({ email, name: name ?? null, passwordHash: null, emailVerified: true });
  if (created) return { outcome: 'signed_in', user: created };
  // Someone created this email meanwhile: the same rule applies to their account.
  const raced = await store.findUserByEmail(email);
  return raced?.emailVerified ? { outcome: 'signed_in', user: raced } : { outcome: 'unverified_account' };
}
