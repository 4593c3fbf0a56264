/**
 * The account page's two heavy actions (issue 17), on a database: changing the password and
 * deleting the account. What a client sees afterwards is asserted as the wire shows it.
 */
import { describe, expect, it } from 'vitest';
import type { AuditInput } from '@/lib/audit';
import { passwordSignIn } from '@/lib/auth/password-sign-in';
import { createAccountStore } from '@/lib/db/account';
import { createAccountTokenStore } from '@/lib/db/account-tokens';
import { createDashboardStore } from '@/lib/db/dashboard';
import { createSessionStore } from '@/lib/db/sessions';
import type { MailMessage } from '@/lib/mail';
import { body, createTestServer } from '@/lib/testing/oauth';
import { deleteAccount } from './delete-account';
import { endAccess } from './end-access';
import { changePassword, type PasswordChangeDeps } from './password-change';
import { checkSession, startSession } from './sessions';

const t = await createTestServer();
const sessions = createSessionStore(t.db);
const dashboard = createDashboardStore(t.db);
const accounts = createAccountStore(t.db);
const origin = { ip: '198.51.100.4', userAgent: 'test' };

const endUserAccess: PasswordChangeDeps['endUserAccess'] = (userId, options) =>
  endAccess({ sessions, tokens: dashboard, events: t.deps.events, now: t.now() }, userId, options);

function deps(overrides: Partial<PasswordChangeDeps> = {}) {
  const mail: MailMessage[] = [];
  const audit: AuditInput[] = [];
  const d: PasswordChangeDeps = {
    store: t.store,
    verifyPassword: t.deps.verifyPassword,
    hashPassword: async (p) => `hash:${p}`,
    setUserPasswordHash: (id, hash) => accounts.setUserPasswordHash(id, hash),
    endUserAccess,
    queueMail: async (m) => void mail.push(m),
    recordAudit: async (e) => void audit.push(e),
    baseUrl: 'https://id.example',
    ...overrides,
  };
  return { d, mail, audit };
}

const newSession = (userId: string) => startSession(sessions, { userId, origin, authMethods: ['pwd'], now: t.now(), maxAgeSeconds: 3600 });

