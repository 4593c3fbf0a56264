/**
 * The half-finished sign-in between the password and the second step. No session exists yet:
 * the browser holds only this sealed challenge (an httpOnly cookie, five minutes), which names
 * the user and the methods already passed. Nothing but the second step reads it, so a person
 * who knows only the password reaches no page and no authorization.
 */
import type { Sealer } from '@/lib/crypto/sealer';

export const CHALLENGE_COOKIE = 'sign-in-challenge';
export const CHALLENGE_TTL_SECONDS = 300;

export interface SignInChallenge {
  /** The user id. */
  uid: string;
  /** The amr values already earned (['pwd'], or a session's methods for a step-up). */
  methods: string[];
  /** Expiry, epoch seconds. */
  exp: number;
  /** What the challenge is for (a sealed value made for another step is refused). */
  use: 'second-factor';
}

export function sealChallenge(sealer: Sealer, uid: string, methods: string[], nowSec: number): string {
  const c: SignInChallenge = { uid, methods, exp: nowSec + CHALLENGE_TTL_SECONDS, use: 'second-factor' };
  return sealer.seal(c);
}

/** The challenge when it is intact and unexpired, else null. */
export function openChallenge(sealer: Sealer, sealed: unknown, nowSec = Math.floor(Date.now() / 1000)): SignInChallenge | null {
  if (typeof sealed !== 'string' || !sealed || sealed.length > 2048) return null;
  try {
    const c = sealer.unseal<SignInChallenge>(sealed);
    if (c.use !== 'second-factor' || typeof c.uid !== 'string' || !Array.isArray(c.methods) || typeof c.exp !== 'number') return null;
    return c.exp > nowSec ? c : null;
  } catch {
    return null;
  }
}
