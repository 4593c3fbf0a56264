/**
 * The operator commands: createuser --operator, setoperator, disableuser, disableapplication,
 * listinitialaccesstokens, revokeinitialaccesstoken, and cleartokens' pruning of audit events
 * and unused self-registered clients. Each writes an audit event with an operator as actor.
 */
import { describe, expect, it } from 'vitest';
import { applications, auditEvents } from '@/drizzle/schema';
import { flushAudit } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import { findApplicationByClientIdForAdmin } from '@/lib/db/admin-applications';
import type { DbHandle } from '@/lib/db/types';
import { basic, body, form } from '@/lib/testing/oauth';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { UsageError, type Command } from './command';
import { cleartokens } from './cleartokens';
import { createinitialaccesstoken } from './createinitialaccesstoken';
import { createuser } from './createuser';
import { disableapplication } from './disableapplication';
import { disableuser } from './disableuser';
import { listinitialaccesstokens } from './listinitialaccesstokens';
import { revokeinitialaccesstoken } from './revokeinitialaccesstoken';
import { setoperator } from './setoperator';

const t = await createAuditedTestServer();

async function run(command: Command, values: Record<string, string | boolean>, positionals: string[] = []) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s), events: t.deps.events });
  await flushAudit();
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

const lastEvent = async (type: string) => (await listAuditEvents(t.db, { type }, 1)).rows[0];

describe('the operator role', () => {
  it('createuser --operator makes an operator; setoperator --off takes the role unless it is the last operator', async () => {
    const [created] = await run(createuser, { email: 'root@example.com', password: 'a long enough password', operator: true });
    expect(created).toMatchObject({ email: 'root@example.com', operator: true });
    expect((await findUserByEmailForAdmin(t.db, 'root@example.com'))?.operator).toBe(true);
    await expect(run(setoperator, { email: 'root@example.com', off: true })).rejects.toThrow(/last operator/);

    await run(createuser, { email: 'second@example.com', password: 'a long enough password' });
    expect(await run(setoperator, { email: 'second@example.com' })).toEqual([{ id: expect.any(String), email: 'second@example.com', operator: true }]);
    await run(setoperator, { email: 'root@example.com', off: true });
    expect((await findUserByEmailForAdmin(t.db, 'root@example.com'))?.operator).toBe(false);
    expect(await lastEvent('user.operator_revoked')).toMatchObject({ actorType: 'operator', actorLabel: expect.stringMatching(/^command line/) });
  });

  it('answers a one-line error for an unknown email', async () => {
    await expect(run(setoperator, { email: 'nobody@example.com' })).rejects.toBeInstanceOf(UsageError);
    await expect(run(setoperator, {})).rejects.toThrow(/--email/);
  });
});

describe('manage disableuser', () => {
  it('disables (password grant refused, tokens revoked), records user.disabled, and --enable undoes it', async () => {
    const app = await t.application();
    const user = await t.user();
    const grant = () => t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret)));
    const { access_token } = (await body(await grant())) as { access_token: string };
    const [out] = await run(disableuser, { email: user.email });
    expect(out).toMatchObject({ disabled: true, tokens_revoked: 2 });
    expect((await grant()).status).toBe(400);
    expect(await lastEvent('user.disabled')).toMatchObject({ actorType: 'operator', userId: user.id });
    await run(disableuser, { email: user.email, enable: true });
    expect((await grant()).status).toBe(200);
    // Revoked while disabled: enabling does not bring the old token back.
    const intro = await t.server.introspect(form('/o/introspect', { token: access_token }, basic(app.clientId, app.clientSecret)));
    expect((await body(intro)).active).toBe(false);
  });
});

describe('manage disableapplication', () => {
  it('RFC 6749 §5.2: a disabled client gets invalid_client; --enable restores it', async () => {
    const app = await t.application();
    const cc = () => t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)));
    await run(disableapplication, { 'client-id': app.clientId });
    const res = await cc();
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
    expect(await lastEvent('application.disabled')).toMatchObject({ actorType: 'operator', clientId: app.clientId });
    await run(disableapplication, { 'client-id': app.clientId, enable: true });
    expect((await cc()).status).toBe(200);
    await expect(run(disableapplication, { 'client-id': 'nope' })).rejects.toThrow(/no application/);
  });
});

describe('initial access tokens', () => {
  it('listinitialaccesstokens shows state and never the token; revokeinitialaccesstoken revokes once', async () => {
    const [created] = await run(createinitialaccesstoken, { description: 'ci' });
    const listed = (await run(listinitialaccesstokens, {}))[0] as unknown as { id: string; state: string }[];
    const row = listed.find((r) => r.id === created!.id)!;
    expect(row.state).toBe('active');
    expect(JSON.stringify(listed)).not.toContain(String(created!.token));
    await run(revokeinitialaccesstoken, {}, [String(created!.id)]);
    const again = (await run(listinitialaccesstokens, {}))[0] as unknown as { id: string; state: string }[];
    expect(again.find((r) => r.id === created!.id)!.state).toBe('revoked');
    await expect(run(revokeinitialaccesstoken, {}, [String(created!.id)])).rejects.toThrow(/no active initial access token/);
    expect(await lastEvent('initial_access_token.revoked')).toMatchObject({ actorType: 'operator', detail: { id: created!.id } });
  });
});

describe('manage cleartokens', () => {
  it('prunes audit events past OAUTH2_AUDIT_RETENTION_DAYS and self-registered clients unused after OAUTH2_UNUSED_CLIENT_DAYS', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    await t.db.insert(auditEvents).values([{ type: 'test.ancient', actorType: 'system', at: old }]);
    const unused = await t.application({ name: 'unused self-registered' });
    const used = await t.application({ name: 'used self-registered' });
    const fresh = await t.application({ name: 'fresh self-registered' });
    const { eq, inArray } = await import('drizzle-orm');
    await t.db.update(applications).set({ registeredVia: 'dynamic', createdAt: new Date(Date.now() - 31 * 86_400_000) }).where(inArray(applications.id, [unused.id, used.id]));
    await t.db.update(applications).set({ registeredVia: 'dynamic' }).where(eq(applications.id, fresh.id));
    expect((await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(used.clientId, used.clientSecret)))).status).toBe(200);

    const [out] = await run(cleartokens, { 'batch-size': '1' });
    expect(out!.removed).toMatchObject({ auditEvents: 1, dynamicClients: 1 });
    expect(await findApplicationByClientIdForAdmin(t.db, unused.clientId)).toBeNull();
    expect(await findApplicationByClientIdForAdmin(t.db, used.clientId)).not.toBeNull();
    expect(await findApplicationByClientIdForAdmin(t.db, fresh.clientId)).not.toBeNull();
    expect(await lastEvent('test.ancient')).toBeUndefined();
  });
});
