/**
 * People's accounts: the lookups sign-in and the engine make (part of the engine's Store, see
 * engine-store.ts) and what the CLI's createuser, verifyemail and seed write.
 */
import { eq } from 'drizzle-orm';
import { users } from '@/drizzle/schema';
import type { UserRecord } from '@/lib/oauth/store';
import type { Db } from './types';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  passwordHash: users.passwordHash,
  disabledAt: users.disabledAt,
  operator: users.operator,
  roles: users.roles,
};

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
