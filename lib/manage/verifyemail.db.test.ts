/** `npm run manage -- verifyemail` and `createuser`: addresses an operator vouches for. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUserStore } from '@/lib/db/users';
import type { DbHandle } from '@/lib/db/types';
import { createTestDb } from '@/lib/testing/test-db';
import { UsageError } from './command';
import { createuser } from './createuser';
import { verifyemail } from './verifyemail';

let db: DbHandle['db'];
beforeAll(async () => {
  db = (await createTestDb()).db;
});

const ctx = (values: Record<string, string>) => {
  const lines: string[] = [];
  return { lines, ctx: { args: { values, positionals: [] }, db: { db } as DbHandle, json: true, out: (s: string) => void lines.push(s) } };
};

describe('manage verifyemail', () => {
  it('marks a password sign-up verified, so OAUTH2_OPERATOR_EMAILS and social sign-in accept it', async () => {
    const users = createUserStore(db);
    const email = `ops-${randomUUID()}@example.com`;
    await users.createUser({ email, passwordHash: 'h' }); // as the sign-up form creates it
    expect((await users.findUserByEmail(email))?.emailVerified).toBe(false);
    const { lines, ctx: c } = ctx({ email: email.toUpperCase() });
    await verifyemail.run(c);
    expect(JSON.parse(lines[0]!)).toMatchObject({ email, email_verified: true });
    expect((await users.findUserByEmail(email))?.emailVerified).toBe(true);
  });

  it('names an unknown email in one line', async () => {
    await expect(verifyemail.run(ctx({ email: 'nobody@example.com' }).ctx)).rejects.toThrow(new UsageError('--email: no user with email nobody@example.com'));
  });
});

describe('manage createuser', () => {
  it('creates the account with its email verified (the operator vouches for it)', async () => {
    const email = `new-${randomUUID()}@example.com`;
    await createuser.run(ctx({ email, password: 'a-good-password' }).ctx);
    expect((await createUserStore(db).findUserByEmail(email))?.emailVerified).toBe(true);
  });
});
