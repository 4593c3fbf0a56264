/**
 * `manage cleartokens`: what expired, in batches. Reached through the application store
 * (createApplicationStore(db).clearExpired), which the command opens.
 */
import { sql, type SQL } from 'drizzle-orm';
import { accessTokens, applications, authorizationCodes, consents, deviceAuthorizations, pendingAuthorizations, pushedAuthorizationRequests, refreshTokens, usedJtis } from '@/drizzle/schema';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './types';

/** How long cleartokens keeps a client ID metadata document's application that never completed an authorization. */
export const UNUSED_METADATA_DOCUMENT_SECONDS = 86_400;

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
 * And the used JWT ids (used_jtis) past their assertion's expiry.
 * Batched so it works on millions of rows without long locks.
 */
export async function clearExpired(db: Db, now: Date, refreshExpireSeconds: number | null, batchSize = 10_000, unusedDocumentSeconds = UNUSED_METADATA_DOCUMENT_SECONDS) {
  const cutoff = new Date(now.getTime() - (refreshExpireSeconds ?? 0) * 1000).toISOString();
  /** Deletes the rows of `table` matching `where`, batchSize at a time (each batch its own short statement), until none is left. */
  const deleteAll = async (table: PgTable, where: SQL, key: SQL = sql`id`) => {
    let total = 0;
    for (;;) {
      const r = await db.execute(sql`delete from ${table} where ${key} in (select ${key} from ${table} where ${where} limit ${batchSize}) returning 1`);
      const count = Array.isArray(r) ? r.length : ((r as { rows?: unknown[] }).rows?.length ?? 0);
      total += count;
      if (count < batchSize) return total;
    }
  };
  const nowIso = now.toISOString();
  const refresh = refreshExpireSeconds === null ? 0 : await deleteAll(refreshTokens, sql`coalesce(revoked_at, rotated_at) < ${cutoff} or created_at < ${cutoff}`);
  const access = await deleteAll(accessTokens, sql`expires_at < ${nowIso} or revoked_at < ${nowIso}`);
  const codes = await deleteAll(authorizationCodes, sql`expires_at < ${nowIso}`);
  const pending = await deleteAll(pendingAuthorizations, sql`expires_at < ${nowIso}`);
  // RFC 8628 device authorizations and RFC 9126 pushed requests: useless once expired (a used one expires minutes later).
  const devices = await deleteAll(deviceAuthorizations, sql`expires_at < ${nowIso}`);
  const pushed = await deleteAll(pushedAuthorizationRequests, sql`expires_at < ${nowIso}`);
  // Single-use JWT ids (client assertions, RFC 7523 §3): a row only guards against a replay until
  // the assertion itself expires; after that the JWT is refused for its exp anyway.
  const jtis = await deleteAll(usedJtis, sql`expires_at < ${nowIso}`, sql`key`);
  const unusedBefore = new Date(now.getTime() - unusedDocumentSeconds * 1000).toISOString();
  const used = (table: SQL) => sql`exists (select 1 from ${table} u where u.application_id = ${applications}.id)`;
  const documents = await deleteAll(
    applications,
    sql`registered_via = 'metadata_document' and created_at < ${unusedBefore}
      and not ${used(sql`${consents}`)} and not ${used(sql`${authorizationCodes}`)} and not ${used(sql`${accessTokens}`)}
      and not ${used(sql`${refreshTokens}`)} and not ${used(sql`${pendingAuthorizations}`)}`,
  );
  return { accessTokens: access, refreshTokens: refresh, authorizationCodes: codes, pendingAuthorizations: pending, metadataDocumentClients: documents, deviceAuthorizations: devices, pushedRequests: pushed, usedJtis: jtis };
}
