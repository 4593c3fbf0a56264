/**
 * The Auth.js side of database sessions (lib/accounts/sessions.ts holds the rules): the jwt
 * callback starts a session row at sign-in and checks it on every read, the session callback
 * exposes the checked row, and the signOut event ends it.
 *
 * The row checked in the jwt callback reaches the session callback through a WeakMap keyed by
 * the token object (Auth.js passes the same object to both), so the user's current name, email
 * and verification come from that one lookup and nothing extra lands in the cookie.
 */
import { headers } from 'next/headers';
import { checkSession, endSessionBySecret, startSession, type SessionOrigin } from '@/lib/accounts/sessions';
import { getSettings } from '@/lib/config/settings';
import type { LiveSessionRow } from '@/lib/db/sessions';
import { getSessionStore } from '@/lib/db/sessions';
import { sessionsEnded } from '@/lib/logout';
import { clientIp } from '@/lib/http/client-ip';
import { SESSION_MAX_AGE_SECONDS } from './session-lifetime';

const checked = new WeakMap<object, LiveSessionRow>();

/** Where the sign-in came from: the client's address (behind the trusted proxies) and browser. */
async function requestOrigin(): Promise<SessionOrigin> {
  try {
    const h = await headers();
    return { ip: clientIp(h, getSettings().rateLimits.trustedProxies), userAgent: h.get('user-agent') };
  } catch {
    return { ip: null, userAgent: null }; // outside a request (never at sign-in, but harmless)
  }
}

/** At sign-in: the new session's secret, for the cookie. */
export async function beginDatabaseSession(userId: string, authMethods: string[]): Promise<string> {
  const { secret } = await startSession(await getSessionStore(), {
    userId,
    origin: await requestOrigin(),
    authMethods,
    now: new Date(),
    maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
  });
  return secret;
}

/** On every read: whether the token's session row is live (and remembers it for sessionOf). */
export async function verifyDatabaseSession(token: Record<string, unknown>): Promise<boolean> {
  const live = await checkSession(await getSessionStore(), token.sessionSecret, new Date());
  if (live) checked.set(token, live);
  return live !== null;
}

/** The row verifyDatabaseSession found for this token object. */
export function checkedSessionOf(token: object): LiveSessionRow | undefined {
  return checked.get(token);
}

/**
 * Sign-out (Auth.js signOut event: "Sign out" on our pages, RP-initiated logout at /o/logout):
 * ends the row, so the cookie is dead even if copied; then the session's tokens and the
 * applications it signed into (lib/logout: revocation, back-channel logout, never failing).
 */
export async function endDatabaseSession(token: Record<string, unknown> | null | undefined): Promise<void> {
  if (!token) return;
  const ended = await endSessionBySecret(await getSessionStore(), token.sessionSecret, new Date());
  await sessionsEnded(ended, 'user');
}
