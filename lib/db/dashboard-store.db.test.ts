/**
 * The dashboard's queries: every read and write scoped to its owner (DOT's
 * ApplicationOwnerIsUserMixin), counts, the 14-day chart, and revoking an authorization
 * (RFC 7009 §2.1: the tokens of that grant stop working at once).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { authorizationCodes } from '@/drizzle/schema';
import { registerApplication } from '@/lib/applications/service';
import { defaultSettings } from '@/lib/oauth/settings';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { createTestDb } from '@/lib/testing/test-db';
import { createApplicationStore } from './applications';
import { createDashboardStore, type ApplicationChanges } from './dashboard';
import { createStore } from './engine-store';
import { tokensIssuedPerDay } from './tokens-per-day';
import type { Db } from './types';

let db: Db;
let store: ReturnType<typeof createStore>;
let dashboard: ReturnType<typeof createDashboardStore>;
let apps: ReturnType<typeof createApplicationStore>;

const NOW = new Date('2026-11-23T12:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

beforeAll(async () => {
  db = (await createTestDb()).db;
  store = createStore(db);
  dashboard = createDashboardStore(db);
  apps = createApplicationStore(db);
});

async function user() {
  return (await store.createUser({ email: `u-${randomUUID()}@example.com`, passwordHash: null }))!;
}

async function application(ownerId: string, name = 'Photo printer') {
  const { application } = await registerApplication(
    apps,
    { name, clientType: 'confidential', grantTypes: ['authorization_code'], redirectUris: ['https://client.example/cb'], ownerId },
    defaultSettings,
  );
  return application;
}

/** An access token (and a refresh token of a new family) for user + application; returns the plaintext. */
async function tokens(applicationId: string, userId: string | null, opts: { createdAt?: Date; expiresAt?: Date; withCode?: boolean } = {}) {
  const access = randomToken();
  const refresh = randomToken();
  const familyId = randomUUID();
  const createdAt = opts.createdAt ?? NOW;
  await store.issueTokens(
    {
      tokenDigest: digest(access),
      applicationId,
      userId,
      scope: 'read write',
      expiresAt: opts.expiresAt ?? hours(10),
      authorizationCodeId: null,
      familyId,
      createdAt,
    },
    {
      tokenDigest: digest(refresh),
      applicationId,
      userId,
      scope: 'read write',
      familyId,
      authorizationCodeId: null,
      authTime: null,
      createdAt,
    },
  );
  return { access, refresh };
}

async function pendingCode(applicationId: string, userId: string) {
  const code = randomToken();
  await store.createAuthorizationCode({
    codeDigest: digest(code),
    applicationId,
    userId,
    redirectUri: 'https://client.example/cb',
    scope: 'read',
    codeChallenge: null,
    codeChallengeMethod: null,
    nonce: null,
    authTime: null,
    expiresAt: hours(1),
  });
  return code;
}

const changes = (overrides: Partial<ApplicationChanges> = {}): ApplicationChanges => ({
  name: 'Renamed',
  clientType: 'confidential',
  grantTypes: ['authorization_code', 'client_credentials'],
  redirectUris: ['https://client.example/new'],
  postLogoutRedirectUris: [],
  allowedOrigins: ['https://client.example'],
  algorithm: 'RS256',
  ...overrides,
});

