/**
 * Reuse detection against issuance at the same moment (RFC 6749 §4.1.2, RFC 9700 §4.14.2): a
 * replayed code or reused refresh token revokes the grant, and a token minted concurrently from
 * the same code or refresh token must not survive that revocation. The deterministic tests put
 * the revocation exactly between the claim and the insert; the races run both requests at once
 * many times (real concurrency with TEST_DATABASE_URL on PostgreSQL; interleaved on PGlite).
 */
import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/lib/db/dashboard';
import { createOAuthServer } from '@/lib/oauth';
import { digest } from '@/lib/oauth/secrets';
import type { Store } from '@/lib/oauth/store';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();

/** The engine over a store whose issueTokens first lets `before` run (a revocation landing just then). */
function withRevocationBeforeInsert(before: (from: Parameters<Store['issueTokens']>[2]) => Promise<void>) {
  const store: Store = {
    ...t.store,
    async issueTokens(access, refresh, from) {
      await before(from);
      return t.store.issueTokens(access, refresh, from);
    },
  };
  return createOAuthServer({ ...t.deps, store });
}

async function activeTokens(where: string): Promise<number> {
  const rows = await t.db.execute(
    `select (select count(*) from access_tokens where ${where} and revoked_at is null) + (select count(*) from refresh_tokens where ${where} and revoked_at is null) as n`,
  );
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number | string }[];
  return Number(list[0]!.n);
}

describe(`replay revocation and issuance agree, on ${testDatabaseKind}`, () => {
  it('RFC 6749 §4.1.2: a code revoked between its claim and the insert issues nothing (invalid_grant)', async () => {
    const app = await t.application();
    const user = await t.user();
    const code = await t.authorizeCode(app, user.id);
    const server = withRevocationBeforeInsert(async (from) => {
      if (from && 'authorizationCodeId' in from) await t.store.revokeTokensFromCode(from.authorizationCodeId, t.now());
    });
    const res = await server.token(form('/o/token', { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(400);
    expect(await body(res)).toEqual({ error: 'invalid_grant', error_description: 'the grant was revoked while the tokens were being issued' });
    expect(await activeTokens(`application_id = '${app.id}'`)).toBe(0);
  });

  it('RFC 9700 §4.14.2: a refresh token revoked between its claim and the insert issues nothing (invalid_grant)', async () => {
    const app = await t.application();
    const user = await t.user();
    const auth = basic(app.clientId, app.clientSecret);
    const first = await body(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, auth)));
    const parent = (await t.store.findRefreshToken(digest(String(first.refresh_token))))!;
    const server = withRevocationBeforeInsert(async () => t.store.revokeTokenFamily(parent.familyId, t.now()));
    const res = await server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, auth));
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_grant');
    expect(await activeTokens(`family_id = '${parent.familyId}'`)).toBe(0);
  });

  it('OAUTH2_ROTATE_REFRESH_TOKEN=false: a refresh token revoked just before the insert mints no access token', async () => {
    const server = createOAuthServer({ ...t.deps, settings: { ...t.deps.settings, rotateRefreshToken: false } });
    const app = await t.application();
    const user = await t.user();
    const auth = basic(app.clientId, app.clientSecret);
    const first = await body(await server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, auth)));
    const parent = (await t.store.findRefreshToken(digest(String(first.refresh_token))))!;
    const racing = createOAuthServer({
      ...t.deps,
      settings: { ...t.deps.settings, rotateRefreshToken: false },
      store: {
        ...t.store,
        async issueTokens(access, refresh, from) {
          await t.store.revokeTokenFamily(parent.familyId, t.now());
          return t.store.issueTokens(access, refresh, from);
        },
      },
    });
    const res = await racing.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, auth));
    expect((await body(res)).error).toBe('invalid_grant');
    expect(await activeTokens(`family_id = '${parent.familyId}'`)).toBe(0);
  });

  it('RFC 7009 §2.1: a person revoking the authorization (dashboard) while a code is exchanged leaves no active token', async () => {
    const app = await t.application();
    const user = await t.user();
    const code = await t.authorizeCode(app, user.id);
    const dashboard = createDashboardStore(t.db);
    const server = withRevocationBeforeInsert(async () => {
      const [consent] = await dashboard.listAuthorizationsForUser(user.id);
      expect(await dashboard.revokeAuthorizationForUser(consent!.id, user.id, t.now())).toBe(true);
    });
    const res = await server.token(form('/o/token', { grant_type: 'authorization_code', code }, basic(app.clientId, app.clientSecret)));
    expect((await body(res)).error).toBe('invalid_grant');
    expect(await activeTokens(`application_id = '${app.id}'`)).toBe(0);
  });

  it('RFC 6749 §4.1.2: a code exchanged twice at once never leaves an active token (raced 25 times)', async () => {
    const app = await t.application();
    const user = await t.user();
    const auth = basic(app.clientId, app.clientSecret);
    for (let i = 0; i < 25; i++) {
      const code = await t.authorizeCode(app, user.id);
      const results = await Promise.all([0, 1].map(() => t.server.token(form('/o/token', { grant_type: 'authorization_code', code }, auth))));
      expect(results.map((r) => r.status).sort()).toContain(400);
      for (const r of results) {
        const b = await body(r);
        if (r.status !== 200) continue;
        // The replay revoked the grant: whatever the first exchange got, it no longer works.
        expect((await t.store.findAccessToken(digest(String(b.access_token))))?.revokedAt, `round ${i}`).toBeInstanceOf(Date);
        expect((await t.store.findRefreshToken(digest(String(b.refresh_token))))?.revokedAt, `round ${i}`).toBeInstanceOf(Date);
      }
    }
    expect(await activeTokens(`application_id = '${app.id}'`)).toBe(0);
  });

  it('RFC 9700 §4.14.2: a refresh token used twice at once never leaves an active token (raced 25 times)', async () => {
    const app = await t.application();
    const user = await t.user();
    const auth = basic(app.clientId, app.clientSecret);
    for (let i = 0; i < 25; i++) {
      const first = await body(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, auth)));
      const parent = (await t.store.findRefreshToken(digest(String(first.refresh_token))))!;
      const results = await Promise.all([0, 1].map(() => t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, auth))));
      expect(results.map((r) => r.status)).toContain(400);
      expect(await activeTokens(`family_id = '${parent.familyId}'`), `round ${i}`).toBe(0);
    }
  });
});
