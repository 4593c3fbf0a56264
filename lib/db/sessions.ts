/**
 * Browser sessions (user_sessions): the rows behind the Auth.js cookie. The cookie carries a
 * random session secret; rows hold only its SHA-256 digest. Page requests make one indexed
 * lookup (findLiveSession: the digest's unique index, joined to the user by primary key); the
 * account page lists and ends sessions, always scoped to their user.
 */
import { and, desc, eq, gt, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import { users, userSessions } from '@/drizzle/schema';
import { getDb } from './client';
import { isUuid } from './sql-helpers';
import type { Db } from './types';
import { singleton } from '@/lib/runtime/singletons';

export interface NewSession {
  userId: string;
  sessionDigest: string;
  ip: string | null;
  userAgent: string | null;
  authMethods: string[];
  createdAt: Date;
  expiresAt: Date;
}

/** A live session and its user, as a page request sees it. */
export interface LiveSessionRow {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  /** RFC 8176 amr values the sign-in earned (issue 22: pwd, otp, hwk/swk, user, mfa). */
  authMethods: string[];
  user: { id: string; email: string; name: string | null; emailVerified: boolean; operator: boolean };
}

/** A session as the account page lists it. */
export interface SessionSummary {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export function createSessionStore(db: Db) {
  const live = (now: Date) => and(isNull(userSessions.endedAt), gt(userSessions.expiresAt, now));

  async function endUserSessions(userId: string, now: Date, exceptId?: string): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const except = exceptId && isUuid(exceptId) ? ne(userSessions.id, exceptId) : undefined;
    const ended = await db
      .update(userSessions)
      .set({ endedAt: now })
      .where(and(eq(userSessions.userId, userId), live(now), except))
      .returning({ id: userSessions.id });
    return ended.map((r) => r.id);
  }

  return {
    async createSession(s: NewSession): Promise<{ id: string }> {
      const [row] = await db
        .insert(userSessions)
        .values({ ...s, lastSeenAt: s.createdAt, authMethods: s.authMethods })
        .returning({ id: userSessions.id });
      return row!;
    },

    /**
     * The session whose secret has this digest, when it has not ended or expired and its user
     * exists and is not disabled; null otherwise (signed out).
     */
    async findLiveSession(sessionDigest: string, now: Date): Promise<LiveSessionRow | null> {
      const [row] = await db
        .select({
          sessionId: userSessions.id,
          lastSeenAt: userSessions.lastSeenAt,
          expiresAt: userSessions.expiresAt,
          authMethods: userSessions.authMethods,
          id: users.id,
          email: users.email,
          name: users.name,
          emailVerified: users.emailVerified,
          operator: users.operator,
        })
        .from(userSessions)
        .innerJoin(users, eq(users.id, userSessions.userId))
        .where(and(eq(userSessions.sessionDigest, sessionDigest), live(now), isNull(users.disabledAt)))
        .limit(1);
      if (!row) return null;
      const { sessionId, lastSeenAt, expiresAt, authMethods, ...user } = row;
      return { sessionId, lastSeenAt, expiresAt, authMethods: authMethods ?? [], user };
    },

    /** Records use, unless recorded since `staleBefore` (so a busy session writes once a minute). */
    async touchSession(sessionId: string, now: Date, staleBefore: Date): Promise<void> {
      await db
        .update(userSessions)
        .set({ lastSeenAt: now })
        .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, staleBefore)));
    },

    /** The user's live sessions, most recently used first. */
    async listSessionsForUser(userId: string, now: Date): Promise<SessionSummary[]> {
      if (!isUuid(userId)) return [];
      return db
        .select({
          id: userSessions.id,
          ip: userSessions.ip,
          userAgent: userSessions.userAgent,
          createdAt: userSessions.createdAt,
          lastSeenAt: userSessions.lastSeenAt,
          expiresAt: userSessions.expiresAt,
        })
        .from(userSessions)
        .where(and(eq(userSessions.userId, userId), live(now)))
        .orderBy(desc(userSessions.lastSeenAt), desc(userSessions.createdAt));
    },

    /** Ends one of the user's sessions; false when it is not theirs or already over. */
    async endSessionForUser(sessionId: string, userId: string, now: Date): Promise<boolean> {
      if (!isUuid(sessionId) || !isUuid(userId)) return false;
      const ended = await db
        .update(userSessions)
        .set({ endedAt: now })
        .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), live(now)))
        .returning({ id: userSessions.id });
      return ended.length > 0;
    },

    /** Sign-out: ends the session whose secret has this digest (nothing when there is none); the ids ended. */
    async endSessionByDigest(sessionDigest: string, now: Date): Promise<string[]> {
      const ended = await db
        .update(userSessions)
        .set({ endedAt: now })
        .where(and(eq(userSessions.sessionDigest, sessionDigest), isNull(userSessions.endedAt)))
        .returning({ id: userSessions.id });
      return ended.map((r) => r.id);
    },

    /** Ends every live session of the user, but `exceptId`; the number ended. */
    async endSessionsForUser(userId: string, now: Date, exceptId?: string): Promise<number> {
      return (await endUserSessions(userId, now, exceptId)).length;
    },

    /** endSessionsForUser, answering which sessions ended (for back-channel logout). */
    endSessionsForUserReturningIds: endUserSessions,

    /**
     * For cleartokens: deletes rows that ended or expired before `before` (a session over for a
     * while is no longer shown anywhere), `batchSize` rows per statement. The number deleted.
     */
    async deleteSessionsOverBefore(before: Date, batchSize = 10_000): Promise<number> {
      const over = or(lt(userSessions.endedAt, before), lt(userSessions.expiresAt, before));
      let total = 0;
      for (;;) {
        const batch = db.select({ id: userSessions.id }).from(userSessions).where(over).limit(batchSize);
        const deleted = await db.delete(userSessions).where(inArray(userSessions.id, batch)).returning({ id: userSessions.id });
        total += deleted.length;
        if (deleted.length < batchSize) return total;
      }
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/** The sessions of the server's database, built once per process. */
export function getSessionStore(): Promise<SessionStore> {
  return singleton('session-store', async () => createSessionStore(await getDb()));
}
