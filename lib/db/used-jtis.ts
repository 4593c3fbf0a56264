/**
 * Single-use JWT ids (used_jtis), shared by every instance: client assertions (RFC 7523 §3)
 * and, later, DPoP proofs (RFC 9449 §11.1). One statement: the insert wins, or an expired row
 * of the same key is taken over; a live row means a replay.
 */
import { sql } from 'drizzle-orm';
import { usedJtis } from '@/drizzle/schema';
import { rowCount } from './sql-helpers';
import type { Db } from './types';

export function createJtiStore(db: Db) {
  return {
    async useJti(key: string, expiresAt: Date, now: Date): Promise<boolean> {
      const result = await db.execute(sql`
        insert into ${usedJtis} (key, expires_at) values (${key}, ${expiresAt.toISOString()}::timestamptz)
        on conflict (key) do update set expires_at = excluded.expires_at
        where ${usedJtis.expiresAt} <= ${now.toISOString()}::timestamptz
        returning key`);
      return rowCount(result) === 1;
    },
  };
}
