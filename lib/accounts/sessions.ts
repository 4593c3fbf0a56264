/**
 * Signed-in browsers as database rows (user_sessions), so a session can be listed and ended
 * from anywhere, on every instance at once.
 *
 * Auth.js allows Credentials sign-in only with JWT sessions, so the session is still an
 * encrypted cookie; what changed is that the cookie carries a random session secret and is
 * honoured only while the row with that secret's digest is live. Ending the row (sign-out,
 * "Sign out" on the account page, a password change, a disabled account) signs that browser out
 * on its next request, whichever instance serves it.
 *
 * The rules live here, not in lib/auth: the account page, endUserAccess and the Auth.js
 * callbacks all use them, and they need neither Auth.js nor a request (testable on a database).
 */
import type { LiveSessionRow, SessionStore } from '@/lib/db/sessions';
import { digest, randomToken } from '@/lib/oauth/secrets';

/** last_seen_at is written at most this often per session: the hot path stays one read. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** User agents are stored for display only; a longer one is cut (headers can be kilobytes). */
const USER_AGENT_MAX = 512;

type Store = Pick<SessionStore, 'createSession' | 'findLiveSession' | 'touchSession' | 'endSessionByDigest'>;

export interface SessionOrigin {
  ip: string | null;
  userAgent: string | null;
}

/**
 * A new session for the user: the row (digest only) and the secret the cookie carries. The row
 * expires `maxAgeSeconds` after sign-in, as the cookie does.
 */
export async function startSession(
  store: Pick<Store, 'createSession'>,
  input: { userId: string; origin: SessionOrigin; authMethods: string[]; now: Date; maxAgeSeconds: number },
): Promise<{ sessionId: string; secret: string }> {
  const secret = randomToken(32);
  const ip = input.origin.ip && input.origin.ip !== 'unknown' ? input.origin.ip : null;
  const { id } = await store.createSession({
    userId: input.userId,
    sessionDigest: digest(secret),
    ip,
    userAgent: input.origin.userAgent?.slice(0, USER_AGENT_MAX) || null,
    authMethods: input.authMethods,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.maxAgeSeconds * 1000),
  });
  return { sessionId: id, secret };
}

/**
 * The live session a cookie's secret names, or null (signed out): no secret (a cookie from
 * before sessions lived in the database), an unknown, ended or expired row, or a deleted or
 * disabled user. Records use at most once a minute.
 */
export async function checkSession(store: Pick<Store, 'findLiveSession' | 'touchSession'>, secret: unknown, now: Date): Promise<LiveSessionRow | null> {
  if (typeof secret !== 'string' || !secret) return null;
  const live = await store.findLiveSession(digest(secret), now);
  if (!live) return null;
  const staleBefore = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS);
  if (live.lastSeenAt < staleBefore) await store.touchSession(live.sessionId, now, staleBefore);
  return live;
}

/** Sign-out: ends the session the cookie's secret names (nothing for a cookie without one); the ids ended. */
export async function endSessionBySecret(store: Pick<Store, 'endSessionByDigest'>, secret: unknown, now: Date): Promise<string[]> {
  if (typeof secret !== 'string' || !secret) return [];
  return store.endSessionByDigest(digest(secret), now);
}
