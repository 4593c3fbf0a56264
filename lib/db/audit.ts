/**
 * The audit trail's queries (audit_events): one insert per event, the operators' filtered and
 * paged list (and its export), a person's own activity, and pruning past the retention.
 * Filters arrive already validated (lib/audit/filter.ts); this module only builds SQL.
 */
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { auditEvents, type AuditEvent } from '@/drizzle/schema';
import { rowCount } from './sql-helpers';
import type { Db } from './types';

export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type { AuditEvent };

export interface AuditFilter {
  userId?: string;
  clientId?: string;
  /** An exact type (`sign_in.failed`) or a prefix ending in a dot (`token.`). */
  type?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Rows older than this id (keyset paging: stable while new rows arrive). */
  beforeId?: number;
}

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.userId) parts.push(eq(auditEvents.userId, f.userId));
  if (f.clientId) parts.push(eq(auditEvents.clientId, f.clientId));
  if (f.type) parts.push(f.type.endsWith('.') ? sql`starts_with(${auditEvents.type}, ${f.type})` : eq(auditEvents.type, f.type));
  if (f.from) parts.push(gte(auditEvents.at, f.from));
  if (f.to) parts.push(lt(auditEvents.at, f.to));
  if (f.beforeId) parts.push(lt(auditEvents.id, f.beforeId));
  return parts.length ? and(...parts) : undefined;
}

/** Newest first; `limit + 1` rows are read so the caller knows whether an older page exists. */
export async function listAuditEvents(db: Db, filter: AuditFilter, limit: number): Promise<{ rows: AuditEvent[]; hasMore: boolean }> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where(filter))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** What a person sees on /account/activity: events about them, of the kinds that are theirs to check. */
export const PERSONAL_EVENT_PREFIXES = ['sign_in.', 'sign_out', 'consent.', 'token.', 'password.', 'email.', 'session.', 'factor.', 'account.', 'user.'];

export async function listActivityForUser(db: Db, userId: string, limit: number, beforeId?: number): Promise<{ rows: AuditEvent[]; hasMore: boolean }> {
  const kinds = sql.join(
    PERSONAL_EVENT_PREFIXES.map((p) => sql`starts_with(${auditEvents.type}, ${p})`),
    sql` or `,
  );
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.userId, userId), sql`(${kinds})`, beforeId ? lt(auditEvents.id, beforeId) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The distinct event types recorded, for the filter's list. */
export async function listAuditEventTypes(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ type: auditEvents.type }).from(auditEvents).orderBy(auditEvents.type).limit(200);
  return rows.map((r) => r.type);
}

/** Deletes rows older than `before`, `batchSize` at a time (short transactions, no long lock). */
export async function pruneAuditEvents(db: Db, before: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const r = await db.execute(sql`delete from ${auditEvents} where id in (
      select id from ${auditEvents} where at < ${before.toISOString()} limit ${batchSize}) returning 1`);
    const n = rowCount(r);
    total += n;
    if (n < batchSize) return total;
  }
}

/** Test and export helper: the rows with these ids (in id order). */
export async function findAuditEvents(db: Db, ids: number[]): Promise<AuditEvent[]> {
  if (!ids.length) return [];
  return db.select().from(auditEvents).where(inArray(auditEvents.id, ids)).orderBy(auditEvents.id);
}
