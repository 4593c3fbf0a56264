/** RFC 7591 §2 token_endpoint_auth_method private_key_jwt with jwks / jwks_uri (RFC 7523), as a registering client sees it. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createOAuthServer } from '@/lib/oauth';
import { createApplicationStore } from '@/lib/db/applications';
import { issueInitialAccessToken } from '@/lib/agents/initial-access-tokens';
import { JWT_BEARER_ASSERTION_TYPE } from '@/lib/oauth/client-assertion';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { BASE, body, createTestServer, form, jsonPost } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let server: ReturnType<typeof createOAuthServer>;
beforeAll(async () => {
  t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'token' } });
  server = t.server;
});

async function register(metadata: Record<string, unknown>) {
  const { token } = await issueInitialAccessToken(createApplicationStore(t.db), { description: 'test' }, t.now());
  const res = await server.register(jsonPost('/o/register', metadata, { Authorization: `Bearer ${token}` }));
  return { res, json: await body(res) };
}

const SERVICE = { client_name: 'Batch job', grant_types: ['client_credentials'], response_types: [], token_endpoint_auth_method: 'private_key_jwt' };

describe('RFC 7591 §2 private_key_jwt registration', () => {
  it('registers a client with its jwks, gives it no secret, and it authenticates with a signed assertion', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1' };
    const { res, json } = await register({ ...SERVICE, jwks: { keys: [jwk] } });
    expect(res.status).toBe(201);
    expect(json.client_secret).toBeUndefined();
    expect(json.client_secret_expires_at).toBeUndefined();
    expect(json).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });

    const clientId = String(json.client_id);
    const now = Math.floor(t.now().getTime() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(BASE)
      .setExpirationTime(now + 60)
      .setJti(randomUUID())
      .sign(privateKey);
    const token = await server.token(form('/o/token', { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion }));
    expect(token.status).toBe(200);
  });

  it('registers a jwks_uri over https', async () => {
    const { res, json } = await register({ ...SERVICE, jwks_uri: 'https://client.example/jwks.json' });
    expect(res.status).toBe(201);
    expect(json.jwks_uri).toBe('https://client.example/jwks.json');
  });

  it('refuses private_key_jwt without keys, with both, with a private key, or with an http jwks_uri', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{}, /needs the client's public keys/],
      [{ jwks: { keys: [{ kty: 'EC' }] }, jwks_uri: 'https://client.example/jwks' }, /not both/],
      [{ jwks: { keys: [await exportJWK(privateKey)] } }, /jwks key 1 is a private or symmetric key/],
      [{ jwks_uri: 'http://client.example/jwks' }, /jwks_uri must be an https URL/],
    ];
    for (const [extra, reason] of cases) {
      const { res, json } = await register({ ...SERVICE, ...extra });
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_client_metadata');
      expect(String(json.error_description)).toMatch(reason);
    }
  });
});
