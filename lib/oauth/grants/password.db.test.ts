/**
 * RFC 6749 §4.3 password grant: what it costs to ask about an account that does not exist, and
 * where its tokens show up for their owner.
 */
import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/lib/db/dashboard';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { verifyPasswordOrNothing } from '@/lib/auth/password';

/** The test server's verifyPassword, counting calls and the hashes it was given. */
function countingVerify() {
  const hashes: (string | null)[] = [];
  return {
    hashes,
    verifyPassword: async (hash: string | null, password: string) => {
      hashes.push(hash);
      return hash === `hash:${password}`;
    },
  };
}

describe('RFC 6749 §4.3 password grant: no account listing by timing (RFC 9700 §4.15)', () => {
  it('an unknown email costs one password verification, like a wrong password', async () => {
    const counting = countingVerify();
    const t = await createTestServer({}, { verifyPassword: counting.verifyPassword });
    const app = await t.application({ grantTypes: ['password'] });
    const user = await t.user();
    const ask = (username: string) =>
      t.server.token(form('/o/token', { grant_type: 'password', username, password: 'guess' }, basic(app.clientId, app.clientSecret)));

    const unknown = await ask('nobody-here@example.com');
    const wrong = await ask(user.email);
    // The same answer for both...
    expect(unknown.status).toBe(400);
    expect(await body(unknown)).toEqual(await body(wrong));
    // ...after the same work: one verification each (the unknown one against no stored hash).
    expect(counting.hashes).toEqual([null, `hash:${user.password}`]);
  });

  it('the server verifies a null hash against a dummy argon2 hash and says no', async () => {
    const started = performance.now();
    expect(await verifyPasswordOrNothing(null, 'guess')).toBe(false);
    // argon2id at 32 MiB and 4 passes: an unknown account is not answered instantly.
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});

describe('password grant tokens under Authorized applications', () => {
  it('lists the grant for its owner and revokes its tokens from there', async () => {
    const t = await createTestServer();
    const dashboard = createDashboardStore(t.db);
    const app = await t.application({ name: 'Legacy CLI', grantTypes: ['password'] });
    const user = await t.user();
    const res = await t.server.token(
      form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope: 'read' }, basic(app.clientId, app.clientSecret)),
    );
    expect(res.status).toBe(200);
    const { access_token: accessToken, refresh_token: refreshToken } = (await body(res)) as { access_token: string; refresh_token: string };

    const [listed, ...others] = await dashboard.listAuthorizationsForUser(user.id, t.now());
    expect(others).toEqual([]);
    expect(listed).toMatchObject({ applicationId: app.id, applicationName: 'Legacy CLI', scopes: ['read'], activeTokenCount: 1 });

    expect(await dashboard.revokeAuthorizationForUser(listed!.id, user.id, t.now())).toBe(true);
    expect(await dashboard.listAuthorizationsForUser(user.id, t.now())).toEqual([]);
    // RFC 7662 §2.2: both tokens are inactive now; RFC 6749 §6: the refresh token no longer works.
    const introspect = await t.server.introspect(form('/o/introspect', { token: accessToken }, basic(app.clientId, app.clientSecret)));
    expect(await body(introspect)).toEqual({ active: false });
    const refreshed = await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: refreshToken }, basic(app.clientId, app.clientSecret)));
    expect(refreshed.status).toBe(400);
    expect((await body(refreshed)).error).toBe('invalid_grant');
  });
});
