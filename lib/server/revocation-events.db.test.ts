/**
 * token_revoked beyond /o/revoke_token: a person revoking an authorization in the dashboard and
 * an owner deleting an application announce every token that was still live (issue 15, events).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/lib/db/dashboard';
import { EventBus } from '@/lib/oauth/events';
import { digest } from '@/lib/oauth/secrets';
import { createTestServer } from '@/lib/testing/oauth';
import { announceRevokedTokens } from './revocation-events';

const t = await createTestServer();
const dashboard = createDashboardStore(t.db);

async function grant(applicationId: string, userId: string, live = true) {
  const family = randomUUID();
  const now = t.now();
  await t.store.issueTokens(
    { tokenDigest: digest(randomUUID()), applicationId, userId, scope: 'read', expiresAt: new Date(now.getTime() + (live ? 3600_000 : -1000)), authorizationCodeId: null, familyId: family, createdAt: now },
    { tokenDigest: digest(randomUUID()), applicationId, userId, scope: 'read', familyId: family, authorizationCodeId: null, authTime: null, createdAt: now },
  );
}

function listen() {
  const events = new EventBus();
  const seen: string[] = [];
  events.on('token_revoked', (e) => void seen.push(`${e.clientId}:${e.tokenType}`));
  return { events, seen };
}

describe('token_revoked for dashboard revocations and deletions', () => {
  it('revoking an authorization emits one event per live access and refresh token', async () => {
    const owner = await t.user();
    const person = await t.user();
    const app = await t.application({ ownerId: owner.id });
    await t.store.recordConsent(person.id, app.id, ['read'], t.now());
    await grant(app.id, person.id);
    await grant(app.id, person.id, false); // an expired access token is not "revoked" again
    const [authorization] = await dashboard.listAuthorizationsForUser(person.id);
    const { events, seen } = listen();
    expect(await dashboard.revokeAuthorizationForUser(authorization!.id, person.id, t.now(), (r) => announceRevokedTokens(events, r))).toBe(true);
    expect(seen.sort()).toEqual([`${app.clientId}:access_token`, `${app.clientId}:refresh_token`, `${app.clientId}:refresh_token`]);
  });

  it('deleting an application emits one event per live token it took with it', async () => {
    const owner = await t.user();
    const person = await t.user();
    const app = await t.application({ ownerId: owner.id });
    await grant(app.id, person.id);
    const { events, seen } = listen();
    expect(await dashboard.deleteApplicationForOwner(app.id, person.id, (r) => announceRevokedTokens(events, r))).toBe(false);
    expect(seen).toEqual([]);
    expect(await dashboard.deleteApplicationForOwner(app.id, owner.id, (r) => announceRevokedTokens(events, r))).toBe(true);
    expect(seen).toEqual([`${app.clientId}:access_token`, `${app.clientId}:refresh_token`]);
  });
});
