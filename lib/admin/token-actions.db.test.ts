/**
 * The console's Tokens page: finding tokens by person and application (status, paging, no token
 * value anywhere), and revoking one or all shown, through the server's revocation (introspection
 * says inactive afterwards), announced per token and recorded with the operator as actor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { setUserOperator } from '@/lib/db/admin-users';
import { searchTokens, type TokenFilter } from '@/lib/db/admin-tokens';
import { listAuditEvents } from '@/lib/db/audit';
import type { DbHandle } from '@/lib/db/types';
import { createTestServer } from '@/lib/testing/oauth';
import { cliOperatorContext } from './cli-context';
import type { OperatorContext } from './context';
import { readTokenQuery, resolveTokenFilter, tokensHref } from './token-filter';
import { revokeShownTokens, revokeToken } from './token-actions';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let operator: Awaited<ReturnType<T['user']>>;
let ctx: OperatorContext;

beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
  operator = await t.user('tokens-ops@example.com');
  await setUserOperator(t.db, operator.id, true);
  ctx = { ...cliOperatorContext({ db: t.db } as DbHandle, t.deps.events), actor: { id: operator.id, label: operator.email }, operatorEmails: [] };
});
afterAll(() => setAuditDatabase(null));

const filter = (f: Partial<TokenFilter>): TokenFilter => ({ status: 'any', now: t.now(), refreshTokenExpireSeconds: null, ...f });
const lastAudit = async () => {
  await flushAudit();
  return (await listAuditEvents(t.db, { type: 'token.revoked' }, 1)).rows[0];
};

describe('finding tokens', () => {
  it('by person and by application, newest first, with status, paged; never a digest', async () => {
    const app = await t.application({ name: 'Finder App' });
    const other = await t.application({ name: 'Other App' });
    const user = await t.user();
    await t.passwordGrant(app, user);
    t.advance(1);
    await t.passwordGrant(other, user);

    const byUser = await searchTokens(t.db, filter({ userId: user.id }), 0, 10);
    expect(byUser.total).toBe(4);
    expect(byUser.rows.map((r) => [r.kind, r.applicationName, r.status])).toEqual([
      ['access', 'Other App', 'active'],
      ['refresh', 'Other App', 'active'],
      ['access', 'Finder App', 'active'],
      ['refresh', 'Finder App', 'active'],
    ]);
    expect(byUser.rows[0]).toMatchObject({ userEmail: user.email, clientId: other.clientId, scope: 'read', expiresAt: expect.any(Date), createdAt: expect.any(Date) });
    expect(byUser.rows[1]!.expiresAt).toBeNull(); // no refresh lifetime configured
    expect(JSON.stringify(byUser.rows)).not.toMatch(/digest/i);

    const byBoth = await searchTokens(t.db, filter({ userId: user.id, applicationIds: [app.id] }), 0, 10);
    expect(byBoth.rows.map((r) => r.applicationName)).toEqual(['Finder App', 'Finder App']);
    const paged = await searchTokens(t.db, filter({ userId: user.id }), 3, 2);
    expect(paged).toMatchObject({ total: 4, rows: [{ applicationName: 'Finder App', kind: 'refresh' }] });

    // A refresh lifetime makes refresh tokens expire; the access token's own expiry passes too.
    t.advance(40_000); // past the access token's lifetime (OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS, 36000)
    const later = await searchTokens(t.db, filter({ userId: user.id, now: t.now(), refreshTokenExpireSeconds: 3600, status: 'expired' }), 0, 10);
    expect(later.total).toBe(4);
    expect(later.rows.every((r) => r.status === 'expired')).toBe(true);
    expect((await searchTokens(t.db, filter({ userId: user.id, now: t.now(), status: 'active' }), 0, 10)).rows.map((r) => r.kind)).toEqual(['refresh', 'refresh']);
  });

  it('reads the filter from the query string: email, client_id or name; a name that matches nothing gives a reason', async () => {
    const app = await t.application({ name: 'Named Once' });
    const user = await t.user();
    expect(readTokenQuery({ user: ` ${user.email} `, status: 'bogus', page: '-3' })).toEqual({ user: user.email, application: '', status: 'any', page: 1 });
    expect(await resolveTokenFilter(t.db, readTokenQuery({ user: user.email.toUpperCase(), application: app.clientId }))).toMatchObject({
      user: { id: user.id },
      applications: [{ id: app.id }],
      problem: null,
    });
    expect(await resolveTokenFilter(t.db, readTokenQuery({ application: 'named once' }))).toMatchObject({ applications: [{ id: app.id }], problem: null });
    expect((await resolveTokenFilter(t.db, readTokenQuery({ user: 'nobody@example.com' }))).problem).toEqual({ key: 'noAccount', value: 'nobody@example.com' });
    expect((await resolveTokenFilter(t.db, readTokenQuery({ application: "x' or 1=1 --" }))).problem).toEqual({ key: 'noApplication', value: "x' or 1=1 --" });
    expect(await searchTokens(t.db, filter({ userId: 'not-a-uuid' }), 0, 10)).toEqual({ rows: [], total: 0 });
    expect(tokensHref({ user: 'a@b.c', status: 'active', page: 2 }, { notice: 'x' })).toBe('/admin/tokens?user=a%40b.c&status=active&page=2&notice=x');
  });
});

describe('revoking from the Tokens page', () => {
  it('RFC 7662 §2.2: one access token is inactive afterwards, the rest stay; recorded with the operator as actor', async () => {
    const app = await t.application({ name: 'One Revoked' });
    const user = await t.user();
    const tokens = await t.passwordGrant(app, user);
    const [access] = (await searchTokens(t.db, filter({ applicationIds: [app.id], now: t.now() }), 0, 10)).rows.filter((r) => r.kind === 'access');
    const seen: unknown[] = [];
    const off = t.deps.events.on('token_revoked', (e) => void seen.push(e));
    expect(await revokeToken(ctx, 'access', access!.id)).toEqual({ ok: true, value: 1 });
    off();
    expect(seen).toEqual([{ applicationId: app.id, clientId: app.clientId, userId: user.id, source: 'operator', tokenType: 'access_token' }]);
    expect((await t.introspect(app, tokens.access_token)).active).toBe(false);
    expect((await t.refresh(app, tokens.refresh_token)).status).toBe(200); // the refresh token still works
    expect(await lastAudit()).toMatchObject({
      actorType: 'operator',
      actorId: operator.id,
      actorLabel: operator.email,
      userId: user.id,
      clientId: app.clientId,
      detail: { by: 'operator', tokenType: 'access_token', accessTokens: 1, refreshTokens: 0, application: 'One Revoked' },
    });
    // Again: no longer active, nothing changes.
    expect(await revokeToken(ctx, 'access', access!.id)).toMatchObject({ ok: false, code: 'not_active' });
    expect(await revokeToken(ctx, 'code', access!.id)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revokeToken(ctx, 'access', Number.NaN)).toMatchObject({ ok: false, code: 'not_active' });
  });

  it('RFC 7009 §2.1: a refresh token takes its chain with it (the refresh grant then fails)', async () => {
    const app = await t.application();
    const user = await t.user();
    const tokens = await t.passwordGrant(app, user);
    const [refresh] = (await searchTokens(t.db, filter({ applicationIds: [app.id], now: t.now() }), 0, 10)).rows.filter((r) => r.kind === 'refresh');
    expect(await revokeToken(ctx, 'refresh', refresh!.id)).toEqual({ ok: true, value: 2 });
    expect((await t.introspect(app, tokens.access_token)).active).toBe(false);
    const res = await t.refresh(app, tokens.refresh_token);
    expect(res.status).toBe(400);
    expect((await searchTokens(t.db, filter({ applicationIds: [app.id], now: t.now(), status: 'revoked' }), 0, 10)).total).toBe(2);
  });

  it('all shown: a person at one application (other applications keep theirs), a person, an application', async () => {
    const app = await t.application({ name: 'Shown A' });
    const other = await t.application({ name: 'Shown B' });
    const user = await t.user();
    const a = await t.passwordGrant(app, user);
    const b = await t.passwordGrant(other, user);
    expect(await revokeShownTokens(ctx, { userId: user.id, applicationId: app.id })).toEqual({ ok: true, value: 2 });
    expect((await t.introspect(app, a.access_token)).active).toBe(false);
    expect((await t.introspect(other, b.access_token)).active).toBe(true);
    expect(await lastAudit()).toMatchObject({ actorType: 'operator', userId: user.id, clientId: app.clientId, detail: { by: 'operator', accessTokens: 1, refreshTokens: 1 } });

    expect(await revokeShownTokens(ctx, { userId: user.id })).toEqual({ ok: true, value: 2 });
    expect((await t.introspect(other, b.access_token)).active).toBe(false);

    const c = await t.passwordGrant(other, await t.user());
    expect(await revokeShownTokens(ctx, { applicationId: other.id })).toEqual({ ok: true, value: 2 });
    expect((await t.introspect(other, c.access_token)).active).toBe(false);
    expect(await lastAudit()).toMatchObject({ actorType: 'operator', clientId: other.clientId, detail: { by: 'operator' } });

    expect(await revokeShownTokens(ctx, {})).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revokeShownTokens(ctx, { userId: user.id, applicationId: 'nope' })).toMatchObject({ ok: false, code: 'not_found' });
  });
});
