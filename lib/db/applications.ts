/**
 * Applications as operators and the command line manage them (manage createapplication,
 * listapplications, updateapplication, deleteapplication, createinitialaccesstoken, cleartokens)
 * and as the dashboard's register page creates them: every kind, owned or not, so nothing here
 * is owner-scoped. The owner-scoped dashboard queries are in dashboard.ts.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import {
  accessTokens,
  applications,
  authorizationCodes,
  consents,
  initialAccessTokens,
  pendingAuthorizations,
  refreshTokens,
  users,
} from '@/drizzle/schema';
import type { ClientRecord } from '@/lib/oauth/store';
import { clientColumns } from './sql-helpers';
import type { Db } from './types';

export interface NewApplication {
  clientId: string;
  clientSecretDigest: string | null;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  allowedOrigins?: string[];
  name: string;
  ownerId: string | null;
  skipAuthorization?: boolean;
  algorithm?: string;
  resources?: string[];
  rateLimit?: number | null;
  /** Operators only (CLI): may introspect any token (RFC 7662 §4). */
  resourceServer?: boolean;
}

/** How long cleartokens keeps a client ID metadata document's application that never completed an authorization. */
export const UNUSED_METADATA_DOCUMENT_SECONDS = 86_400;

export interface NewInitialAccessToken {
  tokenDigest: string;
  description: string;
  expiresAt: Date | null;
  maxUses: number | null;
}

/** Tokens that were still live when their application was deleted or an authorization revoked (token_revoked events). */
export interface RevokedTokens {
  applicationId: string;
  clientId: string;
  accessTokens: number;
  refreshTokens: number;
}

/**
 * Deletes one application (the foreign keys cascade to its tokens, codes, consents and pending
 * requests) in a transaction that first counts its live tokens, so callers can announce them.
 */
export async function deleteApplicationWhere(db: Db, where: ReturnType<typeof and>, now: Date): Promise<RevokedTokens | null> {
  return db.transaction(async (tx) => {
    const [app] = await tx.select({ id: applications.id, clientId: applications.clientId }).from(applications).where(where).limit(1).for('update');
    if (!app) return null;
    const nowIso = now.toISOString();
    const [counts] = await tx
      .select({
        accessTokens: sql<number>`(select count(*) from ${accessTokens} t where t.application_id = ${app.id} and t.revoked_at is null and t.expires_at > ${nowIso})`.mapWith(Number),
        refreshTokens: sql<number>`(select count(*) from ${refreshTokens} r where r.application_id = ${app.id} and r.revoked_at is null and r.rotated_at is null)`.mapWith(Number),
      })
      .from(applications)
      .where(eq(applications.id, app.id));
    await tx.delete(applications).where(eq(applications.id, app.id));
    return { applicationId: app.id, clientId: app.clientId, accessTokens: counts?.accessTokens ?? 0, refreshTokens: counts?.refreshTokens ?? 0 };
  });
}

/** An application as `manage listapplications` and `updateapplication` see it: every kind, owned or not. */
export interface OperatorApplication {
  id: string;
  clientId: string;
  name: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  resources: string[];
  ownerId: string | null;
  ownerEmail: string | null;
  registeredVia: 'dashboard' | 'dynamic' | 'metadata_document';
  skipAuthorization: boolean;
  resourceServer: boolean;
  algorithm: string;
  rateLimit: number | null;
  hasSecret: boolean;
  createdAt: Date;
}

/** What `manage updateapplication` may change; absent keys stay as they are. Columns of the table, so it cannot drift from the schema. */
export type OperatorApplicationChanges = Partial<
  Pick<
    typeof applications.$inferInsert,
    | 'name'
    | 'clientType'
    | 'clientSecretDigest'
    | 'grantTypes'
    | 'redirectUris'
    | 'postLogoutRedirectUris'
    | 'allowedOrigins'
    | 'resources'
    | 'ownerId'
    | 'skipAuthorization'
    | 'resourceServer'
    | 'algorithm'
    | 'rateLimit'
  >
>;

const operatorColumns = {
  id: applications.id,
  clientId: applications.clientId,
  name: applications.name,
  clientType: applications.clientType,
  grantTypes: applications.grantTypes,
  redirectUris: applications.redirectUris,
  postLogoutRedirectUris: applications.postLogoutRedirectUris,
  allowedOrigins: applications.allowedOrigins,
  resources: applications.resources,
  ownerId: applications.ownerId,
  ownerEmail: users.email,
  registeredVia: applications.registeredVia,
  skipAuthorization: applications.skipAuthorization,
  resourceServer: applications.resourceServer,
  algorithm: applications.algorithm,
  rateLimit: applications.rateLimit,
  hasSecret: sql<boolean>`${applications.clientSecretDigest} is not null`.mapWith(Boolean),
  createdAt: applications.createdAt,
};

