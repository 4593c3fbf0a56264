/**
 * THE query module: implements the engine's Store and the dashboard's queries.
 * The only file that builds SQL (the only importer of drizzle-orm operators).
 * Every dashboard query is scoped to its owner in the WHERE clause (DOT's ApplicationOwnerIsUserMixin).
 */
import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import {
  accessTokens,
  applications,
  authorizationCodes,
  consents,
  initialAccessTokens,
  pendingAuthorizations,
  refreshTokens,
  signingKeys,
  users,
} from '@/drizzle/schema';
import type {
  AccessTokenRecord,
  AuthorizationRequest,
  ClientRecord,
  NewAccessToken,
  NewRefreshToken,
  PendingAuthorizationRecord,
  RefreshTokenRecord,
  RegisteredClientRecord,
  SelfRegisteredClient,
  SigningKeyRecord,
  Store,
  UserRecord,
} from '@/lib/oauth/store';
import type { Db } from './types';
import type { ApplicationDetails, ApplicationSummary, AuthorizationSummary, DailyCount, SelfRegisteredSummary } from '@/lib/dashboard/views';

export type { ApplicationDetails, ApplicationSummary, AuthorizationSummary, DailyCount, SelfRegisteredSummary };

const clientColumns = {
  id: applications.id,
  clientId: applications.clientId,
  clientSecretDigest: applications.clientSecretDigest,
  clientType: applications.clientType,
  grantTypes: applications.grantTypes,
  redirectUris: applications.redirectUris,
  postLogoutRedirectUris: applications.postLogoutRedirectUris,
  allowedOrigins: applications.allowedOrigins,
  resources: applications.resources,
  name: applications.name,
  ownerId: applications.ownerId,
  skipAuthorization: applications.skipAuthorization,
  algorithm: applications.algorithm,
  registeredVia: applications.registeredVia,
  metadataFetchedAt: applications.metadataFetchedAt,
  rateLimit: applications.rateLimit,
  resourceServer: applications.resourceServer,
  tokenEndpointAuthMethod: applications.tokenEndpointAuthMethod,
};

/** The application columns a self-registered client (RFC 7591 or a metadata document) sets. */
function selfRegisteredColumns(c: SelfRegisteredClient, now: Date) {
  return {
    clientType: c.clientType,
    clientSecretDigest: c.clientSecretDigest,
    tokenEndpointAuthMethod: c.tokenEndpointAuthMethod,
    grantTypes: c.grantTypes,
    redirectUris: c.redirectUris,
    name: c.name,
    clientMetadata: c.metadata,
    updatedAt: now,
  };
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  passwordHash: users.passwordHash,
};

