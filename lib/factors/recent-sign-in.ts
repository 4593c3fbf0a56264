/**
 * Issue 22, account safety: adding or removing a way to sign in needs a sign-in from the last
 * ten minutes, so a browser left signed in cannot quietly add the attacker's authenticator (or
 * remove the owner's). An older session is sent through sign-in again (/login?reauth=1), with
 * the password (and its second step) or a passkey.
 */
import { loginUrl } from '@/lib/auth/redirect';

export const RECENT_SIGN_IN_SECONDS = 600;

export function isRecentSignIn(authTime: number, nowSec = Math.floor(Date.now() / 1000)): boolean {
  return nowSec - authTime <= RECENT_SIGN_IN_SECONDS;
}

/** Where "Sign in again" goes: a fresh sign-in, back to the two-factor section. */
export const reauthUrl = (back = '/account#two-factor') => loginUrl(back, { reauth: '1' });
