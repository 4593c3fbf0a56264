/**
 * Issue 19: the `roles` scope and the deployer's claims module (Deps.extraClaims). Roles reach
 * the ID token, userinfo, introspection and JWT access tokens only with the scope; the module's
 * claims reach each kind it is asked for, can never replace the engine's own claims, and a module
 * that throws or answers a non-object fails the request with server_error before any token.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAuditDatabase, flushAudit } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import type { DbHandle } from '@/lib/db/types';
import { setroles } from '@/lib/manage/setroles';
import { UsageError } from '@/lib/manage/command';
import type { ExtraClaims, ExtraClaimsInput } from '../claims-extension';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;

async function codeTokens(t: T, app: { clientId: string; clientSecret: string; redirectUris: string[] }, userId: string, scope: string) {
  const code = await t.authorizeCode(app, userId, { scope, nonce: 'n-1' });
  const res = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0]! }, basic(app.clientId, app.clientSecret)));
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; id_token: string; refresh_token: string };
}

const userinfo = async (t: T, token: string) => t.server.userinfo(get('/o/userinfo', {}, { Authorization: `Bearer ${token}` }));

async function setRolesByCli(t: T, email: string, roles: string) {
  const lines: string[] = [];
  await setroles.run({ args: { values: { email, roles }, positionals: [] }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s), events: t.deps.events });
  await flushAudit();
  return JSON.parse(lines[0]!) as { roles: string[] };
}

describe('issue 19: roles', () => {
  let t: T;
  beforeAll(async () => {
    t = await createTestServer();
    setAuditDatabase(t.db);
  });
  afterAll(() => setAuditDatabase(null));

  it('manage setroles replaces the roles, writes user.roles_changed, and refuses a bad name in one line', async () => {
    const user = await t.user();
    expect(await setRolesByCli(t, user.email, 'billing admin billing')).toMatchObject({ roles: ['billing', 'admin'] });
    const [event] = (await listAuditEvents(t.db, { type: 'user.roles_changed' }, 1)).rows;
    expect(event).toMatchObject({ userId: user.id, actorType: 'operator', detail: expect.objectContaining({ roles: ['billing', 'admin'], previous: [] }) });
    await expect(setRolesByCli(t, user.email, 'ok bad/name')).rejects.toThrow(/^--roles: "bad\/name" is not a role name/);
    await expect(setRolesByCli(t, user.email, 'ok bad/name')).rejects.toBeInstanceOf(UsageError);
    expect((await t.store.findUserById(user.id))!.roles).toEqual(['billing', 'admin']); // the refused call changed nothing
    expect(await setRolesByCli(t, user.email, '')).toMatchObject({ roles: [] });
  });

  it('OIDC Core §5.4 / RFC 7662 §2.2: the roles scope releases roles in the ID token, userinfo and introspection', async () => {
    const app = await t.application();
    const user = await t.user();
    await setRolesByCli(t, user.email, 'billing admin');
    const tokens = await codeTokens(t, app, user.id, 'openid roles');
    expect(decodeJwt(tokens.id_token).roles).toEqual(['billing', 'admin']);
    expect(await (await userinfo(t, tokens.access_token)).json()).toEqual({ sub: user.id, roles: ['billing', 'admin'] });
    expect(await t.introspect(app, tokens.access_token)).toMatchObject({ active: true, roles: ['billing', 'admin'] });
  });

  it('without the roles scope nothing about roles is released; with it and no roles, an empty list', async () => {
    const app = await t.application();
    const user = await t.user();
    await setRolesByCli(t, user.email, 'secret-role');
    const tokens = await codeTokens(t, app, user.id, 'openid email');
    expect(decodeJwt(tokens.id_token)).not.toHaveProperty('roles');
    expect(await (await userinfo(t, tokens.access_token)).json()).not.toHaveProperty('roles');
    expect(await t.introspect(app, tokens.access_token)).not.toHaveProperty('roles');

    const none = await t.user();
    const noRoles = await codeTokens(t, app, none.id, 'openid roles');
    expect(decodeJwt(noRoles.id_token).roles).toEqual([]);
  });

  it('RFC 9068 §2.2.3.1: a JWT access token carries roles with the scope', async () => {
    const app = await t.application({ accessTokenFormat: 'jwt' });
    const user = await t.user();
    await setRolesByCli(t, user.email, 'auditor');
    const tokens = await codeTokens(t, app, user.id, 'openid roles');
    expect(decodeJwt(tokens.access_token).roles).toEqual(['auditor']);
    const plain = await codeTokens(t, app, user.id, 'openid');
    expect(decodeJwt(plain.access_token)).not.toHaveProperty('roles');
  });

  it('a role change reaches the next answer (userinfo reads the account, not the token)', async () => {
    const app = await t.application();
    const user = await t.user();
    const tokens = await codeTokens(t, app, user.id, 'openid roles');
    await setRolesByCli(t, user.email, 'promoted');
    expect(await (await userinfo(t, tokens.access_token)).json()).toMatchObject({ roles: ['promoted'] });
    expect(await t.introspect(app, tokens.access_token)).toMatchObject({ roles: ['promoted'] });
  });
});

describe('issue 19: the claims module (Deps.extraClaims)', () => {
  const calls: ExtraClaimsInput[] = [];
  const extension: ExtraClaims = (input) => {
    calls.push(input);
    // Tries every protected name the issue lists: none may reach a token.
    return { tenant: 'acme', kind_seen: input.kind, iss: 'https://evil.example', sub: 'someone-else', aud: 'x', exp: 1, iat: 1, nonce: 'forged', client_id: 'forged' };
  };
  let t: T;
  beforeAll(async () => {
    t = await createTestServer({}, { extraClaims: extension });
  });

  it('adds its claims to the ID token, userinfo, introspection and JWT access tokens, with the kind, user, client and scopes', async () => {
    const app = await t.application({ accessTokenFormat: 'jwt' });
    const user = await t.user();
    calls.length = 0;
    const tokens = await codeTokens(t, app, user.id, 'openid email');
    const id = decodeJwt(tokens.id_token);
    expect(id).toMatchObject({ tenant: 'acme', kind_seen: 'id_token', sub: user.id, aud: app.clientId, nonce: 'n-1' });
    expect(id.iss).toBe(t.settings.issuer);
    const at = decodeJwt(tokens.access_token);
    expect(at).toMatchObject({ tenant: 'acme', kind_seen: 'access_token', sub: user.id, client_id: app.clientId });
    expect(at.nonce).toBeUndefined();
    expect(await (await userinfo(t, tokens.access_token)).json()).toMatchObject({ tenant: 'acme', kind_seen: 'userinfo', sub: user.id });
    const intro = await t.introspect(app, tokens.access_token);
    expect(intro).toMatchObject({ active: true, tenant: 'acme', kind_seen: 'introspection', sub: user.id, client_id: app.clientId });
    expect(intro.iss).toBeUndefined();
    expect(calls.map((c) => c.kind).sort()).toEqual(['access_token', 'id_token', 'introspection', 'userinfo']);
    for (const c of calls) {
      expect(c.user?.id).toBe(user.id);
      expect(c.client.clientId).toBe(app.clientId);
      expect(c.scopes).toEqual(['openid', 'email']);
    }
  });

  it('is called with user null for a client credentials JWT access token', async () => {
    const app = await t.application({ accessTokenFormat: 'jwt', grantTypes: ['client_credentials'], redirectUris: [] });
    calls.length = 0;
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret)));
    const at = decodeJwt(((await res.json()) as { access_token: string }).access_token);
    expect(at).toMatchObject({ tenant: 'acme', sub: app.clientId });
    expect(calls).toMatchObject([{ kind: 'access_token', user: null }]);
  });
});

describe('issue 19: a claims module that fails', () => {
  for (const [what, extension] of [
    ['throws', (() => { throw new Error('directory down'); }) as ExtraClaims],
    ['returns a non-object', (() => 'not claims') as unknown as ExtraClaims],
    ['returns an array', (() => ['a']) as unknown as ExtraClaims],
  ] as const) {
    it(`RFC 6749 §5.2: a module that ${what} fails the token request with server_error and issues nothing`, async () => {
      const t = await createTestServer({}, { extraClaims: extension });
      const app = await t.application({ accessTokenFormat: 'jwt' });
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, { scope: 'openid' });
      const res = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0]! }, basic(app.clientId, app.clientSecret)));
      expect(res.status).toBe(500);
      expect(await body(res)).toMatchObject({ error: 'server_error' });
      // The JWT is built before anything is stored: no token exists for this user.
      const active = await t.db.execute(`select count(*)::int as n from access_tokens where user_id = '${user.id}'`);
      const rows = Array.isArray(active) ? active : (active as { rows: { n: number }[] }).rows;
      expect(Number((rows[0] as { n: number }).n)).toBe(0);
    });
  }
});
