/** RFC 7591 registration of the 2026 additions: the device code grant (RFC 8628) and require_pushed_authorization_requests (RFC 9126 §6). */
import { describe, expect, it } from 'vitest';
import { DEVICE_CODE_GRANT_TYPE } from '@/lib/oauth/device/grant-type';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });

async function register(metadata: Record<string, unknown>) {
  const res = await t.server.register(jsonPost('/o/register', metadata));
  return { res, json: await body(res) };
}

describe(`registering for the device flow and PAR on ${testDatabaseKind}`, () => {
  it('RFC 8628 + RFC 7591 §2: a public client registers for the device code grant alone (no redirect URI, no response type) and uses it', async () => {
    const { res, json } = await register({ client_name: 'My CLI', grant_types: [DEVICE_CODE_GRANT_TYPE], token_endpoint_auth_method: 'none' });
    expect(res.status).toBe(201);
    expect(json).toMatchObject({ grant_types: [DEVICE_CODE_GRANT_TYPE], response_types: [] });
    const device = await t.server.deviceAuthorization(form('/o/device_authorization', { client_id: String(json.client_id) }));
    expect(device.status).toBe(200);
  });

  it('RFC 9126 §6: require_pushed_authorization_requests=true makes /o/authorize refuse its unpushed requests', async () => {
    const { res, json } = await register({
      redirect_uris: ['http://127.0.0.1/cb'],
      token_endpoint_auth_method: 'none',
      require_pushed_authorization_requests: true,
    });
    expect(res.status).toBe(201);
    expect(json.require_pushed_authorization_requests).toBe(true);
    const user = await t.user();
    t.signIn(user.id);
    const authorize = await t.server.authorize(
      get('/o/authorize', { client_id: String(json.client_id), response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }),
    );
    expect(authorize.headers.get('location')).toMatch(/^\/o\/error\?error=invalid_request&.*RFC\+9126/);
  });

  it('refuses a require_pushed_authorization_requests that is not a boolean', async () => {
    const { res, json } = await register({ redirect_uris: ['http://127.0.0.1/cb'], token_endpoint_auth_method: 'none', require_pushed_authorization_requests: 'yes' });
    expect(res.status).toBe(400);
    expect(json.error).toBe('invalid_client_metadata');
  });
});
