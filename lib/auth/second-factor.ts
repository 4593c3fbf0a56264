/**
 * The second step of a sign-in (issue 22): a sealed challenge from the password step (or from
 * the current session, for a step-up) plus a code from the authenticator app or a recovery
 * code. Failed codes count against the account's failed-sign-in limit (its own key, so a
 * wrong password and a wrong code do not share a budget). Auth.js calls it from the
 * 'second-factor' Credentials provider (lib/auth/config.ts); the rules are testable without it.
 */
import type { Sealer } from '@/lib/crypto/sealer';
import type { FactorStore } from '@/lib/db/factors';
import type { LimitName, RateLimits } from '@/lib/oauth/rate-limit';
import type { UserRecord } from '@/lib/oauth/store';
import { verifyRecoveryCode, verifyTotp } from '@/lib/factors/authenticator-app';
import { openChallenge } from '@/lib/factors/challenge';
import { withSecondFactor } from '@/lib/oauth/oidc/amr';

export interface SecondFactorDeps {
  store: { findUserById(id: string): Promise<UserRecord | null> };
  factors: Pick<FactorStore, 'findTotp' | 'useTotpStep' | 'useRecoveryCode' | 'startTotp' | 'removeTotp' | 'replaceRecoveryCodes'>;
  challengeSealer: Sealer;
  totpSealer: Sealer;
  limits?: Pick<RateLimits, 'take' | 'refund'>;
  now: Date;
}

export type SecondFactorMethod = 'totp' | 'recovery';

export type SecondFactorResult =
  | { outcome: 'signed_in'; user: UserRecord; authMethods: string[] }
  /** The challenge is missing, altered or older than five minutes: start again with the password. */
  | { outcome: 'expired' }
  | { outcome: 'wrong_code'; userId: string }
  | { outcome: 'rate_limited'; limit: LimitName; retryAfter: number };

export const secondFactorLimitKey = (userId: string) => `second-factor:${userId}`;

export async function completeSecondFactor(deps: SecondFactorDeps, challenge: unknown, method: SecondFactorMethod, code: string): Promise<SecondFactorResult> {
  const c = openChallenge(deps.challengeSealer, challenge, Math.floor(deps.now.getTime() / 1000));
  if (!c) return { outcome: 'expired' };
  const user = await deps.store.findUserById(c.uid);
  if (!user || user.disabledAt) return { outcome: 'expired' };
  const key = secondFactorLimitKey(user.id);
  const locked = (await deps.limits?.take('signin_account', key)) ?? null;
  if (locked !== null) return { outcome: 'rate_limited', limit: 'signin_account', retryAfter: locked };
  const ok =
    method === 'totp'
      ? await verifyTotp({ store: deps.factors, sealer: deps.totpSealer, now: deps.now }, user.id, code)
      : await verifyRecoveryCode({ store: deps.factors, now: deps.now }, user.id, code);
  if (!ok) return { outcome: 'wrong_code', userId: user.id };
  await deps.limits?.refund('signin_account', key);
  return { outcome: 'signed_in', user, authMethods: withSecondFactor(c.methods, 'otp') };
}
