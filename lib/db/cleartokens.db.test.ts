import { describe, expect, it } from 'vitest';
import { createApplicationStore } from '@/lib/db/applications';
import { digest } from '@/lib/oauth/secrets';
import { createJtiStore } from '@/lib/db/used-jtis';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';

describe('manage cleartokens (DOT clear_expired)', async () => {
  const t = await createTestServer({ accessTokenExpireSeconds: 60 });
  const app = await t.application();
  const user = await t.user();
  const grant = async () =>
    body(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(app.clientId, app.clientSecret))));
  const refresh = async (token: string) =>
    body(await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: token }, basic(app.clientId, app.clientSecret))));

  it('deletes expired and revoked access tokens in batches, keeps live ones, and keeps refresh tokens when no expiry is set', async () => {
    const old = await Promise.all([grant(), grant(), grant(), grant(), grant()]);
    const rotated = await refresh(String(old[0]!.refresh_token)); // revokes old[0]'s access token
    t.advance(61); // every token so far has expired
    const live = await grant();
    const removed = await createApplicationStore(t.db).clearExpired(t.now(), null, 2);
    expect(removed.accessTokens).toBe(6); // five originals + the rotation's, over several batches of 2
    expect(removed.refreshTokens).toBe(0);
    expect(await t.store.findAccessToken(digest(String(live.access_token)))).not.toBeNull();
    expect(await t.store.findAccessToken(digest(String(old[1]!.access_token)))).toBeNull();
    // With refresh tokens kept, replaying the rotated one is still caught and revokes the family.
    expect((await refresh(String(old[0]!.refresh_token))).error).toBe('invalid_grant');
    expect((await refresh(String(rotated.refresh_token))).error).toBe('invalid_grant');
  });

  it('with OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS deletes refresh tokens revoked, rotated or created before it', async () => {
    const a = await grant();
    const b = await grant();
    await refresh(String(a.refresh_token)); // a's refresh token is now rotated
    t.advance(3600);
    const fresh = await grant();
    const removed = await createApplicationStore(t.db).clearExpired(t.now(), 1800, 100);
    expect(removed.refreshTokens).toBeGreaterThanOrEqual(3); // a (rotated), a's successor and b: created over 30 min ago
    expect(await t.store.findRefreshToken(digest(String(b.refresh_token)))).toBeNull();
    expect(await t.store.findRefreshToken(digest(String(fresh.refresh_token)))).not.toBeNull();
  });

  it('deletes used JWT ids (RFC 7523 §3 replay guard) once their assertion has expired, and keeps the live ones', async () => {
    const jtis = createJtiStore(t.db);
    const now = t.now();
    expect(await jtis.useJti('cleartokens-test:expired', new Date(now.getTime() - 1000), new Date(now.getTime() - 60_000))).toBe(true);
    expect(await jtis.useJti('cleartokens-test:live', new Date(now.getTime() + 60_000), now)).toBe(true);
    const removed = await createApplicationStore(t.db).clearExpired(now, null, 100);
    expect(removed.usedJtis).toBe(1);
    // The live one still refuses a replay; the expired key is gone (taken again as new).
    expect(await jtis.useJti('cleartokens-test:live', new Date(now.getTime() + 60_000), now)).toBe(false);
    expect(removed).toMatchObject({ usedJtis: 1 });
  });
});