describe('changing the password on /account', () => {
  it('a wrong current password changes nothing', async () => {
    const user = await t.user();
    const here = await newSession(user.id);
    const { d, mail } = deps();
    const result = await changePassword(d, { user, sessionId: here.sessionId, currentPassword: 'wrong', newPassword: 'a new long passphrase', keepAppsSignedIn: false, origin });
    expect(result).toEqual({ ok: false, field: 'currentPassword', reason: 'incorrect', message: 'Your current password is incorrect' });
    expect((await passwordSignIn(d, origin.ip, user.email, user.password)).outcome).toBe('signed_in');
    expect(mail).toEqual([]);
  });

  it('a common or too short new password is refused with what to do', async () => {
    const user = await t.user();
    const { d } = deps();
    const input = { user, sessionId: '', currentPassword: user.password, keepAppsSignedIn: false, origin };
    const common = await changePassword(d, { ...input, newPassword: 'password1' });
    expect(common).toMatchObject({ ok: false, field: 'newPassword' });
    expect((common as { message: string }).message).toMatch(/common/);
    expect(await changePassword(d, { ...input, newPassword: 'short' })).toMatchObject({ ok: false, field: 'newPassword' });
  });

  it('the old password then fails, other browsers are signed out, apps must sign in again, a mail is sent', async () => {
    const user = await t.user();
    const app = await t.application({ grantTypes: ['password'] });
    const tokens = await t.passwordGrant(app, user);
    const here = await newSession(user.id);
    const elsewhere = await newSession(user.id);
    const { d, mail, audit } = deps();

    const result = await changePassword(d, { user, sessionId: here.sessionId, currentPassword: user.password, newPassword: 'correct horse battery staple', keepAppsSignedIn: false, origin });
    expect(result).toEqual({ ok: true, sessionsEnded: 1, tokensRevoked: 2 });
    expect((await passwordSignIn(d, origin.ip, user.email, user.password)).outcome).toBe('wrong_credentials');
    expect((await passwordSignIn(d, origin.ip, user.email, 'correct horse battery staple')).outcome).toBe('signed_in');
    expect(await checkSession(sessions, here.secret, t.now())).not.toBeNull();
    expect(await checkSession(sessions, elsewhere.secret, t.now())).toBeNull();
    const refused = await t.refresh(app, tokens.refresh_token);
    expect(refused.status).toBe(400);
    expect((await body(refused)).error).toBe('invalid_grant');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: user.email, subject: 'Your OAuth Server password was changed' });
    expect(mail[0]!.text).not.toContain('correct horse');
    expect(audit).toEqual([expect.objectContaining({ type: 'password.changed', userId: user.id, ip: origin.ip })]);
    expect(JSON.stringify(audit)).not.toContain('correct horse');
  });

  it('pending reset and email-change links die with the old password (as after a reset)', async () => {
    const user = await t.user();
    const links = createAccountTokenStore(t.db);
    const issue = (purpose: 'password_reset' | 'email_change') => links.issue({ userId: user.id, purpose, email: user.email, ttlSeconds: 3600, now: t.now() });
    const [reset, change] = await Promise.all([issue('password_reset'), issue('email_change')]);
    const here = await newSession(user.id);
    const { d } = deps();
    expect((await changePassword(d, { user, sessionId: here.sessionId, currentPassword: user.password, newPassword: 'correct horse battery staple', keepAppsSignedIn: true, origin })).ok).toBe(true);
    expect(await links.check('password_reset', reset, t.now())).toEqual({ ok: false, problem: 'used' });
    expect(await links.check('email_change', change, t.now())).toEqual({ ok: false, problem: 'used' });
  });

  it('"Keep apps signed in" keeps the applications’ tokens', async () => {
    const user = await t.user();
    const app = await t.application({ grantTypes: ['password'] });
    const tokens = await t.passwordGrant(app, user);
    const here = await newSession(user.id);
    const { d } = deps();
    expect(await changePassword(d, { user, sessionId: here.sessionId, currentPassword: user.password, newPassword: 'correct horse battery staple', keepAppsSignedIn: true, origin })).toMatchObject({ ok: true, tokensRevoked: 0 });
    expect((await t.refresh(app, tokens.refresh_token)).status).toBe(200);
  });

  it('the current-password check is rate-limited like sign-in', async () => {
    const user = await t.user();
    const limits = { consume: async () => null, take: async () => 300, refund: async () => {} };
    const { d } = deps({ limits });
    expect(await changePassword(d, { user, sessionId: '', currentPassword: user.password, newPassword: 'correct horse battery staple', keepAppsSignedIn: false, origin })).toEqual({
      ok: false,
      rateLimited: { limit: 'signin_account', retryAfter: 300 },
    });
  });
});

describe('deleting the account', () => {
  it('revokes every token, deletes owned applications and the account, and records it', async () => {
    const user = await t.user();
    const someoneElse = await t.user();
    const owned = await t.application({ name: 'Mine', ownerId: user.id, grantTypes: ['password'] });
    const used = await t.application({ name: 'Theirs', grantTypes: ['password'] });
    await t.store.recordConsent(user.id, used.id, ['read'], t.now());
    const mine = await t.passwordGrant(used, user);
    const othersOnMyApp = await t.passwordGrant(owned, someoneElse);
    const here = await newSession(user.id);
    const revoked: string[] = [];
    t.deps.events.on('token_revoked', (e) => void revoked.push(e.clientId));
    const audit: AuditInput[] = [];

    const result = await deleteAccount(
      { endUserAccess, deleteUserAccount: (id, now) => accounts.deleteUserAccount(id, now), recordAudit: async (e) => void audit.push(e), events: t.deps.events, now: t.now() },
      { user, origin },
    );
    expect(result).toEqual({ applicationsDeleted: 1 });
    expect(await t.introspect(used, mine.access_token)).toEqual({ active: false });
    expect((await body(await t.refresh(used, mine.refresh_token))).error).toBe('invalid_grant');
    // The owned application is gone: its client cannot even authenticate.
    expect((await t.refresh(owned, othersOnMyApp.refresh_token)).status).toBe(401);
    expect(await checkSession(sessions, here.secret, t.now())).toBeNull();
    expect(await t.store.findUserById(user.id)).toBeNull();
    expect(await dashboard.listAuthorizationsForUser(user.id)).toEqual([]);
    expect(await accounts.listOwnedApplications(user.id)).toEqual([]);
    expect(revoked).toContain(used.clientId);
    expect(revoked).toContain(owned.clientId);
    expect(audit).toEqual([expect.objectContaining({ type: 'account.deleted', userId: user.id, detail: expect.objectContaining({ applicationsDeleted: 1 }) })]);
    // Someone else's account is untouched.
    expect(await t.store.findUserById(someoneElse.id)).not.toBeNull();
  });
});
