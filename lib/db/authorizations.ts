/**
 * The authorizations people granted (consents), as the dashboard's authorized-tokens pages
 * list, show and revoke them. Every query names its user (consents.user_id) in the WHERE clause,
 * so another account's id finds nothing and changes nothing; the pages answer that with a 404.
 * Part of the DashboardStore (dashboard.ts composes it).
 */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { accessTokens, applications, authorizationCodes, consents, refreshTokens } from '@/drizzle/schema';
import type { AuthorizationSummary } from '@/lib/dashboard/views';
import type { RevokedTokens } from './applications';
import { isUuid, revokeChains } from './sql-helpers';
import type { Db } from './types';

export function createAuthorizationStore(db: Db) {
  const authorizationColumns = (now: Date) => ({
    id: consents.id,
    applicationId: consents.applicationId,
    applicationName: applications.name,
    registeredVia: applications.registeredVia,
    scope: consents.scope,
    createdAt: consents.createdAt,
    updatedAt: consents.updatedAt,
    // Raw subqueries come back as strings from postgres.js and PGlite alike: mapped below.
    lastUsedAt: sql<string | null>`(select max(t.created_at) from ${accessTokens} t
      where t.user_id = ${consents.userId} and t.application_id = ${consents.applicationId})`,
    activeTokenCount: sql<number>`(select count(*) from ${accessTokens} t
      where t.user_id = ${consents.userId} and t.application_id = ${consents.applicationId}
        and t.revoked_at is null and t.expires_at > ${now.toISOString()})`.mapWith(Number),
  });

  type AuthorizationRow = { scope: string; lastUsedAt: string | Date | null } & Omit<AuthorizationSummary, 'scopes' | 'lastUsedAt'>;
  const toAuthorization = ({ scope, lastUsedAt, ...row }: AuthorizationRow): AuthorizationSummary => ({
    ...row,
    scopes: scope.split(' ').filter(Boolean),
    lastUsedAt: lastUsedAt === null ? null : new Date(lastUsedAt),
  });

  return {
    /** Every application the user authorized, most recently approved first. */
    async listAuthorizationsForUser(userId: string, now = new Date()): Promise<AuthorizationSummary[]> {
      if (!isUuid(userId)) return [];
      const rows = await db
        .select(authorizationColumns(now))
        .from(consents)
        .innerJoin(applications, eq(applications.id, consents.applicationId))
        .where(eq(consents.userId, userId))
        .orderBy(sql`${consents.updatedAt} desc, ${applications.name}`);
      return rows.map(toAuthorization);
    },

    /** Null for another user's authorization or a malformed id. */
    async findAuthorizationForUser(consentId: string, userId: string, now = new Date()): Promise<AuthorizationSummary | null> {
      if (!isUuid(consentId) || !isUuid(userId)) return null;
      const [row] = await db
        .select(authorizationColumns(now))
        .from(consents)
        .innerJoin(applications, eq(applications.id, consents.applicationId))
        .where(and(eq(consents.id, consentId), eq(consents.userId, userId)))
        .limit(1);
      return row ? toAuthorization(row) : null;
    },

    /**
     * Revokes what the user granted the application, in one transaction: every access and
     * refresh token of that user and application (so the client's next call and introspection
     * see them as revoked, RFC 7009 §2.1), its codes not yet exchanged, and the consent itself
     * (so the next authorization asks again). False for another user's authorization.
     */
    async revokeAuthorizationForUser(consentId: string, userId: string, now = new Date(), onRevoked?: (revoked: RevokedTokens) => void): Promise<boolean> {
      if (!isUuid(consentId) || !isUuid(userId)) return false;
      let revoked: RevokedTokens | null = null;
      const done = await db.transaction(async (tx) => {
        const [consent] = await tx
          .delete(consents)
          .where(and(eq(consents.id, consentId), eq(consents.userId, userId)))
          .returning({ applicationId: consents.applicationId });
        if (!consent) return false;
        const ofUserAndApp = and(eq(authorizationCodes.userId, userId), eq(authorizationCodes.applicationId, consent.applicationId));
        // Codes first, as revokeTokensFromCode: an exchange under way holds its code's row lock,
        // so this waits for it and then revokes its tokens; a later one finds the code gone or
        // tombstoned and issues nothing. Consumed codes stay (replay detection needs them).
        await tx.delete(authorizationCodes).where(and(ofUserAndApp, isNull(authorizationCodes.consumedAt)));
        // What is live now, for the token_revoked events (informational: the chains below revoke everything).
        const ofGrant = <T extends typeof accessTokens | typeof refreshTokens>(t: T) =>
          and(eq(t.userId, userId), eq(t.applicationId, consent.applicationId), isNull(t.revokedAt));
        const access = await tx.select({ id: accessTokens.id }).from(accessTokens).where(and(ofGrant(accessTokens), gt(accessTokens.expiresAt, now)));
        const refresh = await tx.select({ id: refreshTokens.id }).from(refreshTokens).where(and(ofGrant(refreshTokens), isNull(refreshTokens.rotatedAt)));
        const [app] = await tx.select({ clientId: applications.clientId }).from(applications).where(eq(applications.id, consent.applicationId));
        revoked = {
          applicationId: consent.applicationId,
          clientId: app?.clientId ?? '',
          accessTokens: access.length,
          refreshTokens: refresh.length,
        };
        await tx
          .update(authorizationCodes)
          .set({ revokedAt: now })
          .where(and(ofUserAndApp, isNull(authorizationCodes.revokedAt)));
        await revokeChains(tx, sql`user_id = ${userId} and application_id = ${consent.applicationId}`, now);
        return true;
      });
      if (revoked) onRevoked?.(revoked);
      return done;
    },

    /**
     * Revokes every access and refresh token the user holds, for every application, and their
     * codes not yet exchanged, in one transaction (a password change, account deletion, a
     * disabled user). Consents stay: the applications may ask again without a consent screen.
     * Returns what was live, per application, for the token_revoked events.
     */
    async revokeTokensForUser(userId: string, now = new Date()): Promise<RevokedTokens[]> {
      if (!isUuid(userId)) return [];
      return db.transaction(async (tx) => {
        // Codes first (see revokeAuthorizationForUser): an exchange under way finishes first and
        // its tokens are revoked below; a later one finds its code revoked and issues nothing.
        await tx
          .update(authorizationCodes)
          .set({ revokedAt: now })
          .where(and(eq(authorizationCodes.userId, userId), isNull(authorizationCodes.revokedAt)));
        const access = await tx
          .select({ applicationId: accessTokens.applicationId, n: sql<number>`count(*)`.mapWith(Number) })
          .from(accessTokens)
          .where(and(eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt), gt(accessTokens.expiresAt, now)))
          .groupBy(accessTokens.applicationId);
        const refresh = await tx
          .select({ applicationId: refreshTokens.applicationId, n: sql<number>`count(*)`.mapWith(Number) })
          .from(refreshTokens)
          .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt), isNull(refreshTokens.rotatedAt)))
          .groupBy(refreshTokens.applicationId);
        await revokeChains(tx, sql`user_id = ${userId}`, now);
        const ids = [...new Set([...access, ...refresh].map((r) => r.applicationId))];
        if (ids.length === 0) return [];
        const apps = await tx.select({ id: applications.id, clientId: applications.clientId }).from(applications).where(inArray(applications.id, ids));
        return ids.map((applicationId) => ({
          applicationId,
          clientId: apps.find((a) => a.id === applicationId)?.clientId ?? '',
          accessTokens: access.find((r) => r.applicationId === applicationId)?.n ?? 0,
          refreshTokens: refresh.find((r) => r.applicationId === applicationId)?.n ?? 0,
        }));
      });
    },
  };
}