describe('applications, scoped to their owner', () => {
  it('lists only the owner’s applications, newest first, with users and active tokens', async () => {
    const alice = await user();
    const bob = await user();
    const carol = await user();
    const first = await application(alice.id, 'First');
    const second = await application(alice.id, 'Second');
    await application(bob.id, 'Bob’s');

    await store.recordConsent(bob.id, first.id, ['read'], NOW);
    await store.recordConsent(carol.id, first.id, ['read', 'write'], NOW);
    await tokens(first.id, bob.id);
    await tokens(first.id, carol.id);
    const revoked = await tokens(first.id, carol.id);
    const found = await store.findAccessToken(digest(revoked.access));
    await store.revokeAccessToken(found!.id, NOW);
    await tokens(first.id, bob.id, { createdAt: hours(-20), expiresAt: hours(-10) }); // expired
    await tokens(first.id, null); // client credentials count too

    const list = await dashboard.listApplicationsForOwner(alice.id, NOW);
    expect(list.map((a) => a.name)).toEqual(['Second', 'First']);
    const summary = list.find((a) => a.id === first.id)!;
    expect(summary).toMatchObject({ name: 'First', clientType: 'confidential', grantTypes: ['authorization_code'], userCount: 2, activeTokenCount: 3 });
    expect(summary.createdAt).toBeInstanceOf(Date);
    expect(list.find((a) => a.id === second.id)).toMatchObject({ userCount: 0, activeTokenCount: 0 });

    expect(await dashboard.listApplicationsForOwner(carol.id)).toEqual([]);
  });

  it('finds an application for its owner only; another owner’s id or a malformed id is null', async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id);
    const mine = await dashboard.findApplicationForOwner(app.id, alice.id);
    expect(mine).toMatchObject({ id: app.id, clientId: app.clientId, hasSecret: true, redirectUris: ['https://client.example/cb'] });
    expect(mine).not.toHaveProperty('clientSecretDigest');
    expect(await dashboard.findApplicationForOwner(app.id, bob.id)).toBeNull();
    expect(await dashboard.findApplicationForOwner('not-a-uuid', alice.id)).toBeNull();
    expect(await dashboard.findApplicationForOwner("' or 1=1 --", alice.id)).toBeNull();
    expect(await dashboard.findApplicationForOwner(randomUUID(), alice.id)).toBeNull();
  });

  it('updates for the owner; another owner’s update changes nothing', async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id, 'Original');

    expect(await dashboard.updateApplicationForOwner(app.id, bob.id, changes({ name: 'Hijacked' }))).toBe(false);
    expect((await dashboard.findApplicationForOwner(app.id, alice.id))!.name).toBe('Original');

    expect(await dashboard.updateApplicationForOwner(app.id, alice.id, changes(), hours(1))).toBe(true);
    const updated = await dashboard.findApplicationForOwner(app.id, alice.id);
    expect(updated).toMatchObject({
      name: 'Renamed',
      grantTypes: ['authorization_code', 'client_credentials'],
      redirectUris: ['https://client.example/new'],
      allowedOrigins: ['https://client.example'],
      skipAuthorization: false,
      algorithm: 'RS256',
      hasSecret: true,
    });
    expect(updated!.updatedAt.toISOString()).toBe(hours(1).toISOString());
    // The engine sees the change on the next request.
    expect((await store.findApplicationByClientId(app.clientId))!.redirectUris).toEqual(['https://client.example/new']);
  });

  it("sets an application's rate limit for its owner only, and the engine reads it", async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id);
    expect((await dashboard.findApplicationForOwner(app.id, alice.id))!.rateLimit).toBeNull();
    expect(await dashboard.updateApplicationForOwner(app.id, bob.id, changes({ rateLimit: 0 }))).toBe(false);
    expect((await store.findApplicationByClientId(app.clientId))!.rateLimit).toBeNull();
    expect(await dashboard.updateApplicationForOwner(app.id, alice.id, changes({ rateLimit: 5000 }))).toBe(true);
    expect((await dashboard.findApplicationForOwner(app.id, alice.id))!.rateLimit).toBe(5000);
    expect((await store.findApplicationByClientId(app.clientId))!.rateLimit).toBe(5000);
    // Absent from the changes: left as it was.
    await dashboard.updateApplicationForOwner(app.id, alice.id, changes());
    expect((await store.findApplicationByClientId(app.clientId))!.rateLimit).toBe(5000);
  });

  it('becoming public drops the secret', async () => {
    const alice = await user();
    const app = await application(alice.id);
    await dashboard.updateApplicationForOwner(app.id, alice.id, changes({ clientType: 'public', grantTypes: ['authorization_code'], clientSecretDigest: null }));
    expect((await store.findApplicationByClientId(app.clientId))!.clientSecretDigest).toBeNull();
    expect(await dashboard.rotateSecretForOwner(app.id, alice.id, digest('x'))).toBe(false);
  });

  it('rotates the secret for the owner only: the old digest is gone at once', async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id);
    const before = (await store.findApplicationByClientId(app.clientId))!.clientSecretDigest;

    expect(await dashboard.rotateSecretForOwner(app.id, bob.id, digest('bob-chose-this'))).toBe(false);
    expect((await store.findApplicationByClientId(app.clientId))!.clientSecretDigest).toBe(before);

    const secret = randomToken();
    expect(await dashboard.rotateSecretForOwner(app.id, alice.id, digest(secret))).toBe(true);
    const after = (await store.findApplicationByClientId(app.clientId))!.clientSecretDigest;
    expect(after).toBe(digest(secret));
    expect(after).not.toBe(before);
  });

  it('deletes for the owner only, and the delete cascades to tokens, codes and consents', async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id);
    const t = await tokens(app.id, bob.id);
    const code = await pendingCode(app.id, bob.id);
    await store.recordConsent(bob.id, app.id, ['read'], NOW);

    expect(await dashboard.deleteApplicationForOwner(app.id, bob.id)).toBe(false);
    expect(await dashboard.deleteApplicationForOwner('nope', alice.id)).toBe(false);
    expect(await store.findApplicationByClientId(app.clientId)).not.toBeNull();

    expect(await dashboard.deleteApplicationForOwner(app.id, alice.id)).toBe(true);
    expect(await store.findApplicationByClientId(app.clientId)).toBeNull();
    expect(await store.findAccessToken(digest(t.access))).toBeNull();
    expect(await store.findRefreshToken(digest(t.refresh))).toBeNull();
    expect(await store.consumeAuthorizationCode(digest(code), app.id, NOW)).toBeNull();
    expect(await store.findConsent(bob.id, app.id)).toBeNull();
    expect(await dashboard.listAuthorizationsForUser(bob.id)).toEqual([]);
  });

  it('counts tokens issued per UTC day over the last 14 days, zero-filled, for the owner only', async () => {
    const alice = await user();
    const bob = await user();
    const app = await application(alice.id);
    await tokens(app.id, bob.id, { createdAt: new Date('2026-11-23T00:30:00Z') });
    await tokens(app.id, bob.id, { createdAt: new Date('2026-11-23T11:59:00Z') });
    await tokens(app.id, null, { createdAt: new Date('2026-11-20T23:59:59Z') });
    await tokens(app.id, bob.id, { createdAt: new Date('2026-11-10T00:00:00Z') }); // first day of the window
    await tokens(app.id, bob.id, { createdAt: new Date('2026-11-09T23:59:59Z') }); // before it

    const days = await dashboard.tokensIssuedPerDay(app.id, alice.id, 14, NOW);
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ day: '2026-11-10', count: 1 });
    expect(days[13]).toEqual({ day: '2026-11-23', count: 2 });
    expect(days.find((d) => d.day === '2026-11-20')!.count).toBe(1);
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(4);

    // Another owner learns nothing: every day is zero.
    expect((await dashboard.tokensIssuedPerDay(app.id, bob.id, 14, NOW)).every((d) => d.count === 0)).toBe(true);
    // The console's chart: any application, no owner asked.
    expect(await tokensIssuedPerDay(db, app.id, { now: NOW })).toEqual(days);
    expect((await tokensIssuedPerDay(db, 'not-a-uuid', { now: NOW })).every((d) => d.count === 0)).toBe(true);
  });
});

