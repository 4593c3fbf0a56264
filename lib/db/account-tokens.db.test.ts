import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, users } from '@/drizzle/schema';
import { digest } from '@/lib/oauth/secrets';
import { createTestDb } from '@/lib/testing/test-db';
import type { Db } from './types';
import { createAccountTokenStore, type AccountTokenStore } from './account-tokens';

describe('account_tokens: emailed links', () => {
  let db: Db;
  let store: AccountTokenStore;
  const newUser = async (email = `u-${randomUUID()}@example.com`) => {
    const [u] = await db.insert(users).values({ email, passwordHash: 'old-hash' }).returning();
    return u!;
  };

  beforeAll(async () => {
    db = (await createTestDb()).db;
    store = createAccountTokenStore(db);
  });

  it('stores only the SHA-256 digest of the token', async () => {
    const u = await newUser();
    const token = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800 });
    const rows = await db.select().from(accountTokens).where(eq(accountTokens.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenDigest).toBe(digest(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a reset link works once: the second use is "used", and the password is set once', async () => {
    const u = await newUser();
    const token = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800 });
    const first = await store.resetPassword(token, 'new-hash-1');
    expect(first).toMatchObject({ ok: true, value: { id: u.id, emailVerified: true } });
    expect(await store.resetPassword(token, 'new-hash-2')).toEqual({ ok: false, problem: 'used' });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordHash).toBe('new-hash-1');
  });

  it('two uses at the same moment: exactly one succeeds', async () => {
    const u = await newUser();
    const token = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800 });
    const results = await Promise.all([store.resetPassword(token, 'a'), store.resetPassword(token, 'b'), store.resetPassword(token, 'c')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('expires: after its lifetime the link is "expired" and changes nothing', async () => {
    const u = await newUser();
    const issued = new Date('2026-01-01T00:00:00Z');
    const token = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800, now: issued });
    expect((await store.check('password_reset', token, new Date(issued.getTime() + 1799_000))).ok).toBe(true);
    const late = new Date(issued.getTime() + 1800_000);
    expect(await store.check('password_reset', token, late)).toEqual({ ok: false, problem: 'expired' });
    expect(await store.resetPassword(token, 'x', late)).toEqual({ ok: false, problem: 'expired' });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row!.passwordHash).toBe('old-hash');
  });

  it('a forged or malformed token is "invalid", and a token for another purpose does not work here', async () => {
    const u = await newUser();
    const token = await store.issue({ userId: u.id, purpose: 'email_verification', email: u.email, ttlSeconds: 60 });
    expect(await store.resetPassword(token, 'x')).toEqual({ ok: false, problem: 'invalid' });
    expect(await store.check('password_reset', 'A'.repeat(43))).toEqual({ ok: false, problem: 'invalid' });
    expect(await store.check('password_reset', "'; drop table users; --")).toEqual({ ok: false, problem: 'invalid' });
  });

  it('a reset uses up the other reset links and pending email changes', async () => {
    const u = await newUser();
    const older = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800 });
    const change = await store.issue({ userId: u.id, purpose: 'email_change', email: `new-${randomUUID()}@example.com`, ttlSeconds: 3600 });
    const newer = await store.issue({ userId: u.id, purpose: 'password_reset', email: u.email, ttlSeconds: 1800 });
    expect((await store.resetPassword(newer, 'h')).ok).toBe(true);
    expect(await store.check('password_reset', older)).toEqual({ ok: false, problem: 'used' });
    expect(await store.changeEmail(change)).toEqual({ ok: false, problem: 'used' });
  });

  it('verification marks the address verified, only while it is still the account address', async () => {
    const u = await newUser();
    const token = await store.issue({ userId: u.id, purpose: 'email_verification', email: u.email, ttlSeconds: 86400 });
    expect(await store.verifyEmail(token)).toMatchObject({ ok: true, value: { emailVerified: true } });
    const v = await newUser();
    const stale = await store.issue({ userId: v.id, purpose: 'email_verification', email: 'previous@example.com', ttlSeconds: 86400 });
    expect(await store.verifyEmail(stale)).toEqual({ ok: false, problem: 'invalid' });
    expect((await store.findUserById(v.id))!.emailVerified).toBe(false);
  });

  it('an email change applies the new address, verified, unless another account took it meanwhile', async () => {
    const u = await newUser();
    const target = `moved-${randomUUID()}@example.com`;
    const token = await store.issue({ userId: u.id, purpose: 'email_change', email: target, ttlSeconds: 86400 });
    expect(await store.changeEmail(token)).toMatchObject({ ok: true, value: { email: target, emailVerified: true, previousEmail: u.email } });

    const w = await newUser();
    const contested = `contested-${randomUUID()}@example.com`;
    const late = await store.issue({ userId: w.id, purpose: 'email_change', email: contested, ttlSeconds: 86400 });
    await newUser(contested);
    expect(await store.changeEmail(late)).toEqual({ ok: false, problem: 'taken' });
    expect((await store.findUserById(w.id))!.email).toBe(w.email);
    // Not used up: it works if the other account moves away.
    expect((await store.check('email_change', late)).ok).toBe(true);
  });
});
