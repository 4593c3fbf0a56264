/** cleartokens' pruning beyond tokens: clients that registered themselves and were never used. */
import { sql, type SQL } from 'drizzle-orm';
import { accessTokens, applications, authorizationCodes, consents, pendingAuthorizations, refreshTokens } from '@/drizzle/schema';
import { rowCount } from './sql-helpers';
import type { Db } from './types';

/**
 * Deletes clients that registered themselves (RFC 7591 dynamic registration) before `before` and
 * never completed an authorization or got a token (no consent, code, token or pending request),
 * `batchSize` at a time. Open registration lets anyone add rows; unused ones must not pile up.
 */
export async function pruneUnusedDynamicClients(db: Db, before: Date, batchSize: number): Promise<number> {
  const used = (table: SQL) => sql`exists (select 1 from ${table} u where u.application_id = ${applications}.id)`;
  let total = 0;
  for (;;) {
    const r = await db.execute(sql`delete from ${applications} where id in (
      select id from ${applications}
      where registered_via = 'dynamic' and created_at < ${before.toISOString()}
        and not ${used(sql`${consents}`)} and not ${used(sql`${authorizationCodes}`)} and not ${used(sql`${accessTokens}`)}
        and not ${used(sql`${refreshTokens}`)} and not ${used(sql`${pendingAuthorizations}`)}
      limit ${batchSize}) returning 1`);
    const n = rowCount(r);
    total += n;
    if (n < batchSize) return total;
  }
}
