/**
 * The account mail flows with their real parts: the audit trail writes to the test database,
 * ending access revokes on it and announces on the test server's bus (AccountFlowContext's db
 * and events), so the tests read the rows, sessions and tokens a person would see.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { userSessions, users } from '@/drizzle/schema';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { auditEngineEvents } from '@/lib/audit/engine-events';
import { listAuditEvents } from '@/lib/db/audit';
import type { Db } from '@/lib/db/types';
import type { MailMessage } from '@/lib/mail';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { verifyPassword } from '@/lib/auth/password';
import { createTestServer } from '@/lib/testing/oauth';
import { eq } from 'drizzle-orm';
import { requestPasswordReset, resetPassword, checkResetLink } from './password-reset';
import { sendVerificationEmail, confirmEmailVerification } from './verification';
import { sendEmailChangeConfirmation, confirmEmailChange } from './email-change';

const BASE = 'https://id.example';
const t = await createTestServer();
setAuditDatabase(t.db);
const offAudit = auditEngineEvents(t.deps.events, async () => t.deps.store);
afterAll(() => {
  offAudit();
  setAuditDatabase(null);
});

/** The audit rows about `userId` (newest first), once every write has landed. */
async function auditOf(userId: string, type?: string) {
  await flushAudit();
  return (await listAuditEvents(t.db, { userId, ...(type && { type }) }, 50)).rows;
}

describe('password reset, verification and email change flows', () => {
  let db: Db;
  let sent: MailMessage[];
  const mail = async (m: MailMessage) => {
    sent.push(m);
  };
  // The test server's password check is `hash === 'hash:' + password`, so these accounts can use the password grant.
  const user = async (email = `p-${randomUUID()}@example.com`) => {
    const [u] = await db.insert(users).values({ email, passwordHash: 'hash:old-password' }).returning();
    return u!;
  };
  const tokenFrom = (m: MailMessage | undefined, path: string) => new URL(m!.links!.find((l) => new URL(l).pathname === path)!).searchParams.get('token')!;

  beforeAll(() => {
    db = t.db;
  });
  beforeEach(() => {
    sent = [];
  });

  it('an unknown or disabled address sends nothing and records nothing (the page answers the same)', async () => {
    expect(await requestPasswordReset(`nobody-${randomUUID()}@example.com`, { baseUrl: BASE, db, mail })).toBe(false);
    const disabled = await user();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect(await requestPasswordReset(disabled.email, { baseUrl: BASE, db, mail })).toBe(false);
    expect(sent).toEqual([]);
    expect(await auditOf(disabled.id)).toEqual([]);
  });

  it('mails a link to this server, valid 30 minutes, whatever the case of the address typed', async () => {
    const u = await user();
    expect(await requestPasswordReset(u.email.toUpperCase(), { baseUrl: BASE, db, mail })).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: u.email, subject: 'Reset your OAuth Server password' });
    expect(sent[0]!.text).toContain('for 30 minutes');
    expect(sent[0]!.links![0]).toMatch(/^https:\/\/id\.example\/reset-password\?token=[\w-]{43}$/);
    const rows = await auditOf(u.id);
    expect(rows).toMatchObject([{ type: 'password.reset_requested', actorType: 'user', actorId: u.id, actorLabel: u.email, userId: u.id }]);
    expect(JSON.stringify(rows)).not.toContain(tokenFrom(sent[0], '/reset-password'));
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
    const app = await t.application({ name: 'Reset App', grantTypes: ['password'] });
    const held = await t.passwordGrant(app, { email: u.email, password: 'old-password' });
    await db.insert(userSessions).values({ sessionDigest: `d-${randomUUID()}`, userId: u.id, expiresAt: new Date(Date.now() + 3_600_000) });
    await requestPasswordReset(u.email, { baseUrl: BASE, db, mail });
    const token = tokenFrom(sent[0], '/reset-password');
    expect(await checkResetLink(token, { db })).toEqual({ ok: true, email: u.email });

    const ctx = { baseUrl: BASE, db, mail, events: t.deps.events };
    expect(await resetPassword(token, 'password', ctx)).toEqual({ ok: false, passwordError: expect.stringMatching(/most common/) });
    expect(await resetPassword(token, u.email, ctx)).toEqual({ ok: false, passwordError: expect.stringMatching(/email address/) });
    expect((await t.introspect(app, held.access_token)).active).toBe(true); // a refused password changes nothing

    expect(await resetPassword(token, 'a brand new secret', { ...ctx, ip: '203.0.113.9' })).toEqual({ ok: true, email: u.email });
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(await verifyPassword(row!.passwordHash!, 'a brand new secret')).toBe(true);
    // RFC 7662 §2.2: the application's tokens are inactive; the session ended.
    expect((await t.introspect(app, held.access_token)).active).toBe(false);
    const [session] = await db.select().from(userSessions).where(eq(userSessions.userId, u.id));
    expect(session!.endedAt).toBeInstanceOf(Date);
    expect(sent.at(-1)).toMatchObject({ to: u.email, subject: 'Your OAuth Server password was changed' });
    const rows = await auditOf(u.id);
    expect(rows.find((r) => r.type === 'password.reset')).toMatchObject({
      actorType: 'user',
      userId: u.id,
      ip: '203.0.113.9',
      detail: { sessionsEnded: 1, tokensRevoked: 2, keepTokens: false },
    });
    // The revocation says why, on the person's own trail.
    expect(rows.find((r) => r.type === 'token.revoked')).toMatchObject({
      actorType: 'user',
      actorId: u.id,
      clientId: app.clientId,
      detail: { by: 'user', reason: 'password_reset', accessTokens: 1, refreshTokens: 1 },
    });
    expect(JSON.stringify(rows)).not.toContain('a brand new secret');

    expect(await resetPassword(token, 'another new secret', ctx)).toEqual({ ok: false, problem: 'used' });
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
    expect(await sendEmailChangeConfirmation(u.id, u.email, { baseUrl: BASE, db, mail })).toEqual({ ok: false, reason: 'same', message: 'That is already your email address' });
    expect(await sendEmailChangeConfirmation(u.id, 'not an address', { baseUrl: BASE, db, mail })).toEqual({ ok: false, reason: 'invalid', message: 'Enter a valid email address' });
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
    // Both steps are on the person's trail: asked (with the address asked for), then confirmed.
    expect((await auditOf(u.id, 'email.')).map((r) => [r.type, r.actorType, r.actorLabel, r.detail])).toEqual([
      ['email.changed', 'user', target, { previousDomain: 'example.com' }],
      ['email.change_requested', 'user', u.email, { to: target }],
    ]);
    expect(JSON.stringify(await auditOf(u.id))).not.toContain(tokenFrom(sent[0], '/confirm-email'));
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
    // The same row as a real request (the trail must not tell that the address is taken), and nothing on the other account's.
    expect((await auditOf(u.id, 'email.')).map((r) => [r.type, r.detail])).toEqual([['email.change_requested', { to: other.email }]]);
    expect(await auditOf(other.id, 'email.')).toEqual([]);
  });
});
