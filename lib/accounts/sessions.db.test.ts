/**
 * Sessions in the database (issue 17): a sign-in creates a row holding only the digest of the
 * cookie's secret; each read checks the row is live; ending it anywhere signs that browser out
 * everywhere. Two session stores over one database stand for two server instances.
 */
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '@/lib/db/sessions';
import { eq } from 'drizzle-orm';
import { users, userSessions } from '@/drizzle/schema';
import { digest } from '@/lib/oauth/secrets';
import { createTestServer } from '@/lib/testing/oauth';
import { checkSession, endSessionBySecret, SESSION_TOUCH_INTERVAL_MS, startSession } from './sessions';

const t = await createTestServer();
const instanceA = createSessionStore(t.db);
const instanceB = createSessionStore(t.db);
const TWELVE_HOURS = 12 * 3600;
const origin = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36' };

async function signIn(userId: string, now = t.now(), store = instanceA) {
  return startSession(store, { userId, origin, authMethods: ['pwd'], now, maxAgeSeconds: TWELVE_HOURS });
}

describe('session rows', () => {
  it('stores only the digest of the secret, with the address, browser and a 12-hour expiry', async () => {
    const user = await t.user();
    const now = t.now();
    const { secret, sessionId } = await signIn(user.id, now);
    const rows = await t.db.select().from(userSessions);
    const row = rows.find((r) => r.id === sessionId)!;
    expect(row.sessionDigest).toBe(digest(secret));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(row.ip).toBe('203.0.113.7');
    expect(row.userAgent).toBe(origin.userAgent);
    expect(row.authMethods).toEqual(['pwd']);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(TWELVE_HOURS * 1000);
  });

  it('a live session reads back with its user', async () => {
    const user = await t.user();
    const { secret, sessionId } = await signIn(user.id);
    const live = await checkSession(instanceA, secret, t.now());
    expect(live?.sessionId).toBe(sessionId);
    expect(live?.user).toEqual({ id: user.id, email: user.email, name: 'Test User', emailVerified: true, operator: false });
  });

  it('a cookie without a secret (signed in before the upgrade), or with a forged one, is signed out', async () => {
    expect(await checkSession(instanceA, undefined, t.now())).toBeNull();
    expect(await checkSession(instanceA, '', t.now())).toBeNull();
    expect(await checkSession(instanceA, 'not-a-session-secret', t.now())).toBeNull();
  });

  it('an expired session is signed out', async () => {
    const user = await t.user();
    const now = t.now();
    const { secret } = await signIn(user.id, now);
    expect(await checkSession(instanceA, secret, new Date(now.getTime() + TWELVE_HOURS * 1000 - 1000))).not.toBeNull();
    expect(await checkSession(instanceA, secret, new Date(now.getTime() + TWELVE_HOURS * 1000))).toBeNull();
  });

  it('records use at most once a minute', async () => {
    const user = await t.user();
    const start = t.now();
    const { secret, sessionId } = await signIn(user.id, start);
    const lastSeen = async () => (await instanceA.listSessionsForUser(user.id, start)).find((s) => s.id === sessionId)!.lastSeenAt.getTime();
    await checkSession(instanceA, secret, new Date(start.getTime() + 30_000));
    expect(await lastSeen()).toBe(start.getTime());
    const later = new Date(start.getTime() + SESSION_TOUCH_INTERVAL_MS + 1000);
    await checkSession(instanceA, secret, later);
    expect(await lastSeen()).toBe(later.getTime());
  });

  it('sign-out ends the row: the same cookie is refused afterwards', async () => {
    const user = await t.user();
    const { secret } = await signIn(user.id);
    await endSessionBySecret(instanceA, secret, t.now());
    expect(await checkSession(instanceA, secret, t.now())).toBeNull();
  });

  it('a deleted user’s sessions are gone with them', async () => {
    const other = await t.user();
    const { secret } = await signIn(other.id);
    await t.db.delete(users).where(eq(users.id, other.id));
    expect(await checkSession(instanceA, secret, t.now())).toBeNull();
  });
});

describe('listing and ending sessions across instances', () => {
  it('lists the user’s live sessions only, most recently used first', async () => {
    const user = await t.user();
    const other = await t.user();
    const start = t.now();
    const first = await signIn(user.id, start);
    const second = await signIn(user.id, new Date(start.getTime() + 1000));
    const ended = await signIn(user.id, start);
    await signIn(other.id, start);
    await endSessionBySecret(instanceA, ended.secret, start);
    const listed = await instanceB.listSessionsForUser(user.id, new Date(start.getTime() + 2000));
    expect(listed.map((s) => s.id)).toEqual([second.sessionId, first.sessionId]);
    expect(listed[0]).toMatchObject({ ip: '203.0.113.7', userAgent: origin.userAgent });
  });

  it('a session ended on one instance is refused by the other on its next request', async () => {
    const user = await t.user();
    const { secret, sessionId } = await signIn(user.id, t.now(), instanceA);
    expect(await checkSession(instanceB, secret, t.now())).not.toBeNull();
    expect(await instanceA.endSessionForUser(sessionId, user.id, t.now())).toBe(true);
    expect(await checkSession(instanceB, secret, t.now())).toBeNull();
    expect(await checkSession(instanceA, secret, t.now())).toBeNull();
  });

  it('another user cannot end a session that is not theirs', async () => {
    const user = await t.user();
    const intruder = await t.user();
    const { secret, sessionId } = await signIn(user.id);
    expect(await instanceB.endSessionForUser(sessionId, intruder.id, t.now())).toBe(false);
    expect(await instanceB.endSessionForUser('not-a-uuid', user.id, t.now())).toBe(false);
    expect(await checkSession(instanceA, secret, t.now())).not.toBeNull();
  });

  it('"Sign out everywhere else" ends every session but the current one', async () => {
    const user = await t.user();
    const here = await signIn(user.id);
    const phone = await signIn(user.id);
    const laptop = await signIn(user.id);
    expect(await instanceB.endSessionsForUser(user.id, t.now(), here.sessionId)).toBe(2);
    expect(await checkSession(instanceA, here.secret, t.now())).not.toBeNull();
    expect(await checkSession(instanceA, phone.secret, t.now())).toBeNull();
    expect(await checkSession(instanceA, laptop.secret, t.now())).toBeNull();
  });
});

describe('pruning (for cleartokens)', () => {
  it('deletes sessions that ended or expired before the cut-off, and no live one', async () => {
    const user = await t.user();
    const start = t.now();
    const live = await signIn(user.id, start);
    const ended = await signIn(user.id, start);
    await endSessionBySecret(instanceA, ended.secret, start);
    const old = await startSession(instanceA, { userId: user.id, origin, authMethods: [], now: new Date(start.getTime() - 48 * 3600_000), maxAgeSeconds: TWELVE_HOURS });
    const removed = await instanceA.deleteSessionsOverBefore(new Date(start.getTime() + 1000));
    expect(removed).toBeGreaterThanOrEqual(2);
    const left = (await t.db.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(left).toContain(live.sessionId);
    expect(left).not.toContain(ended.sessionId);
    expect(left).not.toContain(old.sessionId);
  });
});
