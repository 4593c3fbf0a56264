/** The "tokens issued" chart's numbers, for the dashboard (the owner's application) and the console (any). */
import { and, eq, sql } from 'drizzle-orm';
import { accessTokens, applications } from '@/drizzle/schema';
import type { DailyCount } from '@/lib/dashboard/views';
import { isUuid } from './sql-helpers';
import type { Db } from './types';

const DAY_MS = 86_400_000;

/**
 * Access tokens issued per UTC day over the last `days` days (today included), oldest first,
 * zero-filled. With `ownerId`, all zeros when the application is someone else's.
 */
export async function tokensIssuedPerDay(db: Db, applicationId: string, options: { days?: number; now?: Date; ownerId?: string } = {}): Promise<DailyCount[]> {
  const { days = 14, now = new Date(), ownerId } = options;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * DAY_MS);
  const day = sql<string>`to_char(${accessTokens.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const since = sql`${accessTokens.createdAt} >= ${from.toISOString()}`;
  const select = () => db.select({ day, count: sql<number>`count(*)`.mapWith(Number) }).from(accessTokens);
  const rows = !isUuid(applicationId) || (ownerId !== undefined && !isUuid(ownerId))
    ? []
    : ownerId === undefined
      ? await select().where(and(eq(accessTokens.applicationId, applicationId), since)).groupBy(day)
      : await select()
          .innerJoin(applications, eq(applications.id, accessTokens.applicationId))
          .where(and(eq(applications.id, applicationId), eq(applications.ownerId, ownerId), since))
          .groupBy(day);
  const counts = new Map(rows.map((r) => [r.day, r.count]));
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    return { day: d, count: counts.get(d) ?? 0 };
  });
}