export function createStore(db: Db): Store & UserStore {
  // Prepared once: the hot path's two lookups (client, then token) are single indexed queries.
  const clientByClientId = db
    .select(clientColumns)
    .from(applications)
    .where(eq(applications.clientId, sql.placeholder('clientId')))
    .limit(1)
    .prepare('client_by_client_id');

  const accessTokenByDigest = db
    .select({
      id: accessTokens.id,
      applicationId: accessTokens.applicationId,
      clientId: applications.clientId,
      userId: accessTokens.userId,
      username: users.email,
      emailVerified: users.emailVerified,
      scope: accessTokens.scope,
      expiresAt: accessTokens.expiresAt,
      createdAt: accessTokens.createdAt,
      revokedAt: accessTokens.revokedAt,
      familyId: accessTokens.familyId,
      audience: accessTokens.audience,
    })
    .from(accessTokens)
    .innerJoin(applications, eq(applications.id, accessTokens.applicationId))
    .leftJoin(users, eq(users.id, accessTokens.userId))
    .where(eq(accessTokens.tokenDigest, sql.placeholder('digest')))
    .limit(1)
    .prepare('access_token_by_digest');

  const insertAccessToken = db
    .insert(accessTokens)
    .values({
      tokenDigest: sql.placeholder('tokenDigest'),
      applicationId: sql.placeholder('applicationId'),
      userId: sql.placeholder('userId'),
      scope: sql.placeholder('scope'),
      expiresAt: sql.placeholder('expiresAt'),
      authorizationCodeId: sql.placeholder('authorizationCodeId'),
      familyId: sql.placeholder('familyId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare('insert_access_token');

  return {
    ...createUserStore(db),

    async findApplicationByClientId(clientId) {
      const [row] = await clientByClientId.execute({ clientId });
      return (row as ClientRecord | undefined) ?? null;
    },

    async isAllowedOrigin(origin) {
      const rows = await db
        .select({ id: applications.id })
        .from(applications)
        .where(sql`${origin} = any(${applications.allowedOrigins})`)
        .limit(1);
      return rows.length > 0;
    },

    async findDeclaredResources(resources) {
      // Only when a request names a resource; tokens without one never come here.
      const rows = await db
        .select({ resource: sql<string>`r` })
        .from(sql`unnest(${pgTextArray(resources)}::text[]) as r`)
        .where(sql`exists (select 1 from ${applications} where r = any(${applications.resources}))`);
      return rows.map((row) => row.resource);
    },

    async createAuthorizationCode(code) {
      await db.insert(authorizationCodes).values(code);
    },

    async consumeAuthorizationCode(codeDigest, applicationId, now) {
      // The client is part of the claim: a code presented by another client is neither used up
      // nor treated as a replay (its owner can still redeem it).
      const ofClient = and(eq(authorizationCodes.codeDigest, codeDigest), eq(authorizationCodes.applicationId, applicationId));
      const [fresh] = await db
        .update(authorizationCodes)
        .set({ consumedAt: now })
        .where(and(ofClient, isNull(authorizationCodes.consumedAt)))
        .returning();
      if (fresh) return { code: fresh, firstUse: true };
      const [used] = await db.select().from(authorizationCodes).where(ofClient).limit(1);
      return used ? { code: used, firstUse: false } : null;
    },

    async revokeTokensFromCode(codeId, now) {
      await db.transaction(async (tx) => {
        // The tombstone first: its row lock waits for an issuance from this code that is under
        // way (issueTokens locks the code row), and any issuance after it sees revoked_at.
        await tx
          .update(authorizationCodes)
          .set({ revokedAt: sql`coalesce(${authorizationCodes.revokedAt}, ${now.toISOString()}::timestamptz)` })
          .where(eq(authorizationCodes.id, codeId));
        await revokeChains(tx, sql`authorization_code_id = ${codeId}`, now);
      });
    },

    async issueTokens(access, refresh, from) {
      if (!from) {
        // New grants (client credentials, password): nothing to guard. The prepared statement
        // stays the hot path; a token with an audience is the rarer insert.
        if (refresh) {
          await db.execute(sql`with a as (insert into ${accessTokens} (${ACCESS_COLUMNS}) values (${accessValues(access)}) returning id) ${insertRefresh(refresh)}`);
        } else if (access.audience?.length) await db.insert(accessTokens).values({ ...access, audience: access.audience });
        else await insertAccessToken.execute({ ...access });
        return true;
      }
      // Issued from a code or a refresh token: inserted only while that parent is not revoked,
      // under a share lock on its row. A revocation (revokeTokensFromCode, revokeTokenFamily)
      // updates the same row, so it waits for this insert and then revokes what it inserted, or
      // this insert waits for the revocation and then finds the parent revoked and inserts nothing.
      const parent =
        'authorizationCodeId' in from
          ? sql`select 1 from ${authorizationCodes} where id = ${from.authorizationCodeId} and revoked_at is null`
          : sql`select 1 from ${refreshTokens} where id = ${from.refreshTokenId} and revoked_at is null`;
      // A refresh token that is not rotated points at its newest access token, so the next
      // refresh revokes this one (as DOT, one live access token per refresh token). That update
      // needs the stronger lock up front: two refreshes holding share locks would deadlock upgrading.
      const repoint = !refresh && 'refreshTokenId' in from && from.repoint;
      const lock = repoint ? sql`for no key update` : sql`for share`;
      const guarded = sql`with p as (${parent} ${lock}),
        a as (insert into ${accessTokens} (${ACCESS_COLUMNS}) select ${accessValues(access)} from p returning id)`;
      const inserted = refresh
        ? await db.execute(sql`${guarded} ${insertRefresh(refresh)} returning id`)
        : repoint
          ? await db.execute(sql`${guarded}, r as (update ${refreshTokens} set access_token_id = a.id from a where ${refreshTokens}.id = ${from.refreshTokenId})
              select id from a`)
          : await db.execute(sql`${guarded} select id from a`);
      return rowCount(inserted) > 0;
    },

    async findAccessToken(digest) {
      const [row] = await accessTokenByDigest.execute({ digest });
      return (row as AccessTokenRecord | undefined) ?? null;
    },

    async findRefreshToken(digest) {
      const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenDigest, digest)).limit(1);
      return (row as RefreshTokenRecord | undefined) ?? null;
    },

    async claimRefreshToken(digest, applicationId, now) {
      // The client is part of the claim: another client presenting this token uses nothing up.
      const [row] = await db
        .update(refreshTokens)
        .set({ rotatedAt: now })
        .where(
          and(
            eq(refreshTokens.tokenDigest, digest),
            eq(refreshTokens.applicationId, applicationId),
            isNull(refreshTokens.rotatedAt),
            isNull(refreshTokens.revokedAt),
          ),
        )
        .returning();
      return (row as RefreshTokenRecord | undefined) ?? null;
    },

    async revokeAccessToken(id, now) {
      await db.update(accessTokens).set({ revokedAt: now }).where(and(eq(accessTokens.id, id), isNull(accessTokens.revokedAt)));
    },

    async revokeTokenFamily(familyId, now) {
      await db.transaction((tx) => revokeChains(tx, sql`family_id = ${familyId}`, now));
    },

    async createPendingAuthorization(p) {
      await db.insert(pendingAuthorizations).values(p);
    },

    async findPendingAuthorization(id, now) {
      const [row] = await db
        .select()
        .from(pendingAuthorizations)
        .where(and(eq(pendingAuthorizations.id, id), gt(pendingAuthorizations.expiresAt, now)))
        .limit(1);
      return row ? toPending(row) : null;
    },

    async bindPendingAuthorization(id, userId) {
      await db.update(pendingAuthorizations).set({ userId }).where(eq(pendingAuthorizations.id, id));
    },

    async consumePendingAuthorization(id, userId, now) {
      const [row] = await db
        .delete(pendingAuthorizations)
        .where(
          and(
            eq(pendingAuthorizations.id, id),
            eq(pendingAuthorizations.userId, userId),
            gt(pendingAuthorizations.expiresAt, now),
          ),
        )
        .returning();
      return row ? toPending(row) : null;
    },

    async listSigningKeys(now) {
      const rows = await db
        .select()
        .from(signingKeys)
        .where(sql`${signingKeys.expiresAt} is null or ${signingKeys.expiresAt} > ${now.toISOString()}`)
        .orderBy(sql`${signingKeys.createdAt} desc`);
      return rows as SigningKeyRecord[];
    },

    async addSigningKey(key, now) {
      await db.insert(signingKeys).values({ ...key, createdAt: now });
    },

    async retireSigningKeys(alg, keepKid, now, expiresAt) {
      await db
        .update(signingKeys)
        .set({ retiredAt: now, expiresAt })
        .where(and(eq(signingKeys.alg, alg), isNull(signingKeys.retiredAt), sql`${signingKeys.kid} <> ${keepKid}`));
    },

    async findConsent(userId, applicationId) {
      const [row] = await db
        .select({ scope: consents.scope, resources: consents.resources })
        .from(consents)
        .where(and(eq(consents.userId, userId), eq(consents.applicationId, applicationId)))
        .limit(1);
      return row ?? null;
    },

    async useInitialAccessToken(tokenDigest, now) {
      // One statement, so two registrations racing for the last use cannot both get it.
      const rows = await db
        .update(initialAccessTokens)
        .set({ uses: sql`${initialAccessTokens.uses} + 1` })
        .where(
          and(
            eq(initialAccessTokens.tokenDigest, tokenDigest),
            isNull(initialAccessTokens.revokedAt),
            sql`(${initialAccessTokens.expiresAt} is null or ${initialAccessTokens.expiresAt} > ${now.toISOString()})`,
            sql`(${initialAccessTokens.maxUses} is null or ${initialAccessTokens.uses} < ${initialAccessTokens.maxUses})`,
          ),
        )
        .returning({ id: initialAccessTokens.id });
      return rows.length > 0;
    },

    async createRegisteredClient(clientId, c, registrationAccessTokenDigest, now) {
      const [row] = await db
        .insert(applications)
        .values({
          clientId,
          ...selfRegisteredColumns(c, now),
          ownerId: null,
          registeredVia: 'dynamic',
          registrationAccessTokenDigest,
          createdAt: now,
        })
        .returning(clientColumns);
      return row as ClientRecord;
    },

    async findRegisteredClient(clientId): Promise<RegisteredClientRecord | null> {
      const [row] = await db
        .select({ ...clientColumns, registrationAccessTokenDigest: applications.registrationAccessTokenDigest, metadata: applications.clientMetadata, createdAt: applications.createdAt })
        .from(applications)
        .where(and(eq(applications.clientId, clientId), eq(applications.registeredVia, 'dynamic')))
        .limit(1);
      if (!row) return null;
      const { registrationAccessTokenDigest, metadata, createdAt, ...client } = row;
      return { client: client as ClientRecord, registrationAccessTokenDigest, metadata: (metadata ?? {}) as Record<string, unknown>, createdAt };
    },

    async updateRegisteredClient(id, c, now) {
      await db.update(applications).set(selfRegisteredColumns(c, now)).where(and(eq(applications.id, id), eq(applications.registeredVia, 'dynamic')));
    },

    async deleteRegisteredClient(id) {
      await db.delete(applications).where(and(eq(applications.id, id), eq(applications.registeredVia, 'dynamic')));
    },

    async saveMetadataDocumentClient(clientId, c, now) {
      const columns = { ...selfRegisteredColumns(c, now), metadataFetchedAt: now };
      // Insert, or refresh the row only if it came from a metadata document: a dashboard
      // application that happens to use a URL as its client_id is never overwritten.
      const [row] = await db
        .insert(applications)
        .values({ clientId, ...columns, ownerId: null, registeredVia: 'metadata_document', createdAt: now })
        .onConflictDoUpdate({ target: applications.clientId, set: columns, setWhere: eq(applications.registeredVia, 'metadata_document') })
        .returning(clientColumns);
      return (row as ClientRecord | undefined) ?? null;
    },

    async recordConsent(userId, applicationId, scope, now, resources = []) {
      const joined = scope.join(' ');
      const approved = pgTextArray(resources);
      await db
        .insert(consents)
        .values({ userId, applicationId, scope: joined, resources, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: [consents.userId, consents.applicationId],
          // Union of what was approved before and now, so auto approval covers both.
          set: {
            scope: sql`(select string_agg(distinct s, ' ' order by s) from unnest(string_to_array(${consents.scope} || ' ' || ${joined}, ' ')) s where s <> '')`,
            resources: sql`array(select distinct r from unnest(${consents.resources} || ${approved}::text[]) r order by r)`,
            updatedAt: now,
          },
        });
    },
  };
}

/**
 * A text[] as one bound parameter in PostgreSQL's array literal syntax: Drizzle's sql`` would
 * spread a JS array into a list of parameters. Null stays null.
 */
function pgTextArray(values: string[] | null | undefined): string | null {
  if (!values) return null;
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Rows a db.execute() returned: postgres.js gives an array, PGlite `{ rows }`. */
function rowCount(result: unknown): number {
  return Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
}

const ACCESS_COLUMNS = sql.raw('token_digest, application_id, user_id, scope, expires_at, authorization_code_id, family_id, created_at, audience');

/** The access token's values, in ACCESS_COLUMNS order. */
function accessValues(a: NewAccessToken): SQL {
  return sql`${a.tokenDigest}, ${a.applicationId}::uuid, ${a.userId}::uuid, ${a.scope}, ${a.expiresAt.toISOString()}::timestamptz,
    ${a.authorizationCodeId}::bigint, ${a.familyId}::uuid, ${a.createdAt.toISOString()}::timestamptz, ${pgTextArray(a.audience)}::text[]`;
}

/** The refresh token inserted beside the access token of CTE `a` (one round trip). */
function insertRefresh(r: NewRefreshToken): SQL {
  return sql`insert into ${refreshTokens} (token_digest, application_id, user_id, access_token_id, family_id, authorization_code_id, scope, auth_time, created_at, resources)
    select ${r.tokenDigest}, ${r.applicationId}::uuid, ${r.userId}::uuid, a.id, ${r.familyId}::uuid, ${r.authorizationCodeId}::bigint, ${r.scope},
           ${r.authTime ? r.authTime.toISOString() : null}::timestamptz, ${r.createdAt.toISOString()}::timestamptz, ${pgTextArray(r.resources)}::text[]
    from a`;
}

/**
 * Revokes every refresh token matching `where`, then their access tokens, inside a transaction.
 * Under READ COMMITTED an UPDATE does not see rows committed after it started, and a rotation
 * that held its parent's lock commits its new refresh token just then: so the refresh tokens are
 * updated until a pass finds none left (each pass's row locks make later rotations from them see
 * the revocation), and the access tokens last, when every insert guarded by them is visible.
 */
async function revokeChains(tx: Pick<Db, 'execute'>, where: SQL, now: Date): Promise<void> {
  const at = now.toISOString();
  for (let pass = 0; pass < 100; pass++) {
    const revoked = await tx.execute(sql`update ${refreshTokens} set revoked_at = ${at}::timestamptz where ${where} and revoked_at is null returning id`);
    if (rowCount(revoked) === 0) break;
  }
  await tx.execute(sql`update ${accessTokens} set revoked_at = ${at}::timestamptz where ${where} and revoked_at is null`);
}

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
async function deleteApplicationWhere(db: Db, where: ReturnType<typeof and>, now: Date): Promise<RevokedTokens | null> {
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

/** What `manage updateapplication` may change; absent keys stay as they are. */
export type OperatorApplicationChanges = Partial<{
  name: string;
  clientType: 'confidential' | 'public';
  clientSecretDigest: string | null;
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  resources: string[];
  ownerId: string | null;
  skipAuthorization: boolean;
  resourceServer: boolean;
  algorithm: string;
  rateLimit: number | null;
}>;

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
function toPending(row: typeof pendingAuthorizations.$inferSelect): PendingAuthorizationRecord {
  return { ...row, request: row.request as AuthorizationRequest };
}

export interface UserStore {
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** Returns null when the email is taken (unique index), so callers can say so without a race. */
  createUser(u: { email: string; name?: string | null; passwordHash: string | null; emailVerified?: boolean }): Promise<UserRecord | null>;
  /** Marks the address verified (an operator vouches for it); null when there is no such user. */
  markEmailVerified(email: string): Promise<UserRecord | null>;
}

export function createUserStore(db: Db): UserStore {
  return {
    async findUserByEmail(email) {
      const [row] = await db.select(userColumns).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
      return row ?? null;
    },
    async findUserById(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
      return row ?? null;
    },
    async createUser(u) {
      const [row] = await db
        .insert(users)
        .values({ email: u.email.trim().toLowerCase(), name: u.name ?? null, passwordHash: u.passwordHash, emailVerified: u.emailVerified ?? false })
        .onConflictDoNothing({ target: users.email })
        .returning(userColumns);
      return row ?? null;
    },
    async markEmailVerified(email) {
      const [row] = await db.update(users).set({ emailVerified: true }).where(eq(users.email, email.trim().toLowerCase())).returning(userColumns);
      return row ?? null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The dashboard: developers' applications and the authorizations people granted.
// Every query names its owner (applications.owner_id) or user (consents.user_id) in the WHERE
// clause, so another account's id finds nothing and changes nothing (DOT's
// ApplicationOwnerIsUserMixin); the pages answer that with a 404.
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: a malformed one is "not found", never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** What the edit form may change. `clientSecretDigest` is set when the client type changes. */
export interface ApplicationChanges {
  name: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  /** Absent: left as it is. */
  resources?: string[];
  algorithm: string;
  clientSecretDigest?: string | null;
  /** Requests per minute (null = the settings', 0 = no limit); unchanged when absent. */
  rateLimit?: number | null;
}

const DAY_MS = 86_400_000;

export function createDashboardStore(db: Db) {
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
          hasSecret: sql<boolean>`${applications.clientSecretDigest} is not null`.mapWith(Boolean),
          rateLimit: applications.rateLimit,
        })
        .from(applications)
        .where(and(eq(applications.id, id), eq(applications.ownerId, ownerId)))
        .limit(1);
      return row ?? null;
    },

    /** False (nothing written) for another owner's application or a malformed id. */
    async updateApplicationForOwner(id: string, ownerId: string, changes: ApplicationChanges, now = new Date()): Promise<boolean> {
      if (!isUuid(id) || !isUuid(ownerId)) return false;
      // Column by column, not a spread: an owner's edit never reaches skip_authorization or the
      // other operator-only columns, whatever extra keys a caller's object carries.
      const { name, clientType, grantTypes, redirectUris, postLogoutRedirectUris, allowedOrigins, resources, algorithm, clientSecretDigest, rateLimit } = changes;
      const set = { name, clientType, grantTypes, redirectUris, postLogoutRedirectUris, allowedOrigins, resources, algorithm, clientSecretDigest, rateLimit };
      const rows = await db
        .update(applications)
        .set({ ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), updatedAt: now })
        .where(and(eq(applications.id, id), eq(applications.ownerId, ownerId)))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /**
     * Deletes the application; foreign keys cascade to its tokens, codes, consents and pending
     * requests. `onDeleted` learns how many live tokens went with it (token_revoked events).
     */
    async deleteApplicationForOwner(id: string, ownerId: string, onDeleted?: (revoked: RevokedTokens) => void, now = new Date()): Promise<boolean> {
      if (!isUuid(id) || !isUuid(ownerId)) return false;
      const deleted = await deleteApplicationWhere(db, and(eq(applications.id, id), eq(applications.ownerId, ownerId)), now);
      if (deleted) onDeleted?.(deleted);
      return deleted !== null;
    },

    /**
     * Replaces a confidential client's secret digest: the old secret stops working with the
     * next request. False for a public client, another owner's application or a malformed id.
     */
    async rotateSecretForOwner(id: string, ownerId: string, newDigest: string, now = new Date()): Promise<boolean> {
      if (!isUuid(id) || !isUuid(ownerId)) return false;
      const rows = await db
        .update(applications)
        .set({ clientSecretDigest: newDigest, updatedAt: now })
        .where(and(eq(applications.id, id), eq(applications.ownerId, ownerId), eq(applications.clientType, 'confidential')))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /**
     * Access tokens issued per UTC day over the last `days` days (today included), oldest
     * first, zero-filled. All zeros for another owner's application.
     */
    async tokensIssuedPerDay(applicationId: string, ownerId: string, days = 14, now = new Date()): Promise<DailyCount[]> {
      const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
      const from = new Date(today - (days - 1) * DAY_MS);
      const day = sql<string>`to_char(${accessTokens.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
      const rows =
        isUuid(applicationId) && isUuid(ownerId)
          ? await db
              .select({ day, count: sql<number>`count(*)`.mapWith(Number) })
              .from(accessTokens)
              .innerJoin(applications, eq(applications.id, accessTokens.applicationId))
              .where(
                and(
                  eq(applications.id, applicationId),
                  eq(applications.ownerId, ownerId),
                  sql`${accessTokens.createdAt} >= ${from.toISOString()}`,
                ),
              )
              .groupBy(day)
          : [];
      const counts = new Map(rows.map((r) => [r.day, r.count]));
      return Array.from({ length: days }, (_, i) => {
        const d = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
        return { day: d, count: counts.get(d) ?? 0 };
      });
    },

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
  };
}

export type DashboardStore = ReturnType<typeof createDashboardStore>;
