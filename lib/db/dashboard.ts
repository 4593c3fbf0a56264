/**
 * The dashboard's queries: developers' applications and the authorizations people granted
 * (authorizations.ts, composed here), one DashboardStore for the pages.
 * Only lib/db builds SQL. Every dashboard query names its owner (applications.owner_id) or user
 * (consents.user_id) in the WHERE clause, so another account's id finds nothing and changes
 * nothing (DOT's ApplicationOwnerIsUserMixin); the pages answer that with a 404.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { accessTokens, applications, consents } from '@/drizzle/schema';
import type { ApplicationDetails, ApplicationSummary, AuthorizationSummary, DailyCount, SelfRegisteredSummary } from '@/lib/dashboard/views';
import { createApplicationStore, type ApplicationChanges, type RevokedTokens } from './applications';
import { createAuthorizationStore } from './authorizations';
import { tokensIssuedPerDay } from './tokens-per-day';
import { hasSecretColumn, identityColumns, isUuid } from './sql-helpers';
import type { Db } from './types';

export type { ApplicationChanges, ApplicationDetails, ApplicationSummary, AuthorizationSummary, DailyCount, SelfRegisteredSummary };
export { isUuid };

export function createDashboardStore(db: Db) {
  // The writes are the application store's, named by id and owner (one implementation for every caller).
  const writes = createApplicationStore(db);
  // Written out qualified: in a one-table select Drizzle leaves columns bare, and a bare "id"
  // inside these subqueries would mean the token's id, not the application's.
  const applicationId = sql.raw('"applications"."id"');
  const userCount = sql<number>`(select count(*) from ${consents} c where c.application_id = ${applicationId})`.mapWith(Number);
  const activeTokenCount = (now: Date) =>
    sql<number>`(select count(*) from ${accessTokens} t
      where t.application_id = ${applicationId} and t.revoked_at is null and t.expires_at > ${now.toISOString()})`.mapWith(Number);

  const summaryColumns = (now: Date) => ({
    id: applications.id,
    name: applications.name,
    clientId: applications.clientId,
    clientType: applications.clientType,
    grantTypes: applications.grantTypes,
    createdAt: applications.createdAt,
    userCount,
    activeTokenCount: activeTokenCount(now),
  });


  return {
    /** The owner's applications, newest first, with how many people use them. */
    async listApplicationsForOwner(ownerId: string, now = new Date()): Promise<ApplicationSummary[]> {
      if (!isUuid(ownerId)) return [];
      return db
        .select(summaryColumns(now))
        .from(applications)
        .where(eq(applications.ownerId, ownerId))
        .orderBy(sql`${applications.createdAt} desc, ${applications.name}`);
    },

    /** Owner-less applications that registered themselves, newest first (OAUTH2_OPERATOR_EMAILS see them). */
    async listSelfRegisteredApplications(now = new Date(), limit = 200): Promise<SelfRegisteredSummary[]> {
      const rows = await db
        .select({ ...summaryColumns(now), registeredVia: applications.registeredVia, redirectUris: applications.redirectUris })
        .from(applications)
        .where(and(isNull(applications.ownerId), sql`${applications.registeredVia} <> 'dashboard'`))
        .orderBy(sql`${applications.createdAt} desc`)
        .limit(limit);
      return rows as SelfRegisteredSummary[];
    },

    /** Null for another owner's application or a malformed id. */
    async findApplicationForOwner(id: string, ownerId: string, now = new Date()): Promise<ApplicationDetails | null> {
      if (!isUuid(id) || !isUuid(ownerId)) return null;
      const [row] = await db
        .select({
          ...summaryColumns(now),
          redirectUris: applications.redirectUris,
          postLogoutRedirectUris: applications.postLogoutRedirectUris,
          allowedOrigins: applications.allowedOrigins,
          resources: applications.resources,
          skipAuthorization: applications.skipAuthorization,
          algorithm: applications.algorithm,
          updatedAt: applications.updatedAt,
          hasSecret: hasSecretColumn,
          rateLimit: applications.rateLimit,
          requirePushedAuthorizationRequests: applications.requirePushedAuthorizationRequests,
          tokenEndpointAuthMethod: applications.tokenEndpointAuthMethod,
          jwks: applications.jwks,
          jwksUri: applications.jwksUri,
          accessTokenFormat: applications.accessTokenFormat,
          allowedScopes: applications.allowedScopes,
          accessTokenLifetime: applications.accessTokenLifetime,
          refreshTokenLifetime: applications.refreshTokenLifetime,
          idTokenLifetime: applications.idTokenLifetime,
          issueRefreshTokens: applications.issueRefreshTokens,
          resourceServer: applications.resourceServer,
          previousSecretExpiresAt: applications.previousSecretExpiresAt,
          disabledAt: applications.disabledAt,
          requireMfa: applications.requireMfa,
          requireDpop: applications.requireDpop,
          backchannelLogoutUri: applications.backchannelLogoutUri,
          backchannelLogoutSessionRequired: applications.backchannelLogoutSessionRequired,
          ...identityColumns,
        })
        .from(applications)
        .where(and(eq(applications.id, id), eq(applications.ownerId, ownerId)))
        .limit(1);
      return row ?? null;
    },

    /** False (nothing written) for another owner's application or a malformed id; an owner's edit never reaches the operator-only columns. */
    updateApplicationForOwner: (id: string, ownerId: string, changes: ApplicationChanges, now = new Date()) => writes.updateApplication({ id, ownerId }, changes, now),

    /**
     * Deletes the application; foreign keys cascade to its tokens, codes, consents and pending
     * requests. `onDeleted` learns how many live tokens went with it (token_revoked events).
     */
    async deleteApplicationForOwner(id: string, ownerId: string, onDeleted?: (revoked: RevokedTokens) => void, now = new Date()): Promise<boolean> {
      const deleted = await writes.deleteApplication({ id, ownerId }, now);
      if (deleted) onDeleted?.(deleted);
      return deleted !== null;
    },

    /** A confidential client's new secret digest (the old one stops working); false for a public client or another owner's. */
    rotateSecretForOwner: (id: string, ownerId: string, newDigest: string, now = new Date()) => writes.rotateSecret({ id, ownerId }, newDigest, now),

    /** The chart's numbers (tokens-per-day.ts): all zeros for another owner's application. */
    tokensIssuedPerDay: (applicationId: string, ownerId: string, days = 14, now = new Date()): Promise<DailyCount[]> =>
      tokensIssuedPerDay(db, applicationId, { days, now, ownerId }),

    /** The authorizations people granted (authorizations.ts). */
    ...createAuthorizationStore(db),
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
