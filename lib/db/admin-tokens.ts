/**
 * The console's Tokens page: access and refresh tokens found by person and/or application,
 * newest first, with their status; revoking one token, or every token of a person at one
 * application. The other "revoke all" cases are revokeTokensForUser (authorizations.ts) and
 * revokeApplicationTokens (admin-applications.ts). No token value exists here: only digests are
 * stored, and these queries never select them.
 */
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { accessTokens, applications, authorizationCodes, refreshTokens, users } from '@/drizzle/schema';
import type { TokenStatusFilter, TokenView } from '@/lib/admin/views';
import type { RevokedTokens } from './applications';
import { isUuid, revokeChains } from './sql-helpers';
import type { Db } from './types';

export interface TokenFilter {
  userId?: string;
  applicationIds?: string[];
  status: TokenStatusFilter;
  now: Date;
  /** OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS (null: refresh tokens do not expire unless the application says so). */
  refreshTokenExpireSeconds: number | null;
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

/** A refresh token's end: its creation plus the application's lifetime or the server's, as the refresh grant checks it. */
const refreshExpiry = (seconds: number | null) => {
  const lifetime = sql`coalesce(${applications.refreshTokenLifetime}, ${seconds}::int)`;
  return sql`case when ${lifetime} is null then null else ${refreshTokens.createdAt} + ${lifetime} * interval '1 second' end`;
};

function accessWhere(f: TokenFilter): SQL | undefined {
  const now = f.now;
  const status: Record<TokenStatusFilter, SQL | undefined> = {
    any: undefined,
    active: and(isNull(accessTokens.revokedAt), gt(accessTokens.expiresAt, now)),
    revoked: isNotNull(accessTokens.revokedAt),
    expired: and(isNull(accessTokens.revokedAt), lte(accessTokens.expiresAt, now)),
  };
  return and(
    f.userId ? eq(accessTokens.userId, f.userId) : undefined,
    f.applicationIds ? inArray(accessTokens.applicationId, f.applicationIds) : undefined,
    status[f.status],
  );
}

function refreshWhere(f: TokenFilter): SQL | undefined {
  const expiry = refreshExpiry(f.refreshTokenExpireSeconds);
  const now = f.now.toISOString();
  const live = and(isNull(refreshTokens.revokedAt), isNull(refreshTokens.rotatedAt));
  const status: Record<TokenStatusFilter, SQL | undefined> = {
    any: undefined,
    active: and(live, sql`(${expiry} is null or ${expiry} > ${now}::timestamptz)`),
    revoked: isNotNull(refreshTokens.revokedAt),
    expired: and(live, sql`${expiry} <= ${now}::timestamptz`),
  };
  return and(
    f.userId ? eq(refreshTokens.userId, f.userId) : undefined,
    f.applicationIds ? inArray(refreshTokens.applicationId, f.applicationIds) : undefined,
    status[f.status],
  );
}

function statusOf(row: { revokedAt: Date | null; rotatedAt: Date | null; expiresAt: Date | null }, now: Date): TokenView['status'] {
  if (row.revokedAt) return 'revoked';
  if (row.rotatedAt) return 'rotated';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

/**
 * The tokens matching the filter, newest first, with the total for paging. The caller names a
 * person or applications (an unfiltered scan of every token is not offered: see the page).
 */
export async function searchTokens(db: Db, f: TokenFilter, offset: number, limit: number): Promise<{ rows: TokenView[]; total: number }> {
  if (f.userId !== undefined && !isUuid(f.userId)) return { rows: [], total: 0 };
  if (f.applicationIds && !f.applicationIds.every(isUuid)) return { rows: [], total: 0 };
  if (f.applicationIds?.length === 0) return { rows: [], total: 0 };
  const access = db
    .select({
      kind: sql<string>`'access'`.as('kind'),
      id: accessTokens.id,
      applicationId: accessTokens.applicationId,
      clientId: applications.clientId,
      applicationName: sql<string>`${applications.name}`.as('application_name'),
      userId: accessTokens.userId,
      userEmail: sql<string | null>`${users.email}`.as('user_email'),
      scope: accessTokens.scope,
      createdAt: accessTokens.createdAt,
      expiresAt: sql<unknown>`${accessTokens.expiresAt}`.as('expires_at'),
      revokedAt: sql<unknown>`${accessTokens.revokedAt}`.as('revoked_at'),
      rotatedAt: sql<unknown>`null::timestamptz`.as('rotated_at'),
    })
    .from(accessTokens)
    .innerJoin(applications, eq(applications.id, accessTokens.applicationId))
    .leftJoin(users, eq(users.id, accessTokens.userId))
    .where(accessWhere(f));
  const refresh = db
    .select({
      kind: sql<string>`'refresh'`.as('kind'),
      id: refreshTokens.id,
      applicationId: refreshTokens.applicationId,
      clientId: applications.clientId,
      applicationName: sql<string>`${applications.name}`.as('application_name'),
      userId: refreshTokens.userId,
      userEmail: sql<string | null>`${users.email}`.as('user_email'),
      scope: refreshTokens.scope,
      createdAt: refreshTokens.createdAt,
      expiresAt: sql<unknown>`${refreshExpiry(f.refreshTokenExpireSeconds)}`.as('expires_at'),
      revokedAt: sql<unknown>`${refreshTokens.revokedAt}`.as('revoked_at'),
      rotatedAt: sql<unknown>`${refreshTokens.rotatedAt}`.as('rotated_at'),
    })
    .from(refreshTokens)
    .innerJoin(applications, eq(applications.id, refreshTokens.applicationId))
    .leftJoin(users, eq(users.id, refreshTokens.userId))
    .where(refreshWhere(f));

  const [rows, [a], [r]] = await Promise.all([
    unionAll(access, refresh).orderBy(sql`created_at desc`, sql`kind`, sql`id desc`).offset(offset).limit(limit),
    db.select({ n: count() }).from(accessTokens).where(accessWhere(f)),
    db.select({ n: count() }).from(refreshTokens).innerJoin(applications, eq(applications.id, refreshTokens.applicationId)).where(refreshWhere(f)),
  ]);
  return {
    rows: rows.map((row) => {
      const times = { expiresAt: toDate(row.expiresAt), revokedAt: toDate(row.revokedAt), rotatedAt: toDate(row.rotatedAt) };
      return {
        kind: row.kind === 'refresh' ? 'refresh' : 'access',
        id: Number(row.id),
        applicationId: row.applicationId,
        clientId: row.clientId,
        applicationName: row.applicationName,
        userId: row.userId,
        userEmail: row.userEmail,
        scope: row.scope,
        createdAt: new Date(row.createdAt),
        expiresAt: times.expiresAt,
        status: statusOf(times, f.now),
      };
    }),
    total: (a?.n ?? 0) + (r?.n ?? 0),
  };
}

/** Applications an operator may mean by `q`: the one with that client_id, else every one with that name (ignoring case). */
export async function findApplicationsByClientIdOrName(db: Db, q: string): Promise<{ id: string; clientId: string; name: string }[]> {
  const cols = { id: applications.id, clientId: applications.clientId, name: applications.name };
  const [byClientId] = await db.select(cols).from(applications).where(eq(applications.clientId, q)).limit(1);
  if (byClientId) return [byClientId];
  return db
    .select(cols)
    .from(applications)
    .where(sql`lower(${applications.name}) = lower(${q})`)
    .orderBy(desc(applications.createdAt))
    .limit(20);
}

/** What one revoked token belonged to, for its event and audit row. */
export type RevokedToken = RevokedTokens & { userId: string | null; applicationName: string };

/**
 * Revokes one token as /o/revoke_token does (RFC 7009 §2.1): an access token alone; a refresh
 * token with its whole chain (the family's refresh and access tokens). Null when there is no such
 * token or it was no longer live (revoked, or a refresh token already rotated).
 */
export async function revokeTokenById(db: Db, kind: 'access' | 'refresh', id: number, now: Date): Promise<RevokedToken | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  return db.transaction(async (tx) => {
    const owner = async (applicationId: string) =>
      (await tx.select({ clientId: applications.clientId, name: applications.name }).from(applications).where(eq(applications.id, applicationId)).limit(1))[0];
    if (kind === 'access') {
      const [row] = await tx
        .update(accessTokens)
        .set({ revokedAt: now })
        .where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt), gt(accessTokens.expiresAt, now)))
        .returning({ applicationId: accessTokens.applicationId, userId: accessTokens.userId });
      if (!row) return null;
      const app = await owner(row.applicationId);
      return { ...row, clientId: app?.clientId ?? '', applicationName: app?.name ?? '', accessTokens: 1, refreshTokens: 0 };
    }
    const [token] = await tx
      .select({ applicationId: refreshTokens.applicationId, userId: refreshTokens.userId, familyId: refreshTokens.familyId })
      .from(refreshTokens)
      .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt), isNull(refreshTokens.rotatedAt)))
      .for('update');
    if (!token) return null;
    const [live] = await tx
      .select({ n: count() })
      .from(accessTokens)
      .where(and(eq(accessTokens.familyId, token.familyId), isNull(accessTokens.revokedAt), gt(accessTokens.expiresAt, now)));
    await revokeChains(tx, sql`family_id = ${token.familyId}`, now);
    const app = await owner(token.applicationId);
    return {
      applicationId: token.applicationId,
      userId: token.userId,
      clientId: app?.clientId ?? '',
      applicationName: app?.name ?? '',
      accessTokens: live?.n ?? 0,
      refreshTokens: 1,
    };
  });
}