describe('authorizations, scoped to the user who granted them', () => {
  it('lists what the user authorized with scopes, dates and last use; never another user’s', async () => {
    const owner = await user();
    const bob = await user();
    const carol = await user();
    const used = await application(owner.id, 'Used');
    const unused = await application(owner.id, 'Unused');
    await store.recordConsent(bob.id, used.id, ['read', 'write'], hours(-48));
    await store.recordConsent(bob.id, unused.id, ['read'], hours(-1));
    await store.recordConsent(carol.id, used.id, ['read'], NOW);
    await tokens(used.id, bob.id, { createdAt: hours(-30) });
    await tokens(used.id, bob.id, { createdAt: hours(-2) });
    await tokens(used.id, carol.id, { createdAt: hours(-1) }); // carol's use is not bob's

    const list = await dashboard.listAuthorizationsForUser(bob.id, NOW);
    expect(list.map((a) => a.applicationName)).toEqual(['Unused', 'Used']);
    const usedAuth = list[1]!;
    expect(usedAuth).toMatchObject({ applicationId: used.id, scopes: ['read', 'write'], activeTokenCount: 2 });
    expect(usedAuth.createdAt.toISOString()).toBe(hours(-48).toISOString());
    expect(usedAuth.lastUsedAt!.toISOString()).toBe(hours(-2).toISOString());
    expect(list[0]!.lastUsedAt).toBeNull();

    expect(await dashboard.findAuthorizationForUser(usedAuth.id, bob.id, NOW)).toEqual(usedAuth);
    expect(await dashboard.findAuthorizationForUser(usedAuth.id, carol.id)).toBeNull();
    expect(await dashboard.findAuthorizationForUser('42', bob.id)).toBeNull();
  });

  it('RFC 7009 §2.1: revoking revokes every access and refresh token of that user and application at once', async () => {
    const owner = await user();
    const bob = await user();
    const carol = await user();
    const app = await application(owner.id);
    const other = await application(owner.id, 'Other');
    await store.recordConsent(bob.id, app.id, ['read'], NOW);
    await store.recordConsent(bob.id, other.id, ['read'], NOW);
    await store.recordConsent(carol.id, app.id, ['read'], NOW);
    const bobs = [await tokens(app.id, bob.id), await tokens(app.id, bob.id)];
    const bobsOther = await tokens(other.id, bob.id);
    const carols = await tokens(app.id, carol.id);
    const code = await pendingCode(app.id, bob.id);
    const consent = (await dashboard.listAuthorizationsForUser(bob.id)).find((a) => a.applicationId === app.id)!;

    // Someone else's id changes nothing.
    expect(await dashboard.revokeAuthorizationForUser(consent.id, carol.id, NOW)).toBe(false);
    expect((await store.findAccessToken(digest(bobs[0]!.access)))!.revokedAt).toBeNull();
    expect(await store.findConsent(bob.id, app.id)).not.toBeNull();

    expect(await dashboard.revokeAuthorizationForUser(consent.id, bob.id, NOW)).toBe(true);
    for (const t of bobs) {
      expect((await store.findAccessToken(digest(t.access)))!.revokedAt).toEqual(NOW);
      expect((await store.findRefreshToken(digest(t.refresh)))!.revokedAt).toEqual(NOW);
    }
    // The consent is gone (the next authorization asks again), and so is the code not yet exchanged.
    expect(await store.findConsent(bob.id, app.id)).toBeNull();
    expect(await store.consumeAuthorizationCode(digest(code), app.id, NOW)).toBeNull();
    expect(await dashboard.findAuthorizationForUser(consent.id, bob.id)).toBeNull();

    // Other grants are untouched: bob's other application, carol's tokens for this one.
    expect((await store.findAccessToken(digest(bobsOther.access)))!.revokedAt).toBeNull();
    expect((await store.findAccessToken(digest(carols.access)))!.revokedAt).toBeNull();
    expect((await store.findRefreshToken(digest(carols.refresh)))!.revokedAt).toBeNull();

    // A second revoke finds nothing.
    expect(await dashboard.revokeAuthorizationForUser(consent.id, bob.id, NOW)).toBe(false);
  });

  it('keeps consumed codes so a replay can still revoke what they issued', async () => {
    const owner = await user();
    const bob = await user();
    const app = await application(owner.id);
    await store.recordConsent(bob.id, app.id, ['read'], NOW);
    const code = await pendingCode(app.id, bob.id);
    await store.consumeAuthorizationCode(digest(code), app.id, NOW);
    const consent = (await dashboard.listAuthorizationsForUser(bob.id))[0]!;
    await dashboard.revokeAuthorizationForUser(consent.id, bob.id, NOW);
    const rows = await db.select().from(authorizationCodes);
    expect(rows.some((r) => r.codeDigest === digest(code))).toBe(true);
  });
});
