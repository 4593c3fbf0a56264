'use server';
/**
 * The second step of a sign-in (/login/verify, issue 22): a code from the authenticator app or
 * a recovery code finishes the sign-in the password (or a GitHub/Google sign-in) began, or steps
 * up the current session when an application asked for two factors.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { currentUser, signIn } from '@/lib/auth';
import { safeNext } from '@/lib/auth/redirect';
import { ChallengeExpired, challengeCookieOptions } from '@/lib/auth/second-factor-provider';
import { TooManyAttempts, tooManyAttemptsMessage } from '@/lib/auth/sign-in-limits';
import { getSessionStore } from '@/lib/db/sessions';
import { CHALLENGE_COOKIE, sealChallenge } from '@/lib/factors/challenge';
import { challengeSealer } from '@/lib/factors/sealing';
import { verifyPath } from '@/lib/factors/paths';

export type VerifyFormState = { ok: false; formError?: string; codeError?: string } | null;

/** From the sign-in action: keep the challenge in an httpOnly cookie and ask for the code. */
export async function continueToSecondStep(challenge: string, next: string): Promise<never> {
  (await cookies()).set(CHALLENGE_COOKIE, challenge, challengeCookieOptions());
  redirect(verifyPath(next));
}

export async function verifySecondFactorAction(_prev: VerifyFormState, formData: FormData): Promise<VerifyFormState> {
  const next = safeNext(formData.get('next'));
  const method = formData.get('method') === 'recovery' ? 'recovery' : 'totp';
  const raw = formData.get('code');
  const code = typeof raw === 'string' ? raw.trim() : '';
  if (!code) return { ok: false, codeError: method === 'recovery' ? 'Enter one of your recovery codes' : 'Enter the 6-digit code from your authenticator app' };

  const jar = await cookies();
  let challenge = jar.get(CHALLENGE_COOKIE)?.value;
  // A step-up: the signed-in session asks for the second factor (an application wants two).
  let stepUpFrom: { sessionId: string; userId: string } | null = null;
  if (!challenge) {
    const user = await currentUser();
    if (!user) return { ok: false, formError: 'Your sign-in took too long. Sign in again.' };
    challenge = sealChallenge(challengeSealer(), user.id, user.authMethods, Math.floor(Date.now() / 1000));
    stepUpFrom = { sessionId: user.sessionId, userId: user.id };
  }

  try {
    await signIn('second-factor', { challenge, code, method, redirect: false });
  } catch (e) {
    if (e instanceof TooManyAttempts) return { ok: false, formError: tooManyAttemptsMessage(e.retryAfter) };
    if (e instanceof ChallengeExpired) {
      jar.delete(CHALLENGE_COOKIE);
      return { ok: false, formError: 'Your sign-in took too long. Sign in again.' };
    }
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      return {
        ok: false,
        codeError: method === 'recovery' ? 'That recovery code is not right, or it was already used.' : 'That code is not right, or it was already used. Wait for the next one.',
      };
    }
    throw e;
  }
  jar.delete(CHALLENGE_COOKIE);
  // The stepped-up sign-in replaced the session; the weaker one ends with it.
  if (stepUpFrom) await (await getSessionStore()).endSessionForUser(stepUpFrom.sessionId, stepUpFrom.userId, new Date());
  redirect(next);
}
