/**
 * `manage cleartokens`: what expired, in batches. Reached through the application store
 * (createApplicationStore(db).clearExpired), which the command opens.
 */
import { sql, type SQL } from 'drizzle-orm';
import { accessTokens, applications, authorizationCodes, consents, deviceAuthorizations, pendingAuthorizations, pushedAuthorizationRequests, refreshTokens, usedJtis } from '@/drizzle/schema';
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
  // RFC 8628 device authorizations and RFC 9126 pushed requests: useless once expired (a used one expires minutes later).
  const devices = await batched(() =>
    db.execute(sql`delete from ${deviceAuthorizations} where id in (
      select id from ${deviceAuthorizations} where expires_at < ${nowIso} limit ${batchSize}) returning 1`),
  );
  const pushed = await batched(() =>
    db.execute(sql`delete from ${pushedAuthorizationRequests} where id in (
      select id from ${pushedAuthorizationRequests} where expires_at < ${nowIso} limit ${batchSize}) returning 1`),
  );
  // Single-use JWT ids (client assertions, RFC 7523 §3): a row only guards against a replay until
  // the assertion itself expires; after that the JWT is refused for its exp anyway.
  const jtis = await batched(() =>
    db.execute(sql`delete from ${usedJtis} where key in (
      select key from ${usedJtis} where expires_at < ${nowIso} limit ${batchSize}) returning 1`),
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
  return { accessTokens: access, refreshTokens: refresh, authorizationCodes: codes, pendingAuthorizations: pending, metadataDocumentClients: documents, deviceAuthorizations: devices, pushedRequests: pushed, usedJtis: jtis };
}
