/** RFC 7591 §3 initial access tokens as operators list and revoke them (console and CLI); created in applications.ts. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { initialAccessTokens } from '@/drizzle/schema';
import { isUuid } from './sql-helpers';
import type { Db } from './types';

export interface InitialAccessTokenRow {
  id: string;
  description: string;
  createdAt: Date;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
}

/** Newest first; never the digest. */
export async function listInitialAccessTokens(db: Db, limit = 200): Promise<InitialAccessTokenRow[]> {
  return db
    .select({
      id: initialAccessTokens.id,
      description: initialAccessTokens.description,
      createdAt: initialAccessTokens.createdAt,
      expiresAt: initialAccessTokens.expiresAt,
      maxUses: initialAccessTokens.maxUses,
      uses: initialAccessTokens.uses,
      revokedAt: initialAccessTokens.revokedAt,
    })
    .from(initialAccessTokens)
    .orderBy(desc(initialAccessTokens.createdAt))
    .limit(limit);
}

/** False when unknown or already revoked. */
export async function revokeInitialAccessToken(db: Db, id: string, now: Date): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db
    .update(initialAccessTokens)
    .set({ revokedAt: now })
    .where(and(eq(initialAccessTokens.id, id), isNull(initialAccessTokens.revokedAt)))
    .returning({ id: initialAccessTokens.id });
  return rows.length > 0;
}

/** The state an operator reads: active, revoked, expired or used up. */
export function initialAccessTokenState(t: InitialAccessTokenRow, now: Date): 'active' | 'revoked' | 'expired' | 'used up' {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && t.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (t.maxUses !== null && t.uses >= t.maxUses) return 'used up';
  return 'active';
}
