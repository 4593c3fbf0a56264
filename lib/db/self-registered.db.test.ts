/** Self-registered (owner-less) clients in the dashboard: the operator's list and the people who authorized them. */
import { describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/lib/db/dashboard';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { body, createTestServer, jsonPost } from '@/lib/testing/oauth';
import { pkcePair } from '@/lib/testing/pkce';

describe('self-registered clients in the dashboard', async () => {
  const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
  const dashboard = createDashboardStore(t.db);
  const reg = await body(await t.server.register(jsonPost('/o/register', { client_name: 'Cursor', redirect_uris: ['cursor://anysphere.cursor-retrieval/oauth/callback'], token_endpoint_auth_method: 'none' })));
  await t.application({ name: 'Dashboard app' });

  it('the operator list has registered clients only, marked by how they registered', async () => {
    const list = await dashboard.listSelfRegisteredApplications(t.now());
    expect(list.map((a) => a.name)).toEqual(['Cursor']);
    expect(list[0]).toMatchObject({ clientId: reg.client_id, registeredVia: 'dynamic', clientType: 'public', redirectUris: ['cursor://anysphere.cursor-retrieval/oauth/callback'] });
  });

  it('a person who authorized one sees it on authorized-tokens, marked as registered by itself, and can revoke it', async () => {
    const user = await t.user();
    const { challenge } = pkcePair();
    await t.authorizeCode({ clientId: reg.client_id as string }, user.id, { code_challenge: challenge, code_challenge_method: 'S256' });
    const [authorization] = await dashboard.listAuthorizationsForUser(user.id, t.now());
    expect(authorization).toMatchObject({ applicationName: 'Cursor', registeredVia: 'dynamic' });
    expect(await dashboard.revokeAuthorizationForUser(authorization!.id, user.id, t.now())).toBe(true);
    expect(await dashboard.listAuthorizationsForUser(user.id, t.now())).toEqual([]);
  });
});
