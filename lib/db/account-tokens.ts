/**
 * Emailed account links (account_tokens): password reset, email verification, email change.
 * Only the SHA-256 digest is stored; the link carries the token. Using a link is one UPDATE …
 * WHERE used_at IS NULL AND expires_at > now RETURNING, inside the transaction that applies
 * its change, so two clicks (or two tabs) cannot both use it, and a failed change uses nothing.
 */
import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import { accountTokens, users } from '@/drizzle/schema';
import { digest, randomToken } from '@/lib/oauth/secrets';
import type { Db } from './types';

export type AccountTokenPurpose = (typeof accountTokens.$inferSelect)['purpose'];

/** Why a link cannot be used (the page says which, and offers a new one). */
export type LinkProblem = 'invalid' | 'expired' | 'used';

export type LinkResult<T> = { ok: true; value: T } | { ok: false; problem: LinkProblem };

export interface AccountTokenUser {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  disabled: boolean;
  hasPassword: boolean;
  /** The language the person chose (users.locale), for the mail they get; null: none saved. */
  locale: string | null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  locale: users.locale,
};

/** Tokens are 43 base64url characters (lib/oauth/secrets.ts); anything else is not worth a lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export function createAccountTokenStore(db: Db) {
  /** Marks the live token used and returns it, or says why it cannot be used. Inside `tx`. */
  async function claim(tx: Db, purpose: AccountTokenPurpose, token: string, now: Date): Promise<LinkResult<typeof accountTokens.$inferSelect>> {
    if (!TOKEN_SHAPE.test(token)) return { ok: false, problem: 'invalid' };
    const tokenDigest = digest(token);
    const [row] = await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.tokenDigest, tokenDigest), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .returning();
    if (row) return { ok: true, value: row };
    const [found] = await tx
      .select({ usedAt: accountTokens.usedAt })
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenDigest, tokenDigest), eq(accountTokens.purpose, purpose)))
      .limit(1);
    return { ok: false, problem: !found ? 'invalid' : found.usedAt ? 'used' : 'expired' };
  }

  return {
    findUserByEmail: async (email: string): Promise<AccountTokenUser | null> => {
      const [row] = await db.select(userColumns).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
      return row ?? null;
    },

    findUserById: async (id: string): Promise<AccountTokenUser | null> => {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
      const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
      return row ?? null;
    },

    /** A new link for `userId`; returns the token (shown once, in the mail). */
    async issue(input: { userId: string; purpose: AccountTokenPurpose; email: string; ttlSeconds: number; now?: Date }): Promise<string> {
      const token = randomToken();
      const now = input.now ?? new Date();
      await db.insert(accountTokens).values({
        userId: input.userId,
        purpose: input.purpose,
        tokenDigest: digest(token),
        email: input.email.trim().toLowerCase(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000),
      });
      return token;
    },

    /** Whether a link would work now, without using it (the reset page shows its form only then). */
    async check(purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<LinkResult<{ userId: string; email: string }>> {
      if (!TOKEN_SHAPE.test(token)) return { ok: false, problem: 'invalid' };
      const [row] = await db
        .select({ userId: accountTokens.userId, email: accountTokens.email, usedAt: accountTokens.usedAt, expiresAt: accountTokens.expiresAt })
        .from(accountTokens)
        .where(and(eq(accountTokens.tokenDigest, digest(token)), eq(accountTokens.purpose, purpose)))
        .limit(1);
      if (!row) return { ok: false, problem: 'invalid' };
      if (row.usedAt) return { ok: false, problem: 'used' };
      if (row.expiresAt <= now) return { ok: false, problem: 'expired' };
      return { ok: true, value: { userId: row.userId, email: row.email } };
    },

    /**
     * Password reset: uses the link and sets the new hash together. The user's other pending
     * links are used up too (cancelPasswordLinks), and the address is marked verified:
     * following a link mailed to it proves it.
     */
    async resetPassword(token: string, passwordHash: string, now = new Date()): Promise<LinkResult<AccountTokenUser>> {
      return db.transaction(async (tx) => {
        const claimed = await claim(tx as unknown as Db, 'password_reset', token, now);
        if (!claimed.ok) return claimed;
        const { userId, email } = claimed.value;
        const [user] = await tx
          .update(users)
          .set({ passwordHash, emailVerified: sql`${users.emailVerified} or ${users.email} = ${email}` })
          .where(and(eq(users.id, userId), isNull(users.disabledAt)))
          .returning(userColumns);
        if (!user) return { ok: false, problem: 'invalid' } as const;
        await cancelPasswordLinks(tx as unknown as Db, userId, now);
        return { ok: true, value: user } as const;
      });
    },

    /** Email verification: marks the address verified if it is still the account's address. */
    async verifyEmail(token: string, now = new Date()): Promise<LinkResult<AccountTokenUser>> {
      return db.transaction(async (tx) => {
        const claimed = await claim(tx as unknown as Db, 'email_verification', token, now);
        if (!claimed.ok) return claimed;
        const [user] = await tx
          .update(users)
          .set({ emailVerified: true })
          .where(and(eq(users.id, claimed.value.userId), eq(users.email, claimed.value.email)))
          .returning(userColumns);
        // The account changed its address since the mail: this link no longer proves anything.
        if (!user) return { ok: false, problem: 'invalid' } as const;
        return { ok: true, value: user } as const;
      });
    },

    /**
     * Email change: moves the account to the new address (verified: the link proves it) if no
     * other account took it meanwhile. 'taken' leaves the link unused and the account as it was.
     */
    async changeEmail(token: string, now = new Date()): Promise<LinkResult<AccountTokenUser & { previousEmail: string }> | { ok: false; problem: 'taken' }> {
      try {
        return await db.transaction(async (tx) => {
          const claimed = await claim(tx as unknown as Db, 'email_change', token, now);
          if (!claimed.ok) return claimed;
          const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, claimed.value.userId)).limit(1);
          const [other] = await tx
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.email, claimed.value.email), ne(users.id, claimed.value.userId)))
            .limit(1);
          if (!before || other) throw new EmailTaken();
          const [user] = await tx.update(users).set({ email: claimed.value.email, emailVerified: true }).where(eq(users.id, claimed.value.userId)).returning(userColumns);
          return { ok: true, value: { ...user!, previousEmail: before.email } } as const;
        });
      } catch (e) {
        // Taken meanwhile, or by a concurrent change (the unique index): nothing was applied.
        if (e instanceof EmailTaken || isUniqueViolation(e)) return { ok: false, problem: 'taken' };
        throw e;
      }
    },

    /** Whether another account uses `email`. */
    async emailTaken(email: string, exceptUserId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, email.trim().toLowerCase()), ne(users.id, exceptUserId)))
        .limit(1);
      return !!row;
    },
  };
}

export type AccountTokenStore = ReturnType<typeof createAccountTokenStore>;

/**
 * A new password uses up the user's pending reset and email-change links: an older reset mail
 * must not undo it, and an email change asked by whoever held the old password dies with it.
 * Every way of setting a password runs this in its transaction (resetPassword above,
 * lib/db/account.ts setUserPasswordHash for /account and `manage changepassword`).
 */
export async function cancelPasswordLinks(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), inArray(accountTokens.purpose, ['password_reset', 'email_change']), isNull(accountTokens.usedAt)));
}

class EmailTaken extends Error {}

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e; c; c = (c as { cause?: unknown }).cause) if ((c as { code?: string }).code === '23505') return true;
  return false;
}
