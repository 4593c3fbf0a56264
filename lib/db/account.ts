/**
 * What the account page changes about the signed-in person: their name, their password, and
 * deleting the account. Every query names the user; sessions live in sessions.ts and token
 * revocation in authorizations.ts (revokeTokensForUser).
 */
import { eq } from 'drizzle-orm';
import { applications, users } from '@/drizzle/schema';
import { cancelPasswordLinks } from './account-tokens';
import { deleteApplicationWhere, type RevokedTokens } from './applications';
import { getDb } from './client';
import { isUuid } from './sql-helpers';
import type { Db } from './types';
import { singleton } from '@/lib/runtime/singletons';

export function createAccountStore(db: Db) {
  return {
    /** The language the user chose (users.locale), or null: the pages then follow the browser. */
    async findUserLocale(userId: string): Promise<string | null> {
      if (!isUuid(userId)) return null;
      const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.locale ?? null;
    },

    /** Saves the footer switcher's choice for the signed-in user (null: follow the browser again). */
    async setUserLocale(userId: string, locale: string | null): Promise<void> {
      if (!isUuid(userId)) return;
      await db.update(users).set({ locale }).where(eq(users.id, userId));
    },

    /** An empty name is stored as null (the pages then show the email). */
    async updateUserName(userId: string, name: string | null): Promise<boolean> {
      if (!isUuid(userId)) return false;
      const rows = await db.update(users).set({ name: name || null }).where(eq(users.id, userId)).returning({ id: users.id });
      return rows.length > 0;
    },

    /**
     * A new password (/account, `manage changepassword`), and with it the user's pending reset
     * and email-change links are used up (cancelPasswordLinks), in one transaction. False when
     * there is no such user.
     */
    async setUserPasswordHash(userId: string, passwordHash: string, now = new Date()): Promise<boolean> {
      if (!isUuid(userId)) return false;
      return db.transaction(async (tx) => {
        const rows = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ id: users.id });
        if (rows.length === 0) return false;
        await cancelPasswordLinks(tx as unknown as Db, userId, now);
        return true;
      });
    },

    /** The applications the user owns (deleted with the account), by name. */
    async listOwnedApplications(userId: string): Promise<{ id: string; name: string; clientId: string }[]> {
      if (!isUuid(userId)) return [];
      return db
        .select({ id: applications.id, name: applications.name, clientId: applications.clientId })
        .from(applications)
        .where(eq(applications.ownerId, userId))
        .orderBy(applications.name);
    },

    /**
     * Deletes the account in one transaction: each application it owns (with every token,
     * code and consent of it, other people's too), then the user (the foreign keys take their
     * sessions, consents, tokens and codes). Returns what each deleted application still had
     * live, for the token_revoked events; null when there was no such user.
     */
    async deleteUserAccount(userId: string, now: Date): Promise<{ applications: RevokedTokens[] } | null> {
      if (!isUuid(userId)) return null;
      return db.transaction(async (tx) => {
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        if (!user) return null;
        const owned = await tx.select({ id: applications.id }).from(applications).where(eq(applications.ownerId, userId));
        const deleted: RevokedTokens[] = [];
        for (const app of owned) {
          const revoked = await deleteApplicationWhere(tx as unknown as Db, eq(applications.id, app.id), now);
          if (revoked) deleted.push(revoked);
        }
        await tx.delete(users).where(eq(users.id, userId));
        return { applications: deleted };
      });
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;

export function getAccountStore(): Promise<AccountStore> {
  return singleton('account-store', async () => createAccountStore(await getDb()));
}
