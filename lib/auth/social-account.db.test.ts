/**
 * Account pre-hijacking (Sudhodanan & Paverd, "Pre-hijacked accounts", 2022): a social sign-in
 * never adopts an account whose email nobody verified.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '@/lib/db/engine-store';
import { createTestDb } from '@/lib/testing/test-db';
import { accountForSocialSignIn } from './social-account';

let store: ReturnType<typeof createStore>;
beforeAll(async () => {
  store = createStore((await createTestDb()).db);
});

const email = () => `victim-${randomUUID()}@example.com`;

describe('social sign-in (GitHub, Google) and existing accounts', () => {
  it('refuses to link to a password account whose email is unverified, and gives it no session', async () => {
    const address = email();
    // The attacker signs up first with the victim's address (password sign-up: unverified).
    const planted = await store.createUser({ email: address, passwordHash: 'attacker-hash', emailVerified: false });
    // The victim later signs in with a provider that verified the same address.
    const result = await accountForSocialSignIn(store, address.toUpperCase(), 'Victim');
    expect(result).toEqual({ outcome: 'unverified_account' });
    // Nothing was linked or created: the planted account is unchanged and still the only one.
    expect(await store.findUserByEmail(address)).toEqual(planted);
  });

  it('signs in to an existing account whose email is verified', async () => {
    const address = email();
    const verified = await store.createUser({ email: address, passwordHash: null, emailVerified: true });
    expect(await accountForSocialSignIn(store, address, 'Someone')).toEqual({ outcome: 'signed_in', user: verified });
  });

  it('creates a verified account without a password for a new email', async () => {
    const address = email();
    const result = await accountForSocialSignIn(store, address, 'New Person');
    expect(result).toMatchObject({ outcome: 'signed_in', user: { email: address, name: 'New Person', emailVerified: true, passwordHash: null } });
  });

  it('applies the rule to an account created by someone else meanwhile', async () => {
    const address = email();
    // createUser loses the race: the row that won is unverified.
    const racing = {
      findUserByEmail: (e: string) => store.findUserByEmail(e),
      createUser: async () => {
        await store.createUser({ email: address, passwordHash: 'attacker-hash', emailVerified: false });
        return null;
      },
    };
    expect(await accountForSocialSignIn(racing, address, null)).toEqual({ outcome: 'unverified_account' });
  });
});