/**
 * Every token a person holds at one application, and their codes not yet exchanged (as
 * revokeTokensForUser, narrowed to the application); the consent stays. Null for unknown ids.
 */
export async function revokeUserApplicationTokens(db: Db, userId: string, applicationId: string, now: Date): Promise<RevokedTokens | null> {
  if (!isUuid(userId) || !isUuid(applicationId)) return null;
  return db.transaction(async (tx) => {
    const [app] = await tx.select({ clientId: applications.clientId }).from(applications).where(eq(applications.id, applicationId)).limit(1);
    if (!app) return null;
    // Codes first (see revokeTokensForUser): an exchange under way finishes, and its tokens are revoked below.
    await tx
      .update(authorizationCodes)
      .set({ revokedAt: now })
      .where(and(eq(authorizationCodes.userId, userId), eq(authorizationCodes.applicationId, applicationId), isNull(authorizationCodes.revokedAt)));
    const mine = <T extends typeof accessTokens | typeof refreshTokens>(t: T) => and(eq(t.userId, userId), eq(t.applicationId, applicationId), isNull(t.revokedAt));
    const [a] = await tx.select({ n: count() }).from(accessTokens).where(and(mine(accessTokens), gt(accessTokens.expiresAt, now)));
    const [r] = await tx.select({ n: count() }).from(refreshTokens).where(and(mine(refreshTokens), isNull(refreshTokens.rotatedAt)));
    await revokeChains(tx, sql`user_id = ${userId} and application_id = ${applicationId}`, now);
    return { applicationId, clientId: app.clientId, accessTokens: a?.n ?? 0, refreshTokens: r?.n ?? 0 };
  });
}
