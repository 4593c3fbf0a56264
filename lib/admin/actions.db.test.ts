/**
 * The operators' actions (console and CLI share them): each records an audit event with the
 * operator as actor; disabling yourself or the last operator, and deletes without the typed
 * confirmation, are refused with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import { findApplicationForAdmin } from '@/lib/db/admin-applications';
import { findUserForAdmin, setUserOperator } from '@/lib/db/admin-users';
import { cliOperatorContext } from './cli-context';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { deleteApplication, disableApplication, editApplication, revokeApplicationTokens, transferApplication } from './application-actions';
import { eq } from 'drizzle-orm';
import { applications, userSessions } from '@/drizzle/schema';
import type { OperatorContext } from './context';
import type { DbHandle } from '@/lib/db/types';
import type { MailMessage } from '@/lib/mail';
import { deleteUser, disableUser, endSessions, revokeTokens, sendPasswordReset, setOperator } from './user-actions';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let operator: Awaited<ReturnType<T['user']>>;
let ctx: OperatorContext;

beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
  operator = await t.user('ops@example.com');
  await setUserOperator(t.db, operator.id, true);
  // The command line's context over the test database (endUserAccess's work on it), as the operator.
  ctx = { ...cliOperatorContext({ db: t.db } as DbHandle, t.deps.events), actor: { id: operator.id, label: operator.email }, operatorEmails: [] };
});
afterAll(() => setAuditDatabase(null));

const last = async (type: string) => {
  await flushAudit();
  return (await listAuditEvents(t.db, { type }, 1)).rows[0];
};

async function openSession(userId: string) {
  await t.db.insert(userSessions).values({ sessionDigest: `d-${Math.random()}`, userId, expiresAt: new Date(Date.now() + 3_600_000) });
}

describe('operator actions on accounts', () => {
  it('disabling ends sessions and revokes tokens, recorded with the operator as actor', async () => {
    const app = await t.application();
    const user = await t.user();
    await openSession(user.id);
    const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(200);
    const result = await disableUser(ctx, user.id, true);
    expect(result).toEqual({ ok: true, value: { sessionsEnded: 1, tokensRevoked: 2 } });
    expect((await findUserForAdmin(t.db, user.id))?.disabledAt).toBeInstanceOf(Date);
    expect(await last('user.disabled')).toMatchObject({ actorType: 'operator', actorId: operator.id, actorLabel: 'ops@example.com', userId: user.id, detail: { sessionsEnded: 1, tokensRevoked: 2 } });
    expect(await disableUser(ctx, user.id, false)).toMatchObject({ ok: true });
    expect(await last('user.enabled')).toMatchObject({ userId: user.id });
  });

  it('refuses disabling yourself, and taking away or disabling the last operator', async () => {
    expect(await disableUser(ctx, operator.id, true)).toMatchObject({ ok: false, code: 'self' });
    expect(await setOperator(ctx, operator.id, false)).toMatchObject({ ok: false, code: 'last_operator' });
    const other = await t.user();
    const asOther = { ...ctx, actor: { id: other.id, label: other.email } };
    expect(await disableUser(asOther, operator.id, true)).toMatchObject({ ok: false, code: 'last_operator' });
    expect(await disableUser(ctx, '00000000-0000-4000-8000-000000000000', true)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await disableUser(ctx, 'not-a-uuid', true)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('end all sessions keeps tokens; delete needs the email typed', async () => {
    const user = await t.user();
    await openSession(user.id);
    await openSession(user.id);
    expect(await endSessions(ctx, user.id)).toEqual({ ok: true, value: 2 });
    expect(await last('session.ended')).toMatchObject({ userId: user.id, detail: { by: 'operator', sessionsEnded: 2 } });
    expect(await deleteUser(ctx, user.id, 'wrong@example.com')).toMatchObject({ ok: false, code: 'confirm' });
    expect(await deleteUser(ctx, user.id, ` ${user.email.toUpperCase()} `)).toMatchObject({ ok: true });
    expect(await findUserForAdmin(t.db, user.id)).toBeNull();
    expect(await last('account.deleted')).toMatchObject({ userId: user.id, detail: { email: user.email, by: 'operator' } });
  });
});

describe('send a password reset from the console', () => {
  it('mails the account a reset link, recorded with the operator as actor; refused for a disabled account', async () => {
    const user = await t.user();
    const sent: MailMessage[] = [];
    const flow = { baseUrl: 'https://id.example', mail: async (m: MailMessage) => void sent.push(m) };
    expect(await sendPasswordReset(ctx, user.id, flow)).toEqual({ ok: true, value: user.email });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: user.email });
    expect(sent[0]!.text).toMatch(/https:\/\/id\.example\/reset-password\?token=\S+/);
    expect(await last('password.reset_requested')).toMatchObject({ actorType: 'operator', actorId: operator.id, actorLabel: operator.email, userId: user.id });

    await disableUser(ctx, user.id, true);
    expect(await sendPasswordReset(ctx, user.id, flow)).toMatchObject({ ok: false, code: 'user_disabled' });
    expect(await sendPasswordReset(ctx, 'not-a-uuid', flow)).toMatchObject({ ok: false, code: 'not_found' });
    expect(sent).toHaveLength(1);
  });
});

describe('revoke all of a person\'s tokens', () => {
  it('RFC 7662 §2.2: inactive afterwards, sessions kept; one audit row with the operator, token_revoked per token', async () => {
    const app = await t.application();
    const user = await t.user();
    await openSession(user.id);
    const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret)));
    const { access_token } = (await body(res)) as { access_token: string };
    const seen: unknown[] = [];
    const off = t.deps.events.on('token_revoked', (e) => void seen.push(e));
    expect(await revokeTokens(ctx, user.id)).toEqual({ ok: true, value: 2 });
    off();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ clientId: app.clientId, userId: user.id, source: 'operator' });
    const intro = await t.server.introspect(form('/o/introspect', { token: access_token }, basic(app.clientId, app.clientSecret)));
    expect((await body(intro)).active).toBe(false);
    expect(await last('token.revoked')).toMatchObject({ actorType: 'operator', actorId: operator.id, userId: user.id, detail: { by: 'operator', tokens: 2 } });
    expect(await endSessions(ctx, user.id)).toEqual({ ok: true, value: 1 });
    expect(await revokeTokens(ctx, 'not-a-uuid')).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('operator actions on applications', () => {
  it('disable and enable, recorded; RFC 6749 §5.2 invalid_client while disabled', async () => {
    const app = await t.application({ name: 'Photo Printer' });
    expect(await disableApplication(ctx, app.id, true)).toMatchObject({ ok: true });
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
    expect(await last('application.disabled')).toMatchObject({ actorType: 'operator', clientId: app.clientId, detail: { application: 'Photo Printer' } });
    await disableApplication(ctx, app.id, false);
    expect((await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)))).status).toBe(200);
  });

  it('revoke all its tokens (RFC 7662 §2.2: inactive afterwards), transfer, delete with the name typed', async () => {
    const app = await t.application({ name: 'To go' });
    const user = await t.user();
    const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret)));
    const { access_token } = (await body(res)) as { access_token: string };
    const revoked = await revokeApplicationTokens(ctx, app.id);
    expect(revoked).toMatchObject({ ok: true, value: { accessTokens: 1, refreshTokens: 1 } });
    const intro = await t.server.introspect(form('/o/introspect', { token: access_token }, basic(app.clientId, app.clientSecret)));
    expect((await body(intro)).active).toBe(false);

    expect(await transferApplication(ctx, app.id, 'nobody@example.com')).toMatchObject({ ok: false, code: 'no_account' });
    expect(await transferApplication(ctx, app.id, user.email)).toMatchObject({ ok: true });
    expect((await findApplicationForAdmin(t.db, app.id))?.ownerId).toBe(user.id);
    expect(await last('application.transferred')).toMatchObject({ userId: user.id, detail: { to: user.email } });

    expect(await deleteApplication(ctx, app.id, 'To')).toMatchObject({ ok: false, code: 'confirm' });
    expect(await deleteApplication(ctx, app.id, 'To go')).toMatchObject({ ok: true });
    expect(await findApplicationForAdmin(t.db, app.id)).toBeNull();
    expect(await last('application.deleted')).toMatchObject({ actorType: 'operator', clientId: app.clientId });
  });
});

describe('operators edit and delete any application through the application service', () => {
  it('edits one with no owner (command line) and a self-registered one; application.updated names the operator', async () => {
    const app = await t.application({ name: 'Ownerless', clientType: 'public', grantTypes: ['authorization_code'] });
    const update = { name: 'Ownerless renamed', redirectUris: ['https://client.example/cb', 'https://client.example/cb2'] };
    const result = await editApplication(ctx, app.id, update, t.deps.settings);
    expect(result).toMatchObject({ ok: true, value: { application: { name: 'Ownerless renamed', ownerId: null, redirectUris: update.redirectUris }, clientSecret: null } });
    expect(await last('application.updated')).toMatchObject({
      actorType: 'operator',
      actorId: operator.id,
      actorLabel: operator.email,
      clientId: app.clientId,
      userId: null,
      detail: { application: 'Ownerless renamed', changed: ['name', 'redirectUris'] },
    });

    // Self-registered (RFC 7591): the same form, the same rules; public → confidential shows a new secret once.
    await t.db.update(applications).set({ registeredVia: 'dynamic' }).where(eq(applications.id, app.id));
    const confidential = await editApplication(ctx, app.id, { clientType: 'confidential' }, t.deps.settings);
    expect(confidential.ok && confidential.value.clientSecret).toMatch(/^\S{32,}$/);
    expect(await last('application.updated')).toMatchObject({ actorType: 'operator', detail: { changed: ['clientType'], secretIssued: true } });

    // A value the rules refuse names its field; nothing is saved.
    await expect(editApplication(ctx, app.id, { redirectUris: ['not a url'] }, t.deps.settings)).rejects.toMatchObject({ field: 'redirectUris' });
    expect((await findApplicationForAdmin(t.db, app.id))?.name).toBe('Ownerless renamed');
    expect(await editApplication(ctx, 'not-a-uuid', update, t.deps.settings)).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('deletes with the name typed: application.deleted with the operator as actor, its tokens stop working', async () => {
    const owner = await t.user();
    const app = await t.application({ name: 'Someone Else’s', ownerId: owner.id });
    const tokens = await t.passwordGrant(app, owner);
    expect(await deleteApplication(ctx, app.id, 'Someone Else')).toMatchObject({ ok: false, code: 'confirm' });
    expect(await deleteApplication(ctx, app.id, ' Someone Else’s ')).toMatchObject({ ok: true, value: { accessTokens: 1, refreshTokens: 1 } });
    expect(await last('application.deleted')).toMatchObject({
      actorType: 'operator',
      actorId: operator.id,
      clientId: app.clientId,
      userId: owner.id,
      detail: { application: 'Someone Else’s', accessTokens: 1, refreshTokens: 1 },
    });
    // Gone with it: another application introspecting (RFC 7662 §4, a resource server) finds nothing active.
    const api = await t.application({ resourceServer: true });
    expect((await t.introspect(api, tokens.access_token)).active).toBe(false);
  });
});
