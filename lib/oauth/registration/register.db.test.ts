/**
 * RFC 7591 dynamic client registration at POST /o/register and RFC 7592 client configuration at
 * /o/register/<client_id>, in the modes OAUTH2_DYNAMIC_REGISTRATION offers, as a client sees them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOAuthServer } from '@/lib/oauth';
import { createApplicationStore } from '@/lib/db/applications';
import { issueInitialAccessToken } from '@/lib/agents/initial-access-tokens';
import { defaultClientRegistrationSettings, type DynamicRegistrationMode } from '@/lib/oauth/registration-settings';
import { digest } from '@/lib/oauth/secrets';
import { BASE, basic, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { pkcePair } from '@/lib/testing/pkce';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;

beforeAll(async () => {
  t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
});

const inMode = (mode: DynamicRegistrationMode) =>
  createOAuthServer({ ...t.deps, settings: { ...t.settings, clients: { ...t.settings.clients, dynamicRegistration: mode } } });

// What Claude Code and mcp-remote send (public native clients on a loopback redirect).
const AGENT = {
  client_name: 'Claude Code (my-mcp)',
  redirect_uris: ['http://localhost/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
};

async function registerAgent(metadata: Record<string, unknown> = AGENT) {
  const res = await t.server.register(jsonPost('/o/register', metadata));
  expect(res.status).toBe(201);
  return body(res);
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const configRequest = (uri: string, method: string, token?: string, payload?: unknown) =>
  new Request(uri, {
    method,
    headers: { ...(token ? bearer(token) : {}), ...(payload ? { 'Content-Type': 'application/json' } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });

describe('RFC 7591 §3.2.1 client information response', () => {
  it('answers 201, no-store, with the registered metadata, client_id_issued_at, registration_access_token and registration_client_uri', async () => {
    const res = await t.server.register(jsonPost('/o/register', AGENT));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const b = await body(res);
    expect(b.client_id).toEqual(expect.any(String));
    expect(b.client_id_issued_at).toBe(Math.floor(t.now().getTime() / 1000));
    expect(b).not.toHaveProperty('client_secret');
    expect(b.registration_access_token).toEqual(expect.any(String));
    expect(b.registration_client_uri).toBe(`${BASE}/o/register/${b.client_id}`);
    expect(b).toMatchObject({ client_name: AGENT.client_name, redirect_uris: AGENT.redirect_uris, token_endpoint_auth_method: 'none', grant_types: AGENT.grant_types, response_types: ['code'] });
  });

  it('stores the registration access token as a digest only, on an owner-less application marked dynamic', async () => {
    const b = await registerAgent();
    const found = await t.store.findRegisteredClient(b.client_id as string);
    expect(found?.registrationAccessTokenDigest).toBe(digest(b.registration_access_token as string));
    expect(found?.client).toMatchObject({ ownerId: null, clientType: 'public', registeredVia: 'dynamic' });
  });

  it('§2: defaults grant_types to authorization_code and response_types to code, and ignores unknown metadata', async () => {
    const b = await registerAgent({ redirect_uris: ['http://127.0.0.1/cb'], token_endpoint_auth_method: 'none', favourite_colour: 'green' });
    expect(b.grant_types).toEqual(['authorization_code']);
    expect(b.response_types).toEqual(['code']);
    expect(b).not.toHaveProperty('favourite_colour');
  });

  it('public mode: an omitted token_endpoint_auth_method registers a public client (none), the only kind allowed', async () => {
    const b = await registerAgent({ redirect_uris: ['http://127.0.0.1/cb'] });
    expect(b.token_endpoint_auth_method).toBe('none');
  });

  it('RFC 8252 §7.1: a private-use scheme (cursor://, vscode://) registers for a public client', async () => {
    const b = await registerAgent({ ...AGENT, redirect_uris: ['cursor://anysphere.cursor-retrieval/oauth/callback', 'vscode://vscode.github-authentication/did-authenticate'] });
    expect(b.redirect_uris).toHaveLength(2);
  });

  it('the registered client completes the code flow with PKCE, and gets a refresh token', async () => {
    const b = await registerAgent();
    const user = await t.user();
    const { verifier, challenge } = pkcePair();
    const code = await t.authorizeCode({ clientId: b.client_id as string }, user.id, {
      redirect_uri: 'http://localhost:53123/callback',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await t.server.token(
      form('/o/token', { grant_type: 'authorization_code', code, client_id: b.client_id as string, redirect_uri: 'http://localhost:53123/callback', code_verifier: verifier }),
    );
    expect(res.status).toBe(200);
    expect((await body(res)).access_token).toEqual(expect.any(String));
  });
});

describe('RFC 7591 §3.2.2 client registration error response', () => {
  const expectError = async (res: Response, error: string, description?: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const b = await body(res);
    expect(b.error).toBe(error);
    if (description) expect(b.error_description).toMatch(description);
  };

  it('invalid_redirect_uri: no redirect_uris for the code grant', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { token_endpoint_auth_method: 'none' })), 'invalid_redirect_uri', /redirect_uris is required/);
  });
  it('invalid_redirect_uri: plain http off loopback', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, redirect_uris: ['http://app.example/cb'] })), 'invalid_redirect_uri', /https/);
  });
  it('invalid_redirect_uri: a fragment', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, redirect_uris: ['https://app.example/cb#x'] })), 'invalid_redirect_uri', /fragment/);
  });
  it.each(['javascript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'vbscript:msgbox(1)', 'about:blank', 'blob:https://a.example/1'])(
    'RFC 9700 §4.1 invalid_redirect_uri: the dangerous scheme of %s is refused',
    async (uri) => {
      await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, redirect_uris: [uri] })), 'invalid_redirect_uri', /never allowed/);
    },
  );
  it('invalid_client_metadata: a confidential auth method in public mode', async () => {
    await expectError(
      await t.server.register(jsonPost('/o/register', { ...AGENT, token_endpoint_auth_method: 'client_secret_basic' })),
      'invalid_client_metadata',
      /only none/,
    );
  });
  it('invalid_client_metadata: an unsupported grant type, response type or auth method', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, grant_types: ['password'] })), 'invalid_client_metadata', /password/);
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, response_types: ['token'] })), 'invalid_client_metadata', /token/);
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, token_endpoint_auth_method: 'private_key_jwt' })), 'invalid_client_metadata', /private_key_jwt/);
  });
  it('invalid_client_metadata: a scope this server does not offer (OAUTH2_SCOPES)', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, scope: 'read launch_missiles' })), 'invalid_client_metadata', /launch_missiles/);
    // Named like an object property: still not a scope this server offers.
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, scope: 'read constructor' })), 'invalid_client_metadata', /constructor/);
  });
  it('invalid_client_metadata: wrong types and a non-JSON body', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, redirect_uris: 'http://localhost/cb' })), 'invalid_client_metadata', /array/);
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, client_uri: 'javascript:alert(1)' })), 'invalid_client_metadata', /client_uri/);
    await expectError(await t.server.register(form('/o/register', { redirect_uris: 'http://localhost/cb' })), 'invalid_client_metadata', /application\/json/);
    await expectError(await t.server.register(jsonPost('/o/register', ['not', 'an', 'object'])), 'invalid_client_metadata', /object/);
  });
  it('unapproved_software_statement: software statements are not accepted here', async () => {
    await expectError(await t.server.register(jsonPost('/o/register', { ...AGENT, software_statement: 'eyJhbGciOiJub25lIn0.e30.' })), 'unapproved_software_statement');
  });
});

describe('OAUTH2_DYNAMIC_REGISTRATION modes', () => {
  it('off: /o/register answers 404 with a readable reason, and nothing is advertised', async () => {
    const server = inMode('off');
    const res = await server.register(jsonPost('/o/register', AGENT));
    expect(res.status).toBe(404);
    expect((await body(res)).error_description).toMatch(/OAUTH2_DYNAMIC_REGISTRATION/);
    const meta = await body(await server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(meta).not.toHaveProperty('registration_endpoint');
  });

  it('RFC 8414 §2: registration_endpoint is advertised when registration is on', async () => {
    const meta = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(meta.registration_endpoint).toBe(`${BASE}/o/register`);
    const oidc = await body(await t.server.discovery(get('/.well-known/openid-configuration')));
    expect(oidc.registration_endpoint).toBe(`${BASE}/o/register`);
  });

  describe('token: RFC 7591 §3 initial access token', () => {
    const server = () => inMode('token');
    async function initialAccessToken(opts: { maxUses?: number; expiresInSeconds?: number } = {}) {
      return issueInitialAccessToken(createApplicationStore(t.db), { description: 'test', ...opts }, t.now());
    }

    it('without a token: 401 with a bare Bearer challenge', async () => {
      const res = await server().register(jsonPost('/o/register', AGENT));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });
    it('with an unknown token: 401 invalid_token (RFC 6750 §3.1)', async () => {
      const res = await server().register(jsonPost('/o/register', AGENT, bearer('not-a-token')));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      expect((await body(res)).error).toBe('invalid_token');
    });
    it('with a valid token: registers a confidential client (client_secret_basic by default) with client_secret_expires_at 0', async () => {
      const { token } = await initialAccessToken();
      const res = await server().register(jsonPost('/o/register', { client_name: 'Backend', redirect_uris: ['https://backend.example/cb'] }, bearer(token)));
      expect(res.status).toBe(201);
      const b = await body(res);
      expect(b.token_endpoint_auth_method).toBe('client_secret_basic');
      expect(b.client_secret).toEqual(expect.any(String));
      expect(b.client_secret_expires_at).toBe(0);
      const tokenRes = await server().token(form('/o/token', { grant_type: 'client_credentials' }, basic(b.client_id as string, b.client_secret as string)));
      // Registered for authorization_code only: the secret authenticates, the grant is refused.
      expect(tokenRes.status).toBe(400);
      expect((await body(tokenRes)).error).toBe('unauthorized_client');
    });
    it('RFC 7591 §2: the registered token_endpoint_auth_method is the only one accepted (invalid_client otherwise)', async () => {
      for (const [registered, other] of [
        ['client_secret_basic', 'client_secret_post'],
        ['client_secret_post', 'client_secret_basic'],
      ] as const) {
        const { token } = await initialAccessToken();
        const b = await body(
          await server().register(
            jsonPost('/o/register', { redirect_uris: ['https://backend.example/cb'], grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: registered }, bearer(token)),
          ),
        );
        const [id, secret] = [b.client_id as string, b.client_secret as string];
        expect((await t.store.findApplicationByClientId(id))?.tokenEndpointAuthMethod).toBe(registered);
        const send = (method: string) =>
          server().token(
            method === 'client_secret_basic'
              ? form('/o/token', { grant_type: 'client_credentials' }, basic(id, secret))
              : form('/o/token', { grant_type: 'client_credentials', client_id: id, client_secret: secret }),
          );
        expect((await send(registered)).status).toBe(200);
        const refused = await send(other);
        expect(refused.status).toBe(401);
        expect(await body(refused)).toEqual({ error: 'invalid_client', error_description: `this client is registered for token_endpoint_auth_method ${registered}, not ${other}` });
      }
    });
    it('a token with max uses stops working once used up; an expired one never works', async () => {
      const { token } = await initialAccessToken({ maxUses: 1 });
      expect((await server().register(jsonPost('/o/register', AGENT, bearer(token)))).status).toBe(201);
      expect((await server().register(jsonPost('/o/register', AGENT, bearer(token)))).status).toBe(401);
      const expiring = await initialAccessToken({ expiresInSeconds: 60 });
      t.advance(61);
      expect((await server().register(jsonPost('/o/register', AGENT, bearer(expiring.token)))).status).toBe(401);
    });
    it('invalid metadata does not spend a use', async () => {
      const { token } = await initialAccessToken({ maxUses: 1 });
      expect((await server().register(jsonPost('/o/register', { ...AGENT, redirect_uris: ['javascript:x'] }, bearer(token)))).status).toBe(400);
      expect((await server().register(jsonPost('/o/register', AGENT, bearer(token)))).status).toBe(201);
    });
  });
});

describe('RFC 7592 §2 client configuration endpoint', () => {
  it('§2.1 read: GET with the registration access token answers the current metadata (no secret)', async () => {
    const reg = await registerAgent();
    const res = await t.server.clientConfiguration(configRequest(reg.registration_client_uri as string, 'GET', reg.registration_access_token as string));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const b = await body(res);
    expect(b).toMatchObject({ client_id: reg.client_id, client_name: AGENT.client_name, registration_client_uri: reg.registration_client_uri });
    expect(b).not.toHaveProperty('registration_access_token');
  });

  it('§2: a wrong or missing token, or another client’s token, is refused the same way (401)', async () => {
    const a = await registerAgent();
    const b = await registerAgent();
    const missing = await t.server.clientConfiguration(configRequest(a.registration_client_uri as string, 'GET'));
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    for (const token of ['wrong', b.registration_access_token as string]) {
      const res = await t.server.clientConfiguration(configRequest(a.registration_client_uri as string, 'GET', token));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/invalid_token/);
    }
    const unknown = await t.server.clientConfiguration(configRequest(`${BASE}/o/register/no-such-client`, 'GET', a.registration_access_token as string));
    expect(unknown.status).toBe(401);
  });

  it('§2.2 update: PUT replaces the metadata; the new redirect URI is used from then on', async () => {
    const reg = await registerAgent();
    const res = await t.server.clientConfiguration(
      configRequest(reg.registration_client_uri as string, 'PUT', reg.registration_access_token as string, {
        ...AGENT,
        client_id: reg.client_id,
        client_name: 'Renamed agent',
        redirect_uris: ['http://127.0.0.1/cb2'],
        registration_access_token: 'ignored',
      }),
    );
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ client_name: 'Renamed agent', redirect_uris: ['http://127.0.0.1/cb2'] });
    const client = await t.store.findApplicationByClientId(reg.client_id as string);
    expect(client).toMatchObject({ name: 'Renamed agent', redirectUris: ['http://127.0.0.1/cb2'] });
  });

  it('§2.2 update: a mismatched client_id or invalid metadata is refused; the wrong token is 401', async () => {
    const reg = await registerAgent();
    const uri = reg.registration_client_uri as string;
    const rat = reg.registration_access_token as string;
    const mismatch = await t.server.clientConfiguration(configRequest(uri, 'PUT', rat, { ...AGENT, client_id: 'someone-else' }));
    expect(mismatch.status).toBe(400);
    expect((await body(mismatch)).error).toBe('invalid_request');
    const bad = await t.server.clientConfiguration(configRequest(uri, 'PUT', rat, { ...AGENT, client_id: reg.client_id, redirect_uris: ['data:text/html,x'] }));
    expect((await body(bad)).error).toBe('invalid_redirect_uri');
    expect((await t.server.clientConfiguration(configRequest(uri, 'PUT', 'wrong', { ...AGENT, client_id: reg.client_id }))).status).toBe(401);
  });

  it('§2.3 delete: 204, then the client is gone (its token no longer reads it, authorize does not know it)', async () => {
    const reg = await registerAgent();
    const uri = reg.registration_client_uri as string;
    const rat = reg.registration_access_token as string;
    expect((await t.server.clientConfiguration(configRequest(uri, 'DELETE', 'wrong'))).status).toBe(401);
    const res = await t.server.clientConfiguration(configRequest(uri, 'DELETE', rat));
    expect(res.status).toBe(204);
    expect((await t.server.clientConfiguration(configRequest(uri, 'GET', rat))).status).toBe(401);
    expect(await t.store.findApplicationByClientId(reg.client_id as string)).toBeNull();
  });

  it('a dashboard application cannot be read or deleted through the configuration endpoint', async () => {
    const app = await t.application();
    const res = await t.server.clientConfiguration(configRequest(`${BASE}/o/register/${app.clientId}`, 'DELETE', 'anything'));
    expect(res.status).toBe(401);
    expect(await t.store.findApplicationByClientId(app.clientId)).not.toBeNull();
  });
});
