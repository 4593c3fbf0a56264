/**
 * The audit trail: each event is recorded by the path that causes it (the engine's events
 * through the subscriber, sign-in through lib/auth), with the request's id, address and user
 * agent, and never a token; a failed write never fails the action; retention prunes in batches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivityForUser, listAuditEvents, pruneAuditEvents, type AuditEvent } from '@/lib/db/audit';
import { createDashboardStore } from '@/lib/db/dashboard';
import type { Db } from '@/lib/db/types';
import { runWithRequestContext } from '@/lib/observability/request-context';
import { auditWriteFailures } from '@/lib/observability/metrics';
import { announceRevokedTokens } from '@/lib/server/revocation-events';
import { auditPasswordSignIn } from '@/lib/auth/sign-in-audit';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { auditEngineEvents } from './engine-events';
import { flushAudit, recordAudit, setAuditDatabase } from './index';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let off: () => void;

beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
  off = auditEngineEvents(t.deps.events, async () => t.store);
});
afterAll(() => {
  off();
  setAuditDatabase(null);
});

async function rows(filter: Parameters<typeof listAuditEvents>[1] = {}): Promise<AuditEvent[]> {
  await flushAudit();
  return (await listAuditEvents(t.db, filter, 100)).rows;
}

/** No column of any row holds this string (a token, code or secret). */
async function expectNowhere(secret: string) {
  const all = await rows();
  expect(JSON.stringify(all)).not.toContain(secret);
}

async function passwordTokens(app: { clientId: string; clientSecret: string }, user: { email: string; password: string }) {
  const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret)));
  expect(res.status).toBe(200);
  const b = await body(res);
  return { access: b.access_token as string, refresh: b.refresh_token as string };
}

describe('events from the engine', () => {
  it('token issuance and token_authenticated write no row (metrics count them; the token endpoint never waits on an insert)', async () => {
    const app = await t.application();
    const user = await t.user();
    const before = (await rows()).length;
    await passwordTokens(app, user);
    const cc = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)));
    expect(cc.status).toBe(200);
    t.deps.events.emit('token_authenticated', { applicationId: app.id, clientId: app.clientId, userId: user.id, scope: [] });
    expect((await rows()).length).toBe(before);
  });

  it('consent.granted: the user, the application and the scopes, with the request id, address and user agent', async () => {
    const app = await t.application({ name: 'Photo Printer' });
    const user = await t.user();
    const ctx = { requestId: 'req-consent-1', forwardedFor: '198.51.100.7', userAgent: 'Mozilla/5.0 test' };
    const code = await runWithRequestContext(ctx, () => t.authorizeCode(app, user.id, { scope: 'read' }));
    const [row] = await rows({ userId: user.id, type: 'consent.granted' });
    expect(row).toMatchObject({
      type: 'consent.granted',
      actorType: 'user',
      actorId: user.id,
      actorLabel: user.email,
      userId: user.id,
      clientId: app.clientId,
      requestId: 'req-consent-1',
      ip: '198.51.100.7',
      userAgent: 'Mozilla/5.0 test',
      detail: { scope: 'read', application: 'Photo Printer' },
    });
    await expectNowhere(code);
  });

  it('consent.denied when the user cancels the consent page', async () => {
    const app = await t.application();
    const user = await t.user();
    t.signIn(user.id);
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, scope: 'write' }));
    const id = new URL(res.headers.get('location')!, 'https://as.example').searchParams.get('request')!;
    const to = await t.server.decideAuthorization(id, { userId: user.id, authTime: Math.floor(Date.now() / 1000) }, { allow: false });
    expect(to).toContain('error=access_denied');
    const [row] = await rows({ userId: user.id, type: 'consent.denied' });
    expect(row).toMatchObject({ actorType: 'user', actorId: user.id, clientId: app.clientId, detail: { scope: 'write' } });
  });

  it('token.revoked by the client at /o/revoke_token (RFC 7009), naming the user, never the token', async () => {
    const app = await t.application({ name: 'Revoker' });
    const user = await t.user();
    const { refresh } = await passwordTokens(app, user);
    const res = await t.server.revoke(form('/o/revoke_token', { token: refresh }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(200);
    const [row] = await rows({ userId: user.id, type: 'token.revoked' });
    expect(row).toMatchObject({ actorType: 'application', actorId: app.clientId, actorLabel: 'Revoker', clientId: app.clientId, detail: { by: 'client', tokenType: 'refresh_token' } });
    await expectNowhere(refresh);
  });

  it('token.revoked by reuse detection (RFC 9700 §4.14.2), actor system', async () => {
    const app = await t.application();
    const user = await t.user();
    const { refresh } = await passwordTokens(app, user);
    const again = () => t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: refresh }, basic(app.clientId, app.clientSecret)));
    expect((await again()).status).toBe(200);
    t.advance(3600);
    expect((await again()).status).toBe(400);
    const [row] = await rows({ userId: user.id, type: 'token.revoked' });
    expect(row).toMatchObject({ actorType: 'system', detail: { by: 'refresh_reuse' } });
  });

  it('token.revoked once per act when a person revokes an authorization in the dashboard', async () => {
    const app = await t.application();
    const user = await t.user();
    await passwordTokens(app, user);
    await passwordTokens(app, user);
    const dashboard = createDashboardStore(t.db);
    const [authorization] = await dashboard.listAuthorizationsForUser(user.id);
    await dashboard.revokeAuthorizationForUser(authorization!.id, user.id, t.now(), (r) => announceRevokedTokens(t.deps.events, r, { source: 'user', userId: user.id }));
    const found = await rows({ userId: user.id, type: 'token.revoked' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ actorType: 'user', actorId: user.id, detail: { by: 'user', accessTokens: 2, refreshTokens: 2 } });
  });

  it('client.registered and rate_limit.lockout (account limits only, not every refused request)', async () => {
    const app = await t.application();
    t.deps.events.emit('client_registered', { applicationId: app.id, clientId: app.clientId, via: 'dynamic' });
    t.deps.events.emit('rate_limited', { limit: 'token_ip' });
    t.deps.events.emit('rate_limited', { limit: 'signin_account' });
    t.deps.events.emit('rate_limited', { limit: 'signin_account' });
    expect(await rows({ clientId: app.clientId, type: 'client.registered' })).toHaveLength(1);
    const lockouts = await rows({ type: 'rate_limit.lockout' });
    expect(lockouts.map((r) => r.detail)).toEqual([{ limit: 'signin_account' }]);
  });
});

