/**
 * The sign-in page's password check, with what it needs passed in (the user store, the rate
 * limits, argon2) so the decision is testable without Auth.js. Auth.js calls it from the
 * Credentials provider (lib/auth/config.ts).
 */
import type { LimitName, RateLimits } from '@/lib/oauth/rate-limit';
import type { UserRecord } from '@/lib/oauth/store';

export interface PasswordSignInDeps {
  store: { findUserByEmail(email: string): Promise<UserRecord | null> };
  /** Absent when rate limits are off. */
  limits?: Pick<RateLimits, 'consume' | 'take' | 'refund'>;
  /** A null hash (no account, or no password) still costs a verification (lib/auth/password.ts). */
  verifyPassword(hash: string | null, password: string): Promise<boolean>;
}

export type PasswordSignInResult =
  | { outcome: 'signed_in'; user: UserRecord }
  /** `userId` when the account exists (its owner sees the failed attempt in their activity). */
  | { outcome: 'wrong_credentials'; userId?: string }
  /** The password was right but an operator disabled the account (said only then, so guessing learns nothing). */
  | { outcome: 'disabled'; user: UserRecord }
  | { outcome: 'rate_limited'; limit: LimitName; retryAfter: number };

/**
 * Counts the attempt for the address, takes a slot of the account's failed-password limit
 * before argon2 runs (so simultaneous guesses cannot all reach it), and gives the slot back
 * when the password is right. Unknown and known emails take the same time.
 */
export async function passwordSignIn(deps: PasswordSignInDeps, ip: string, email: string, password: string): Promise<PasswordSignInResult> {
  const account = email.trim().toLowerCase();
  const limits = deps.limits;
  if (limits) {
    const byIp = await limits.consume('signin_ip', ip);
    if (byIp !== null) return { outcome: 'rate_limited', limit: 'signin_ip', retryAfter: byIp };
  }
  const [user, byAccount] = await Promise.all([deps.store.findUserByEmail(account), limits?.take('signin_account', account) ?? null]);
  if (byAccount !== null) return { outcome: 'rate_limited', limit: 'signin_account', retryAfter: byAccount };
  const ok = await deps.verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok) return user ? { outcome: 'wrong_credentials', userId: user.id } : { outcome: 'wrong_credentials' };
  await limits?.refund('signin_account', account);
  if (user.disabledAt) return { outcome: 'disabled', user };
  return { outcome: 'signed_in', user };
}
