import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/drizzle/schema';
import { createTestDb } from '@/lib/testing/test-db';
import type { Db } from '@/lib/db/types';
import type { MailMessage } from '@/lib/mail';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { verifyPassword } from '@/lib/auth/password';
import { eq } from 'drizzle-orm';

const endUserAccess = vi.fn(async () => ({ sessionsEnded: 2, tokensRevoked: 3 }));
const recordAudit = vi.fn(async () => {});
vi.mock('@/lib/accounts/end-access', () => ({ endUserAccess: (...a: unknown[]) => endUserAccess(...(a as [])) }));
vi.mock('@/lib/audit', () => ({ recordAudit: (...a: unknown[]) => recordAudit(...(a as [])) }));

const { requestPasswordReset, resetPassword, checkResetLink } = await import('./password-reset');
const { sendVerificationEmail, confirmEmailVerification } = await import('./verification');
const { sendEmailChangeConfirmation, confirmEmailChange } = await import('./email-change');

const BASE = 'https://id.example';

describe('password reset, verification and email change flows', () => {
  let db: Db;
  let sent: MailMessage[];
  const mail = async (m: MailMessage) => {
    sent.push(m);
  };
  const user = async (email = `p-${randomUUID()}@example.com`) => {
    const [u] = await db.insert(users).values({ email, passwordHash: 'old' }).returning();
    return u!;
  };
  const tokenFrom = (m: MailMessage | undefined, path: string) => new URL(m!.links!.find((l) => new URL(l).pathname === path)!).searchParams.get('token')!;

  beforeAll(async () => {
    db = (await createTestDb()).db;
  });
  beforeEach(() => {
    sent = [];
    endUserAccess.mockClear();
    recordAudit.mockClear();
  });

  it('an unknown or disabled address sends nothing and records nothing (the page answers the same)', async () => {
    expect(await requestPasswordReset(`nobody-${randomUUID()}@example.com`, { baseUrl: BASE, db, mail })).toBe(false);
    const disabled = await user();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect(await requestPasswordReset(disabled.email, { baseUrl: BASE, db, mail })).toBe(false);
    expect(sent).toEqual([]);
    expect(recordAudit).not.toHaveBeenCalled();
  });

  it('mails a link to this server, valid 30 minutes, whatever the case of the address typed', async () => {
    const u = await user();
    expect(await requestPasswordReset(u.email.toUpperCase(), { baseUrl: BASE, db, mail })).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: u.email, subject: 'Reset your OAuth Server password' });
    expect(sent[0]!.text).toContain('for 30 minutes');
    expect(sent[0]!.links![0]).toMatch(/^https:\/\/id\.example\/reset-password\?token=[\w-]{43}$/);
    expect(recordAudit).toHaveBeenCalledWith(expect.objectContaining({ type: 'password.reset_requested', userId: u.id }));
    expect(JSON.stringify(recordAudit.mock.calls)).not.toContain(tokenFrom(sent[0], '/reset-password'));
  });

  it('the per-address limit stops the mail silently', async () => {
    const u = await user();
    const limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_ACCOUNT_EMAIL_ACCOUNT: '2/3600' }), { kind: 'memory' })!;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await requestPasswordReset(u.email, { baseUrl: BASE, db, mail, limits }));
    expect(results).toEqual([true, true, false]);
    expect(sent).toHaveLength(2);
  });

  it('a reset sets the password, ends access (tokens revoked by default), mails a notice and records password.reset', async () => {
    const u = await user();
    await requestPasswordReset(u.email, { baseUrl: BASE, db, mail });
    const token = tokenFrom(sent[0], '/reset-password');
    expect(await checkResetLink(token, { db })).toEqual({ ok: true, email: u.email });

    expect(await resetPassword(token, 'password', { baseUrl: BASE, db, mail })).toEqual({ ok: false, passwordError: expect.stringMatching(/most common/) });
    expect(await resetPassword(token, u.email, { baseUrl: BASE, db, mail })).toEqual({ ok: false, passwordError: expect.stringMatching(/email address/) });
    expect(endUserAccess).not.toHaveBeenCalled();

    expect(await resetPassword(token, 'a brand new secret', { baseUrl: BASE, db, mail, ip: '203.0.113.9' })).toEqual({ ok: true, email: u.email });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(await verifyPassword(row!.passwordHash!, 'a brand new secret')).toBe(true);
    expect(endUserAccess).toHaveBeenCalledWith(u.id, { keepTokens: false });
    expect(sent.at(-1)).toMatchObject({ to: u.email, subject: 'Your OAuth Server password was changed' });
    expect(recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'password.reset', userId: u.id, ip: '203.0.113.9', detail: { sessionsEnded: 2, tokensRevoked: 3, keepTokens: false } }),
    );
    expect(JSON.stringify(recordAudit.mock.calls)).not.toContain('a brand new secret');

    expect(await resetPassword(token, 'another new secret', { baseUrl: BASE, db, mail })).toEqual({ ok: false, problem: 'used' });
  });

  it('verification: the link marks the address verified once', async () => {
    const u = await user();
    expect(await sendVerificationEmail(u.id, { baseUrl: BASE, db, mail })).toBe(true);
    expect(sent[0]).toMatchObject({ to: u.email, subject: 'Confirm your email address for OAuth Server' });
    expect(sent[0]!.text).toContain('for 24 hours');
    const token = tokenFrom(sent[0], '/verify-email');
    expect(await confirmEmailVerification(token, { db })).toEqual({ ok: true, email: u.email });
    expect(await confirmEmailVerification(token, { db })).toEqual({ ok: false, problem: 'used' });
    // Verified accounts get no more links.
    expect(await sendVerificationEmail(u.id, { baseUrl: BASE, db, mail })).toBe(false);
  });

  it('email change: the new address gets the link, the old one a notice; following it moves the account', async () => {
    const u = await user();
    const target = `new-${randomUUID()}@example.com`;
    expect(await sendEmailChangeConfirmation(u.id, u.email, { baseUrl: BASE, db, mail })).toEqual({ ok: false, message: 'That is already your email address' });
    expect(await sendEmailChangeConfirmation(u.id, 'not an address', { baseUrl: BASE, db, mail })).toEqual({ ok: false, message: 'Enter a valid email address' });
    expect(await sendEmailChangeConfirmation(u.id, target.toUpperCase(), { baseUrl: BASE, db, mail })).toEqual({ ok: true });
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [target, 'Confirm your new email address for OAuth Server'],
      [u.email, 'Your OAuth Server email address is about to change'],
    ]);
    expect(sent[1]!.text).toContain(target);
    const [unchanged] = await db.select().from(users).where(eq(users.id, u.id));
    expect(unchanged!.email).toBe(u.email);
    expect(await confirmEmailChange(tokenFrom(sent[0], '/confirm-email'), { db })).toEqual({ ok: true, email: target });
    const [moved] = await db.select().from(users).where(eq(users.id, u.id));
    expect(moved).toMatchObject({ email: target, emailVerified: true });
  });

  it('email change to an address another account uses: the same answer, that address is told, nothing changes', async () => {
    const u = await user();
    const other = await user();
    expect(await sendEmailChangeConfirmation(u.id, other.email, { baseUrl: BASE, db, mail })).toEqual({ ok: true });
    expect(sent.map((m) => [m.to, m.subject])).toEqual([
      [other.email, 'Someone tried to use your address on OAuth Server'],
      [u.email, 'Your OAuth Server email address is about to change'],
    ]);
    expect(sent[0]!.links!.some((l) => l.includes('/confirm-email'))).toBe(false);
  });
});
