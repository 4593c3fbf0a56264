/**
 * The demo users the local `npm start` creates on the embedded database (lib/config/deployment.ts says
 * when), and `manage seed` anywhere. Their passwords are published, so the sign-in page warns
 * whenever one of them exists.
 */
import { hashPassword } from '@/lib/auth/password';
import type { UserStore } from '@/lib/db/users';

export const DEMO_USERS = [
  { email: 'alice@example.com', password: 'alice-password', name: 'Alice' },
  { email: 'bob@example.com', password: 'bob-password', name: 'Bob' },
] as const;

/** Creates the demo users that do not exist yet; returns the ones it created. */
export async function seedDemoUsers(store: UserStore): Promise<(typeof DEMO_USERS)[number][]> {
  const created: (typeof DEMO_USERS)[number][] = [];
  for (const u of DEMO_USERS) {
    if (await store.findUserByEmail(u.email)) continue;
    const row = await store.createUser({ email: u.email, name: u.name, passwordHash: await hashPassword(u.password), emailVerified: true });
    if (row) created.push(u);
  }
  return created;
}

/** The demo accounts (by their published emails) that exist on this server. */
export async function existingDemoAccounts(store: Pick<UserStore, 'findUserByEmail'>): Promise<string[]> {
  const found = await Promise.all(DEMO_USERS.map(async (u) => ((await store.findUserByEmail(u.email)) ? u.email : null)));
  return found.filter((e): e is (typeof DEMO_USERS)[number]['email'] => e !== null);
}
