/**
 * Rate limits on this server's own sign-in and sign-up: attempts per address, and failed
 * passwords per account (the counter the password grant shares, keyed by the lowercased email;
 * lib/auth/password-sign-in.ts counts them). Auth.js rethrows a CredentialsSignin subclass from
 * `authorize` unchanged, so the server action can tell "too many attempts" (and for how long)
 * from "wrong password".
 */
import { CredentialsSignin } from 'next-auth';
import { clientIp } from '@/lib/http/client-ip';
import type { LimitName } from '@/lib/oauth/rate-limit';
import { events } from '@/lib/server/events';
import { getRateLimits } from '@/lib/rate-limit';
import { getSettings } from '@/lib/config/settings';

export class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
  constructor(readonly retryAfter: number) {
    super();
  }
}

/** What the sign-in and sign-up forms show. */
export function tooManyAttemptsMessage(retryAfter: number): string {
  if (retryAfter < 60) return `Too many attempts. Try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(retryAfter / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/** Announces the refusal (metrics count rate_limited by limit) and throws what the form shows. */
export function refuseSignIn(limit: LimitName, retryAfter: number): never {
  events.emit('rate_limited', { limit });
  throw new TooManyAttempts(retryAfter);
}

/** The address a sign-in came from, behind the configured trusted proxies. */
export function signInIp(headers: Headers): string {
  return clientIp(headers, getSettings().rateLimits.trustedProxies);
}

/** Before an account is created: counts the sign-up for the address; the seconds to wait when over. */
export async function checkSignUp(headers: Headers): Promise<number | null> {
  const limits = await getRateLimits();
  if (!limits) return null;
  const retryAfter = await limits.consume('signup_ip', signInIp(headers));
  if (retryAfter !== null) events.emit('rate_limited', { limit: 'signup_ip' });
  return retryAfter;
}
