/**
 * What a sign-out touches (OIDC Back-Channel Logout, OAUTH2_LOGOUT_REVOKES_TOKENS): the tokens
 * issued in the ended browser sessions, and the applications those sessions signed into that
 * registered a back-channel logout URI.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { accessTokens, applications, refreshTokens, sessionApplications, userSessions } from '@/drizzle/schema';
import { isUuid, rowCount } from './sql-helpers';
import type { Db } from './types';

/** RFC 6749 §3.3 / OIDC Core §11: a grant with this scope is meant to outlive the sign-in. */
export const OFFLINE_ACCESS = 'offline_access';

export interface SessionTokensRevoked {
  applicationId: string;
  clientId: string;
  userId: string | null;
  accessTokens: number;
  refreshTokens: number;
}

/** One application a session signed into, to be told of the session's end. */
export interface BackchannelTarget {
  sessionId: string;
  userId: string;
  applicationId: string;
}

/** The application as the delivery needs it, read when the delivery runs (its URI may have changed). */
export interface BackchannelApplication {
  id: string;
  clientId: string;
  algorithm: string;
  backchannelLogoutUri: string | null;
  registeredVia: 'dashboard' | 'dynamic' | 'metadata_document';
  disabled: boolean;
}

const offline = (scope: SQL) => sql`${OFFLINE_ACCESS} = any(string_to_array(${scope}, ' '))`;
type SQL = ReturnType<typeof sql>;

/**
 * Revokes the refresh and access tokens issued in these sessions, except grants that carry
 * offline_access (a refresh family whose grant has it keeps its access tokens too). Refresh
 * tokens first, until a pass finds none (a rotation committing meanwhile is caught by the next
 * pass, as revokeChains does), then the access tokens. Counts per application and user.
 */
export async function revokeSessionTokens(db: Db, sessionIds: string[], now: Date): Promise<SessionTokensRevoked[]> {
  const ids = sessionIds.filter(isUuid);
  if (ids.length === 0) return [];
  const at = now.toISOString();
  const idList = sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  return db.transaction(async (tx) => {
    const counts = new Map<string, SessionTokensRevoked>();
    const count = (row: { application_id: string; user_id: string | null }, kind: 'accessTokens' | 'refreshTokens') => {
      const key = `${row.application_id}/${row.user_id ?? ''}`;
      const entry = counts.get(key) ?? { applicationId: row.application_id, clientId: '', userId: row.user_id, accessTokens: 0, refreshTokens: 0 };
      entry[kind]++;
      counts.set(key, entry);
    };
    for (let pass = 0; pass < 100; pass++) {
      const revoked = await tx.execute(sql`update ${refreshTokens} r set revoked_at = ${at}::timestamptz
        where r.session_id = any(${idList}) and r.revoked_at is null and not ${offline(sql`r.scope`)}
        returning r.application_id, r.user_id`);
      if (rowCount(revoked) === 0) break;
      for (const row of rowsOf(revoked)) count(row, 'refreshTokens');
    }
    const access = await tx.execute(sql`update ${accessTokens} a set revoked_at = ${at}::timestamptz
      where a.session_id = any(${idList}) and a.revoked_at is null and a.expires_at > ${at}::timestamptz
        and not ${offline(sql`a.scope`)}
        and not exists (select 1 from ${refreshTokens} o where o.family_id = a.family_id and ${offline(sql`o.scope`)})
      returning a.application_id, a.user_id`);
    for (const row of rowsOf(access)) count(row, 'accessTokens');
    const list = [...counts.values()];
    if (list.length) {
      const apps = await tx
        .select({ id: applications.id, clientId: applications.clientId })
        .from(applications)
        .where(inArray(applications.id, [...new Set(list.map((c) => c.applicationId))]));
      for (const c of list) c.clientId = apps.find((a) => a.id === c.applicationId)?.clientId ?? '';
    }
    return list;
  });
}

function rowsOf(result: unknown): { application_id: string; user_id: string | null }[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { application_id: string; user_id: string | null }[];
}

/** The applications these sessions signed into that have a back-channel logout URI and are enabled. */
export async function findBackchannelTargets(db: Db, sessionIds: string[]): Promise<BackchannelTarget[]> {
  const ids = sessionIds.filter(isUuid);
  if (ids.length === 0) return [];
  return db
    .select({ sessionId: sessionApplications.sessionId, userId: userSessions.userId, applicationId: sessionApplications.applicationId })
    .from(sessionApplications)
    .innerJoin(userSessions, eq(userSessions.id, sessionApplications.sessionId))
    .innerJoin(applications, eq(applications.id, sessionApplications.applicationId))
    .where(and(inArray(sessionApplications.sessionId, ids), isNotNull(applications.backchannelLogoutUri), isNull(applications.disabledAt)));
}

export async function findBackchannelApplication(db: Db, applicationId: string): Promise<BackchannelApplication | null> {
  if (!isUuid(applicationId)) return null;
  const [row] = await db
    .select({
      id: applications.id,
      clientId: applications.clientId,
      algorithm: applications.algorithm,
      backchannelLogoutUri: applications.backchannelLogoutUri,
      registeredVia: applications.registeredVia,
      disabled: sql<boolean>`${applications.disabledAt} is not null`.mapWith(Boolean),
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .limit(1);
  return row ?? null;
}