describe('sign-in', () => {
  it('sign_in.succeeded belongs to the user; a wrong password is sign_in.failed with the address typed and no user id', async () => {
    const user = await t.user();
    await auditPasswordSignIn(user.email, { outcome: 'signed_in', user });
    await auditPasswordSignIn('Nobody@Example.com', { outcome: 'wrong_credentials' });
    expect((await rows({ userId: user.id, type: 'sign_in.succeeded' }))[0]).toMatchObject({ actorId: user.id, detail: { method: 'password' } });
    const [failed] = await rows({ type: 'sign_in.failed' });
    expect(failed).toMatchObject({ userId: null, actorLabel: 'nobody@example.com', detail: { reason: 'wrong_credentials' } });
  });

  it('a wrong password on an existing account shows in its owner’s activity', async () => {
    const user = await t.user();
    await auditPasswordSignIn(user.email, { outcome: 'wrong_credentials', userId: user.id });
    await flushAudit();
    const { rows: mine } = await listActivityForUser(t.db, user.id, 10);
    expect(mine.map((r) => r.type)).toEqual(['sign_in.failed']);
  });
});

describe('recordAudit', () => {
  it('drops detail keys that name credentials', async () => {
    const user = await t.user();
    await recordAudit({ type: 'password.changed', actor: { type: 'user', id: user.id }, userId: user.id, detail: { password: 'hunter2', token: 'abc', code: 'xyz', reason: 'ok' } });
    const [row] = await rows({ userId: user.id });
    expect(row!.detail).toEqual({ reason: 'ok' });
  });

  it('never throws: a failed write is logged and counted, and the caller carries on', async () => {
    const broken = { insert: () => ({ values: async () => Promise.reject(new Error('database is down')) }) } as unknown as Db;
    const before = (await auditWriteFailures.get()).values[0]?.value ?? 0;
    setAuditDatabase(broken);
    try {
      await expect(recordAudit({ type: 'sign_out', actor: { type: 'system' } })).resolves.toBeUndefined();
    } finally {
      setAuditDatabase(t.db);
    }
    expect((await auditWriteFailures.get()).values[0]?.value).toBe(before + 1);
  });
});

describe('a person’s activity and retention', () => {
  it('/account/activity lists the person’s own events only', async () => {
    const user = await t.user();
    const other = await t.user();
    const app = await t.application();
    await t.authorizeCode(app, user.id, { scope: 'read' });
    await t.authorizeCode(app, other.id, { scope: 'read' });
    await flushAudit();
    const { rows: mine } = await listActivityForUser(t.db, user.id, 50);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.userId === user.id)).toBe(true);
  });

  it('OAUTH2_AUDIT_RETENTION_DAYS: rows older than the cutoff are deleted in batches, newer ones kept', async () => {
    const { auditEvents } = await import('@/drizzle/schema');
    const old = new Date(Date.now() - 400 * 86_400_000);
    await t.db.insert(auditEvents).values(Array.from({ length: 5 }, () => ({ type: 'test.old', actorType: 'system' as const, at: old })));
    await recordAudit({ type: 'test.new', actor: { type: 'system' } });
    await flushAudit();
    const removed = await pruneAuditEvents(t.db, new Date(Date.now() - 365 * 86_400_000), 2);
    expect(removed).toBe(5);
    expect(await rows({ type: 'test.old' })).toHaveLength(0);
    expect(await rows({ type: 'test.new' })).toHaveLength(1);
  });
});