/** Applications as the dashboard and the command line manage them. */
export function createApplicationStore(db: Db) {
  return {
    /** Every application, oldest first; `ownerId` narrows to one owner's, `null` to the owner-less ones. */
    async listApplications(filter: { ownerId?: string | null } = {}): Promise<OperatorApplication[]> {
      const where = filter.ownerId === undefined ? undefined : filter.ownerId === null ? isNull(applications.ownerId) : eq(applications.ownerId, filter.ownerId);
      return db
        .select(operatorColumns)
        .from(applications)
        .leftJoin(users, eq(users.id, applications.ownerId))
        .where(where)
        .orderBy(sql`${applications.createdAt}, ${applications.clientId}`);
    },

    async findApplicationForOperator(clientId: string): Promise<OperatorApplication | null> {
      const [row] = await db.select(operatorColumns).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(eq(applications.clientId, clientId)).limit(1);
      return row ?? null;
    },

    async updateApplication(id: string, changes: OperatorApplicationChanges, now: Date): Promise<boolean> {
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const rows = await db
        .update(applications)
        .set({ ...set, updatedAt: now })
        .where(eq(applications.id, id))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /** `manage deleteapplication`: any application, by client_id; null when there is none. */
    async deleteApplication(clientId: string, now: Date): Promise<RevokedTokens | null> {
      return deleteApplicationWhere(db, and(eq(applications.clientId, clientId)), now);
    },

    /** RFC 7591 §3: `manage createinitialaccesstoken` (the digest only; the token is shown once). */
    async createInitialAccessToken(t: NewInitialAccessToken, now: Date): Promise<{ id: string }> {
      const [row] = await db.insert(initialAccessTokens).values({ ...t, createdAt: now }).returning({ id: initialAccessTokens.id });
      return row!;
    },

    /** Null when the client_id is taken. */
    async createApplication(app: NewApplication): Promise<ClientRecord | null> {
      const [row] = await db.insert(applications).values(app).onConflictDoNothing({ target: applications.clientId }).returning(clientColumns);
      return row ?? null;
    },

    /**
     * cleartokens (DOT's clear_expired): deletes access tokens that expired or were revoked
     * (a refresh token only uses its access token's id to revoke it), codes past their expiry, expired
     * pending requests, and, when OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS is set, refresh tokens
     * revoked, rotated or created longer ago than that. With it unset, refresh tokens are kept
     * (as DOT), so a replayed old one is still recognised and revokes its family.
     * Also the applications of client ID metadata documents that never completed an
     * authorization (no consent, code, token or pending request) once older than
     * `unusedDocumentSeconds`: anyone can make the server fetch a document, so rows nobody
     * uses must not pile up (an agent that comes back later is fetched again).
     * Batched so it works on millions of rows without long locks.
     */
    async clearExpired(now: Date, refreshExpireSeconds: number | null, batchSize = 10_000, unusedDocumentSeconds = UNUSED_METADATA_DOCUMENT_SECONDS) {
      const cutoff = new Date(now.getTime() - (refreshExpireSeconds ?? 0) * 1000).toISOString();
      const batched = async (query: () => Promise<unknown>) => {
        let total = 0;
        for (;;) {
          const r = await query();
          const count = Array.isArray(r) ? r.length : ((r as { rows?: unknown[] }).rows?.length ?? 0);
          total += count;
          if (count < batchSize) return total;
        }
      };
      const refresh =
        refreshExpireSeconds === null
          ? 0
          : await batched(() =>
              db.execute(sql`delete from ${refreshTokens} where id in (
                select id from ${refreshTokens}
                where coalesce(revoked_at, rotated_at) < ${cutoff} or created_at < ${cutoff}
                limit ${batchSize}) returning 1`),
            );
      const nowIso = now.toISOString();
      const access = await batched(() =>
        db.execute(sql`delete from ${accessTokens} where id in (
          select id from ${accessTokens} where expires_at < ${nowIso} or revoked_at < ${nowIso}
          limit ${batchSize}) returning 1`),
      );
      const codes = await batched(() =>
        db.execute(sql`delete from ${authorizationCodes} where id in (
          select id from ${authorizationCodes} where expires_at < ${nowIso} limit ${batchSize}) returning 1`),
      );
      const pending = await batched(() =>
        db.execute(sql`delete from ${pendingAuthorizations} where id in (
          select id from ${pendingAuthorizations} where expires_at < ${nowIso} limit ${batchSize}) returning 1`),
      );
      const unusedBefore = new Date(now.getTime() - unusedDocumentSeconds * 1000).toISOString();
      const used = (table: SQL) => sql`exists (select 1 from ${table} u where u.application_id = ${applications}.id)`;
      const documents = await batched(() =>
        db.execute(sql`delete from ${applications} where id in (
          select id from ${applications}
          where registered_via = 'metadata_document' and created_at < ${unusedBefore}
            and not ${used(sql`${consents}`)} and not ${used(sql`${authorizationCodes}`)} and not ${used(sql`${accessTokens}`)}
            and not ${used(sql`${refreshTokens}`)} and not ${used(sql`${pendingAuthorizations}`)}
          limit ${batchSize}) returning 1`),
      );
      return { accessTokens: access, refreshTokens: refresh, authorizationCodes: codes, pendingAuthorizations: pending, metadataDocumentClients: documents };
    },
  };
}
