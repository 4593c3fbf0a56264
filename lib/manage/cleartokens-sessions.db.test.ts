/**
 * `manage cleartokens` deletes browser sessions (user_sessions) that have been over — signed
 * out or expired — for a day, in batches, and never a live one.
 */
import { describe, expect, it } from 'vitest';
import { userSessions } from '@/drizzle/schema';
import { endSessionBySecret, startSession } from '@/lib/accounts/sessions';
import { createSessionStore } from '@/lib/db/sessions';
import type { DbHandle } from '@/lib/db/types';
import { createTestServer } from '@/lib/testing/oauth';
import { cleartokens } from './cleartokens';

const DAY_MS = 86_400_000;

describe('manage cleartokens: browser sessions', () => {
  it('deletes sessions signed out or expired over a day ago; keeps live and recently ended ones', async () => {
    const t = await createTestServer();
    const sessions = createSessionStore(t.db);
    const user = await t.user();
    const now = Date.now();
    const origin = { ip: null, userAgent: null };
    const start = (at: number, maxAgeSeconds = 12 * 3600) => startSession(sessions, { userId: user.id, origin, authMethods: ['pwd'], now: new Date(at), maxAgeSeconds });

    const live = await start(now);
    const endedJustNow = await start(now);
    await endSessionBySecret(sessions, endedJustNow.secret, new Date(now));
    const endedLongAgo = await start(now - 3 * DAY_MS);
    await endSessionBySecret(sessions, endedLongAgo.secret, new Date(now - 2 * DAY_MS));
    const expiredLongAgo = await start(now - 3 * DAY_MS);
    const expiredLongAgoToo = await start(now - 4 * DAY_MS);

    const lines: string[] = [];
    await cleartokens.run({ args: { values: { 'batch-size': '1' }, positionals: [] }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s), events: t.deps.events });
    expect(JSON.parse(lines[0]!).removed.sessions).toBe(3);

    const left = (await t.db.select({ id: userSessions.id }).from(userSessions)).map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining([live.sessionId, endedJustNow.sessionId]));
    for (const gone of [endedLongAgo, expiredLongAgo, expiredLongAgoToo]) expect(left).not.toContain(gone.sessionId);
  });
});
