/**
 * endUserAccess (issue 17): a password change, reset, account deletion or a disabled user ends
 * the person's sessions and, unless kept, every token their applications hold. What a client
 * sees afterwards: RFC 6749 §5.2 invalid_grant for the refresh token, RFC 7662 §2.2
 * active:false for the access token.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { auditEngineEvents } from '@/lib/audit/engine-events';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { listActivityForUser } from '@/lib/db/audit';
import { createDashboardStore } from '@/lib/db/dashboard';
import { createSessionStore } from '@/lib/db/sessions';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { endAccess } from './end-access';
import { checkSession, startSession } from './sessions';

const t = await createTestServer();
const sessions = createSessionStore(t.db);
const dashboard = createDashboardStore(t.db);
// The audit trail hears the test server's bus, as lib/server/events' subscriber does in the app.
setAuditDatabase(t.db);
const offAudit = auditEngineEvents(t.deps.events, async () => t.deps.store);
afterAll(() => {
  offAudit();
  setAuditDatabase(null);
});

const newSession = (userId: string) => startSession(sessions, { userId, origin: { ip: null, userAgent: null }, authMethods: ['pwd'], now: t.now(), maxAgeSeconds: 3600 });

function run(userId: string, options: Parameters<typeof endAccess>[2] = { cause: { source: 'user', reason: 'password_change' } }) {
  return endAccess({ sessions, tokens: dashboard, events: t.deps.events, now: t.now() }, userId, options);
}

describe('endUserAccess: every session and every application token', () => {
  it('RFC 6749 §5.2: the refresh token is then invalid_grant, and RFC 7662: the access token inactive', async () => {
    const user = await t.user();
    const other = await t.user();
    const appA = await t.application({ grantTypes: ['password'] });
    const appB = await t.application({ grantTypes: ['password'] });
    const a = await t.passwordGrant(appA, user);
    const b = await t.passwordGrant(appB, user);
    const untouched = await t.passwordGrant(appA, other);
    const here = await newSession(user.id);
    const elsewhere = await newSession(user.id);
    const revoked: string[] = [];
    t.deps.events.on('token_revoked', (e) => void revoked.push(`${e.clientId}:${e.tokenType}`));

    expect(await run(user.id)).toEqual({ sessionsEnded: 2, tokensRevoked: 4 });

    for (const [app, tokens] of [[appA, a], [appB, b]] as const) {
      const res = await t.refresh(app, tokens.refresh_token);
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_grant');
      expect(await t.introspect(app, tokens.access_token)).toEqual({ active: false });
    }
    expect(await checkSession(sessions, here.secret, t.now())).toBeNull();
    expect(await checkSession(sessions, elsewhere.secret, t.now())).toBeNull();
    // Announced as every other revocation path does: one token_revoked per live token.
    expect(revoked.sort()).toEqual([`${appA.clientId}:access_token`, `${appA.clientId}:refresh_token`, `${appB.clientId}:access_token`, `${appB.clientId}:refresh_token`].sort());
    // Another person's tokens are not touched.
    expect((await t.refresh(appA, untouched.refresh_token)).status).toBe(200);
  });

  it('keeps the session that made the change, and the tokens when asked ("Keep apps signed in")', async () => {
    const user = await t.user();
    const app = await t.application({ grantTypes: ['password'] });
    const tokens = await t.passwordGrant(app, user);
    const here = await newSession(user.id);
    const elsewhere = await newSession(user.id);

    expect(await run(user.id, { exceptSessionId: here.sessionId, keepTokens: true, cause: { source: 'user', reason: 'password_change' } })).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect(await checkSession(sessions, here.secret, t.now())).not.toBeNull();
    expect(await checkSession(sessions, elsewhere.secret, t.now())).toBeNull();
    expect((await t.introspect(app, tokens.access_token)).active).toBe(true);
    expect((await t.refresh(app, tokens.refresh_token)).status).toBe(200);
  });

  it('an authorization code not yet exchanged is refused afterwards (RFC 6749 §4.1.3 invalid_grant)', async () => {
    const user = await t.user();
    const app = await t.application({ grantTypes: ['authorization_code'], skipAuthorization: true });
    const code = await t.authorizeCode(app, user.id, { redirect_uri: 'https://client.example/cb', scope: 'read', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' });
    await run(user.id);
    const res = await t.server.token(
      form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb', code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' }, basic(app.clientId, app.clientSecret)),
    );
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_grant');
  });

  it('the token.revoked rows say why and whose: on the person’s activity (a password change by them; disabled by an operator)', async () => {
    const user = await t.user();
    const app = await t.application({ name: 'Cause App', grantTypes: ['password'] });
    await t.passwordGrant(app, user);
    await run(user.id, { cause: { source: 'user', reason: 'password_reset' } });
    await t.passwordGrant(app, user);
    await run(user.id, { cause: { source: 'operator', reason: 'account_disabled' } });
    await flushAudit();
    const rows = (await listActivityForUser(t.db, user.id, 10)).rows.filter((r) => r.type === 'token.revoked');
    expect(rows.map((r) => [r.actorType, r.actorLabel, r.userId, r.clientId, r.detail])).toEqual([
      ['operator', null, user.id, app.clientId, { by: 'operator', reason: 'account_disabled', accessTokens: 1, refreshTokens: 1, application: 'Cause App' }],
      ['user', user.email, user.id, app.clientId, { by: 'user', reason: 'password_reset', accessTokens: 1, refreshTokens: 1, application: 'Cause App' }],
    ]);
  });
});
