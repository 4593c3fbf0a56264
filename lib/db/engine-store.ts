/**
 * The engine's Store (lib/oauth/store.ts) over Drizzle: clients, codes, tokens, pending
 * requests, signing keys and consents, as the protocol endpoints need them. Composes the
 * account lookups (users.ts) and self-registration (engine-registration.ts).
 * Only lib/db builds SQL (the only importer of drizzle-orm operators); the engine never imports it.
 */
import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import {
  accessTokens,
  applications,
  authorizationCodes,
  consents,
  pendingAuthorizations,
  sessionApplications,
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
  SigningKeyRecord,
  Store,
} from '@/lib/oauth/store';
import { createRegistrationStore } from './engine-registration';
import { createDeviceAuthorizationStore } from './device-authorizations';
import { createPushedRequestStore } from './pushed-requests';
import { createJtiStore } from './used-jtis';
import { createTokenFormatStore } from './token-format';
import { clientColumns, pgTextArray, revokeChains, rowCount } from './sql-helpers';
import type { Db } from './types';
import { createUserStore, type UserStore } from './users';

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
      jkt: accessTokens.jkt,
      applicationDisabled: sql<boolean>`${applications.disabledAt} is not null`,
      userDisabled: sql<boolean>`coalesce(${users.disabledAt} is not null, false)`,
      actor: accessTokens.actor,
      subjectTokenId: accessTokens.subjectTokenId,
      sessionId: accessTokens.sessionId,
      userRoles: users.roles,
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
      jkt: sql.placeholder('jkt'),
    })
    .prepare('insert_access_token');

  return {
    ...createUserStore(db),
    ...createRegistrationStore(db),
    ...createDeviceAuthorizationStore(db),
    ...createPushedRequestStore(db),
    ...createJtiStore(db),
    ...createTokenFormatStore(db),

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
        } else if (access.audience?.length || access.actor || access.sessionId) await db.insert(accessTokens).values({ ...access, audience: access.audience ?? null });
        else await insertAccessToken.execute({ ...access, jkt: access.jkt ?? null });
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
      const token = (row as AccessTokenRecord | undefined) ?? null;
      // RFC 8693: an exchanged token lives only as long as every token up its chain (the rarer
      // case pays one more query; the chain is walked here, so no revocation path has to cascade).
      if (token?.subjectTokenId != null && !token.revokedAt) token.revokedAt = await chainRevokedAt(db, token.subjectTokenId, token.createdAt);
      return token;
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

    async recordSessionApplication(sessionId, applicationId, now) {
      await db.insert(sessionApplications).values({ sessionId, applicationId, createdAt: now }).onConflictDoNothing();
    },

    async findConsent(userId, applicationId) {
      const [row] = await db
        .select({ scope: consents.scope, resources: consents.resources })
        .from(consents)
        .where(and(eq(consents.userId, userId), eq(consents.applicationId, applicationId)))
        .limit(1);
      return row ?? null;
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

const ACCESS_COLUMNS = sql.raw('token_digest, application_id, user_id, scope, expires_at, authorization_code_id, family_id, created_at, audience, jkt, session_id');

/** The access token's values, in ACCESS_COLUMNS order. */
function accessValues(a: NewAccessToken): SQL {
  return sql`${a.tokenDigest}, ${a.applicationId}::uuid, ${a.userId}::uuid, ${a.scope}, ${a.expiresAt.toISOString()}::timestamptz,
    ${a.authorizationCodeId}::bigint, ${a.familyId}::uuid, ${a.createdAt.toISOString()}::timestamptz, ${pgTextArray(a.audience)}::text[], ${a.jkt ?? null}::text,
    ${a.sessionId ?? null}::uuid`;
}

/**
 * RFC 8693: when the chain above an exchanged token was cut: the earliest revocation of a token up
 * the chain, or `fallback` when one of them no longer exists (deleted with its application);
 * null while every one of them stands. Depth-bounded, as chains are.
 */
async function chainRevokedAt(db: Db, subjectTokenId: number, fallback: Date): Promise<Date | null> {
  const result = await db.execute(sql`with recursive up(id, subject_token_id, revoked_at, depth) as (
      select id, subject_token_id, revoked_at, 1 from ${accessTokens} where id = ${subjectTokenId}
      union all
      select t.id, t.subject_token_id, t.revoked_at, up.depth + 1 from ${accessTokens} t join up on t.id = up.subject_token_id where up.depth < 64
    )
    select min(revoked_at) as revoked_at,
           count(*) filter (where subject_token_id is null) = 0 as broken
    from up`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { revoked_at: string | Date | null; broken: boolean | null }[];
  const row = rows[0];
  if (!row || row.broken !== false) return row?.revoked_at ? new Date(row.revoked_at) : fallback;
  return row.revoked_at ? new Date(row.revoked_at) : null;
}

/** The refresh token inserted beside the access token of CTE `a` (one round trip). */
function insertRefresh(r: NewRefreshToken): SQL {
  return sql`insert into ${refreshTokens} (token_digest, application_id, user_id, access_token_id, family_id, authorization_code_id, scope, auth_time, created_at, resources, auth_methods, acr, jkt, session_id)
    select ${r.tokenDigest}, ${r.applicationId}::uuid, ${r.userId}::uuid, a.id, ${r.familyId}::uuid, ${r.authorizationCodeId}::bigint, ${r.scope},
           ${r.authTime ? r.authTime.toISOString() : null}::timestamptz, ${r.createdAt.toISOString()}::timestamptz, ${pgTextArray(r.resources)}::text[],
           ${pgTextArray(r.authMethods)}::text[], ${r.acr ?? null}, ${r.jkt ?? null}::text, ${r.sessionId ?? null}::uuid
    from a`;
}

function toPending(row: typeof pendingAuthorizations.$inferSelect): PendingAuthorizationRecord {
  return { ...row, request: row.request as AuthorizationRequest };
}
