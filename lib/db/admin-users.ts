/**
 * The operators' console and commands, about people: find, inspect, disable, make operator,
 * delete. Not owner-scoped (only operators reach these; the pages check the role first).
 */
import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import { applications, consents, users } from '@/drizzle/schema';
import type { UserView } from '@/lib/admin/views';
import { containsPattern, isUuid, pgTextArray } from './sql-helpers';
import type { Db } from './types';

/** The console's view of a person (lib/admin/views.ts), as these queries return it. */
export type AdminUserRow = UserView;

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  operator: users.operator,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  roles: users.roles,
};

/** Users whose email or name contains `q` (case-insensitive), newest first, with the total for paging. */
export async function searchUsers(db: Db, q: string, offset: number, limit: number): Promise<{ rows: AdminUserRow[]; total: number }> {
  const where = q ? or(ilike(users.email, containsPattern(q)), ilike(users.name, containsPattern(q))) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select(columns).from(users).where(where).orderBy(desc(users.createdAt), asc(users.email)).offset(offset).limit(limit),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findUserForAdmin(db: Db, id: string): Promise<AdminUserRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(columns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function findUserByEmailForAdmin(db: Db, email: string): Promise<AdminUserRow | null> {
  const [row] = await db.select(columns).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

/** Null when there is no such user. */
export async function setUserDisabled(db: Db, id: string, disabled: boolean, now: Date): Promise<AdminUserRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.update(users).set({ disabledAt: disabled ? now : null }).where(eq(users.id, id)).returning(columns);
  return row ?? null;
}

export async function setUserOperator(db: Db, id: string, operator: boolean): Promise<AdminUserRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.update(users).set({ operator }).where(eq(users.id, id)).returning(columns);
  return row ?? null;
}

/** Replaces the account's roles (already validated by lib/accounts/roles.ts); null when there is no such user. */
export async function setUserRoles(db: Db, id: string, roles: string[]): Promise<AdminUserRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.update(users).set({ roles }).where(eq(users.id, id)).returning(columns);
  return row ?? null;
}

/** Enabled accounts with the operator column set (OAUTH2_OPERATOR_EMAILS names more; the caller adds them). */
export async function listOperatorAccounts(db: Db): Promise<AdminUserRow[]> {
  return db.select(columns).from(users).where(and(eq(users.operator, true), isNull(users.disabledAt)));
}

/** Enabled, verified accounts with one of these emails (the OAUTH2_OPERATOR_EMAILS operators). */
export async function listAccountsByEmail(db: Db, emails: readonly string[]): Promise<AdminUserRow[]> {
  if (!emails.length) return [];
  return db
    .select(columns)
    .from(users)
    .where(and(sql`${users.email} = any(${pgTextArray([...emails])}::text[])`, isNull(users.disabledAt), eq(users.emailVerified, true)));
}

/** Deletes the account; the foreign keys cascade to its sessions, tokens, codes, consents and applications. */
export async function deleteUser(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db.delete(users).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length > 0;
}

export interface AdminAuthorizationRow {
  applicationId: string;
  clientId: string;
  name: string;
  scope: string;
  updatedAt: Date;
}

/** What the user approved (consents), newest first. */
export async function listAuthorizationsForAdmin(db: Db, userId: string): Promise<AdminAuthorizationRow[]> {
  if (!isUuid(userId)) return [];
  return db
    .select({ applicationId: applications.id, clientId: applications.clientId, name: applications.name, scope: consents.scope, updatedAt: consents.updatedAt })
    .from(consents)
    .innerJoin(applications, eq(applications.id, consents.applicationId))
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.updatedAt))
    .limit(100);
}

export interface AdminOwnedApplicationRow {
  id: string;
  clientId: string;
  name: string;
  disabledAt: Date | null;
  createdAt: Date;
}

export async function listApplicationsOwnedBy(db: Db, userId: string): Promise<AdminOwnedApplicationRow[]> {
  if (!isUuid(userId)) return [];
  return db
    .select({ id: applications.id, clientId: applications.clientId, name: applications.name, disabledAt: applications.disabledAt, createdAt: applications.createdAt })
    .from(applications)
    .where(eq(applications.ownerId, userId))
    .orderBy(desc(applications.createdAt))
    .limit(100);
}
