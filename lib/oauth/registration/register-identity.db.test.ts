/**
 * Issue 23: who a self-registered client says it is. RFC 7591 §2 logo_uri, client_uri,
 * policy_uri and tos_uri are checked by the identity rule the dashboard and the CLI apply
 * (lib/applications/identity-rules.ts): https only. A refused one is RFC 7591 §3.2.2's
 * invalid_client_metadata naming the field, at registration and at RFC 7592's update.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/drizzle/schema';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { body, createTestServer, jsonPost } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;

beforeAll(async () => {
  t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
});

const AGENT = {
  client_name: 'Photo Sync',
  redirect_uris: ['http://localhost/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
};

const IDENTITY = {
  logo_uri: 'https://cdn.photosync.example/logo.png',
  client_uri: 'https://photosync.example/',
  policy_uri: 'https://photosync.example/privacy',
  tos_uri: 'https://photosync.example/legal#terms',
};

const register = (metadata: Record<string, unknown>) => t.server.register(jsonPost('/o/register', metadata));

const configure = (uri: string, token: string, payload: unknown) =>
  t.server.clientConfiguration(new Request(uri, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }));

/** §3.2.2: 400, no-store, the error code, and a description naming the field. */
async function expectRefused(res: Response, description: string) {
  expect(res.status).toBe(400);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await body(res)).toEqual({ error: 'invalid_client_metadata', error_description: description });
}

describe('RFC 7591 §2 logo_uri, client_uri, policy_uri, tos_uri at registration', () => {
  it('§3.2.1: https links are registered, stored and echoed in the client information response', async () => {
    const res = await register({ ...AGENT, ...IDENTITY });
    expect(res.status).toBe(201);
    const info = await body(res);
    expect(info).toMatchObject(IDENTITY);
    const stored = await t.store.findRegisteredClient(info.client_id as string);
    expect(stored?.metadata).toMatchObject(IDENTITY);
  });

  it('§3.2.2: an http link is invalid_client_metadata naming the field (http was accepted before)', async () => {
    await expectRefused(await register({ ...AGENT, logo_uri: 'http://cdn.photosync.example/logo.png' }), 'logo_uri must use https');
    await expectRefused(await register({ ...AGENT, client_uri: 'http://photosync.example/' }), 'client_uri must use https');
    await expectRefused(await register({ ...AGENT, policy_uri: 'http://photosync.example/privacy' }), 'policy_uri must use https');
    await expectRefused(await register({ ...AGENT, tos_uri: 'http://photosync.example/terms' }), 'tos_uri must use https');
  });

  it('§3.2.2: not a URL, another scheme, credentials or spaces are invalid_client_metadata naming the field', async () => {
    await expectRefused(await register({ ...AGENT, client_uri: 'javascript:alert(1)' }), 'client_uri must be an absolute https URL, such as https://example.com/');
    await expectRefused(await register({ ...AGENT, policy_uri: 'photosync.example/privacy' }), 'policy_uri must be an absolute https URL, such as https://example.com/');
    await expectRefused(await register({ ...AGENT, logo_uri: 'https://photosync.example@evil.example/logo.png' }), 'logo_uri must not contain a user name or password');
    await expectRefused(await register({ ...AGENT, tos_uri: 'https://photosync.example/our terms' }), 'tos_uri must not contain spaces');
  });

  it('§3.2.2: nothing is stored for a refused registration', async () => {
    const named = () => t.db.select({ id: applications.id }).from(applications).where(eq(applications.name, 'Refused with http logo'));
    const res = await register({ ...AGENT, client_name: 'Refused with http logo', logo_uri: 'http://cdn.photosync.example/logo.png' });
    expect(res.status).toBe(400);
    expect(await named()).toEqual([]);
  });
});

describe('RFC 7592 §2.2 client update: the same rule', () => {
  it('an https link replaces the old one; an http one is invalid_client_metadata naming the field and changes nothing', async () => {
    const reg = await body(await register({ ...AGENT, ...IDENTITY }));
    const uri = reg.registration_client_uri as string;
    const token = reg.registration_access_token as string;

    const ok = await configure(uri, token, { ...AGENT, ...IDENTITY, client_id: reg.client_id, logo_uri: 'https://cdn.photosync.example/v2.svg' });
    expect(ok.status).toBe(200);
    expect(await body(ok)).toMatchObject({ logo_uri: 'https://cdn.photosync.example/v2.svg' });

    await expectRefused(await configure(uri, token, { ...AGENT, ...IDENTITY, client_id: reg.client_id, policy_uri: 'http://photosync.example/privacy' }), 'policy_uri must use https');
    const stored = await t.store.findRegisteredClient(reg.client_id as string);
    expect(stored?.metadata).toMatchObject({ ...IDENTITY, logo_uri: 'https://cdn.photosync.example/v2.svg' });
  });
});
