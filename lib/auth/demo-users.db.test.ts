import { describe, expect, it } from 'vitest';
import { createUserStore } from '@/lib/db/users';
import { createTestDb } from '@/lib/testing/test-db';
import { existingDemoAccounts, seedDemoUsers } from './demo-users';

describe('the sign-in page notice about demo accounts', () => {
  it('names the demo accounts that exist, and none before they are created', async () => {
    const store = createUserStore((await createTestDb()).db);
    expect(await existingDemoAccounts(store)).toEqual([]);
    await store.createUser({ email: 'bob@example.com', passwordHash: null });
    expect(await existingDemoAccounts(store)).toEqual(['bob@example.com']);
    await seedDemoUsers(store);
    expect(await existingDemoAccounts(store)).toEqual(['alice@example.com', 'bob@example.com']);
  });
});
