/** The demo users `npm start` creates on the embedded database, and `manage seed` anywhere. */
import { hashPassword } from '@/lib/auth/password';
import type { UserStore } from '@/lib/db/store';

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
