/**
 * OAUTH2_SIGNUP=verified at the authorization endpoint: an account the hold names (unverified)
 * is sent to /verify-email and gets no code; prompt=none answers interaction_required; the
 * password grant refuses it. Deps.accountHold is what lib/server/oauth-server.ts wires to
 * lib/accounts/verification-settings.ts `verificationHold` (unit-tested there), with the account
 * the caller already loaded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';

describe('authorization for an account that must verify its email first', () => {
  let t: Awaited<ReturnType<typeof createTestServer>>;
  const held = new Set<string>();
  const asked: { id: string; emailVerified: boolean }[] = [];

  beforeAll(async () => {
    t = await createTestServer(
      { pkceRequired: false },
      {
        accountHold: (account) => {
          asked.push({ id: account.id, emailVerified: account.emailVerified });
          return held.has(account.id) ? '/verify-email' : null;
        },
      },
    );
  });

  it('the hold reads the account as already loaded: the session says whether the address is verified', async () => {
    const app = await t.application({ skipAuthorization: true });
    const u = await t.user();
    for (const verified of [true, false]) {
      asked.length = 0;
      t.signIn(u.id, undefined, verified);
      await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: 'https://client.example/cb', scope: 'read' }));
      expect(asked).toEqual([{ id: u.id, emailVerified: verified }]);
    }
  });

  it('RFC 6749 §4.1.1: /o/authorize sends the browser to /verify-email, keeping the request to resume', async () => {
    const app = await t.application({ skipAuthorization: true });
    const u = await t.user();
    held.add(u.id);
    t.signIn(u.id);
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: 'https://client.example/cb', scope: 'read' }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!, 'https://as.example');
    expect(location.pathname).toBe('/verify-email');
    const next = location.searchParams.get('next')!;
    expect(next).toMatch(/^\/o\/authorize\?pending=/);

    // Once verified, the same request resumes and completes (skip authorization: straight to the client).
    held.delete(u.id);
    const resumed = await t.server.authorize(get(next));
    expect(resumed.headers.get('location')).toMatch(/^https:\/\/client\.example\/cb\?code=/);
  });

  it('OIDC Core §3.1.2.6: prompt=none answers interaction_required to the client', async () => {
    const app = await t.application();
    const u = await t.user();
    held.add(u.id);
    t.signIn(u.id);
    const res = await t.server.authorize(
      get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: 'https://client.example/cb', scope: 'read', prompt: 'none', state: 's1' }),
    );
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://client.example/cb');
    expect(location.searchParams.get('error')).toBe('interaction_required');
    expect(location.searchParams.get('state')).toBe('s1');
  });

  it('RFC 6749 §4.3: the password grant refuses the account with invalid_grant', async () => {
    const app = await t.application();
    const u = await t.user();
    held.add(u.id);
    const res = await t.server.token(form('/o/token', { grant_type: 'password', username: u.email, password: u.password, scope: 'read' }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual({ error: 'invalid_grant', error_description: 'the user must verify their email address first' });
  });
});
