/**
 * The operators' console and commands, about applications: every kind (dashboard, CLI,
 * self-registered, metadata documents) with owner and last use; disable, transfer, revoke all
 * tokens. Editing and deleting go through the application service (lib/applications/service.ts).
 */
import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { accessTokens, applications, refreshTokens, users } from '@/drizzle/schema';
import type { RevokedTokens } from './applications';
import type { ApplicationView } from '@/lib/admin/views';
import { containsPattern, isUuid, revokeChains } from './sql-helpers';
import type { Db } from './types';

/** The console's view of an application (lib/admin/views.ts), as these queries return it. */
export type AdminApplicationRow = ApplicationView;

const lastUsed = sql<Date | null>`(select max(t.created_at) from ${accessTokens} t where t.application_id = ${sql.raw('"applications"."id"')})`.mapWith((v: unknown) =>
  v === null || v === undefined ? null : new Date(v as string),
);

const columns = {
  id: applications.id,
  clientId: applications.clientId,
  name: applications.name,
  clientType: applications.clientType,
  grantTypes: applications.grantTypes,
  registeredVia: applications.registeredVia,
  ownerId: applications.ownerId,
  ownerEmail: users.email,
  disabledAt: applications.disabledAt,
  createdAt: applications.createdAt,
  lastUsedAt: lastUsed,
};

/** Applications whose name, client_id or owner's email contains `q`, newest first, with the total. */
export async function searchApplications(db: Db, q: string, offset: number, limit: number): Promise<{ rows: AdminApplicationRow[]; total: number }> {
  const where = q ? or(ilike(applications.name, containsPattern(q)), ilike(applications.clientId, containsPattern(q)), ilike(users.email, containsPattern(q))) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select(columns).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(where).orderBy(desc(applications.createdAt)).offset(offset).limit(limit),
    db.select({ n: count() }).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findApplicationForAdmin(db: Db, id: string): Promise<AdminApplicationRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(columns).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(eq(applications.id, id)).limit(1);
  return row ?? null;
}

export async function findApplicationByClientIdForAdmin(db: Db, clientId: string): Promise<AdminApplicationRow | null> {
  const [row] = await db.select(columns).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(eq(applications.clientId, clientId)).limit(1);
  return row ?? null;
}

/** Null when there is no such application. Disabling keeps its tokens (they are inactive while it is disabled). */
export async function setApplicationDisabled(db: Db, id: string, disabled: boolean, now: Date): Promise<{ id: string; clientId: string; name: string } | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .update(applications)
    .set({ disabledAt: disabled ? now : null, updatedAt: now })
    .where(eq(applications.id, id))
    .returning({ id: applications.id, clientId: applications.clientId, name: applications.name });
  return row ?? null;
}

/** Gives the application to another account; false when either is unknown. */
export async function transferApplication(db: Db, id: string, newOwnerId: string, now: Date): Promise<boolean> {
  if (!isUuid(id) || !isUuid(newOwnerId)) return false;
  const rows = await db
    .update(applications)
    .set({ ownerId: newOwnerId, updatedAt: now })
    .where(and(eq(applications.id, id), sql`exists (select 1 from ${users} where ${users.id} = ${newOwnerId})`))
    .returning({ id: applications.id });
  return rows.length > 0;
}

/** Revokes every live access and refresh token of the application (RFC 7009 §2.1 semantics), counting them first. */
export async function revokeApplicationTokens(db: Db, id: string, now: Date): Promise<RevokedTokens | null> {
  if (!isUuid(id)) return null;
  return db.transaction(async (tx) => {
    const [app] = await tx.select({ id: applications.id, clientId: applications.clientId }).from(applications).where(eq(applications.id, id)).limit(1);
    if (!app) return null;
    const [a] = await tx
      .select({ n: count() })
      .from(accessTokens)
      .where(and(eq(accessTokens.applicationId, id), isNull(accessTokens.revokedAt), sql`${accessTokens.expiresAt} > ${now.toISOString()}`));
    const [r] = await tx
      .select({ n: count() })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.applicationId, id), isNull(refreshTokens.revokedAt), isNull(refreshTokens.rotatedAt)));
    await revokeChains(tx, sql`application_id = ${id}`, now);
    return { applicationId: app.id, clientId: app.clientId, accessTokens: a?.n ?? 0, refreshTokens: r?.n ?? 0 };
  });
}
