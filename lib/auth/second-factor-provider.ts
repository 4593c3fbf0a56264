/**
 * Auth.js's side of the second step (issue 22): the password provider stops at "a second
 * factor is required" (SecondFactorRequired, carrying the sealed challenge the sign-in action
 * puts in a cookie), and the 'second-factor' Credentials provider finishes the sign-in from
 * the challenge and a code. Both rethrow as CredentialsSignin subclasses, which Auth.js passes
 * to the server action unchanged.
 */
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getStore } from '@/lib/db';
import { getFactorStore } from '@/lib/db/factors';
import { getRateLimits } from '@/lib/rate-limit';
import { CHALLENGE_COOKIE, CHALLENGE_TTL_SECONDS, sealChallenge } from '@/lib/factors/challenge';
import { cookies } from 'next/headers';
import { getSettings } from '@/lib/config/settings';
import { challengeSealer, totpSealer } from '@/lib/factors/sealing';
import { recordAudit } from '@/lib/audit';
import { completeSecondFactor, type SecondFactorMethod } from './second-factor';
import { refuseSignIn } from './sign-in-limits';

/** The password was right; the account has an authenticator app, so a code comes next. */
export class SecondFactorRequired extends CredentialsSignin {
  override code = 'second_factor_required';
  constructor(readonly challenge: string) {
    super();
  }
}

/** The challenge is gone or older than five minutes: sign in with the password again. */
export class ChallengeExpired extends CredentialsSignin {
  override code = 'challenge_expired';
}

/** After a right password: throws SecondFactorRequired when the account has a confirmed app. */
export async function requireSecondFactorIfEnrolled(userId: string, methods: string[]): Promise<void> {
  const totp = await (await getFactorStore()).findTotp(userId);
  if (totp?.confirmedAt) throw new SecondFactorRequired(sealChallenge(challengeSealer(), userId, methods, Math.floor(Date.now() / 1000)));
}

export const secondFactorProvider = Credentials({
  id: 'second-factor',
  name: 'Second step',
  credentials: { challenge: {}, code: {}, method: {} },
  async authorize(input) {
    const method: SecondFactorMethod = input.method === 'recovery' ? 'recovery' : 'totp';
    const code = typeof input.code === 'string' ? input.code.slice(0, 64) : '';
    const result = await completeSecondFactor(
      {
        store: await getStore(),
        factors: await getFactorStore(),
        challengeSealer: challengeSealer(),
        totpSealer: totpSealer(),
        limits: await getRateLimits(),
        now: new Date(),
      },
      input.challenge,
      method,
      code,
    );
    if (result.outcome === 'rate_limited') refuseSignIn(result.limit, result.retryAfter);
    if (result.outcome === 'expired') throw new ChallengeExpired();
    if (result.outcome === 'wrong_code') {
      await recordAudit({ type: 'signin.second_factor_failed', actor: { type: 'user', id: result.userId }, userId: result.userId, detail: { method } });
      return null;
    }
    await recordAudit({ type: 'signin.second_factor', actor: { type: 'user', id: result.user.id, label: result.user.email }, userId: result.user.id, detail: { method } });
    return { id: result.user.id, email: result.user.email, name: result.user.name, authMethods: result.authMethods };
  },
});

/**
 * After a GitHub or Google sign-in (Auth.js signIn callback): with an authenticator app, the
 * challenge cookie and /login/verify instead of a session; null when no second step is needed.
 */
export async function secondStepAfterSocialSignIn(userId: string): Promise<string | null> {
  try {
    await requireSecondFactorIfEnrolled(userId, []);
    return null;
  } catch (e) {
    if (!(e instanceof SecondFactorRequired)) throw e;
    (await cookies()).set(CHALLENGE_COOKIE, e.challenge, challengeCookieOptions());
    return '/login/verify';
  }
}

/** The challenge cookie: httpOnly, this site only, five minutes. */
export function challengeCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: getSettings().issuer?.startsWith('https:') ?? false, path: '/', maxAge: CHALLENGE_TTL_SECONDS };
}
