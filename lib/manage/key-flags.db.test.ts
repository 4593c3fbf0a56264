/** `manage createapplication|updateapplication --token-endpoint-auth-method private_key_jwt --jwks JSON | --jwks-uri URL --access-token-format jwt`. */
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import type { DbHandle } from '@/lib/db/types';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { createapplication } from './createapplication';
import { updateapplication } from './updateapplication';

const t = await createAuditedTestServer();

async function run(command: typeof createapplication, values: Record<string, string | boolean>, positionals: string[]) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s) });
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('manage: private_key_jwt and JWT access token flags', () => {
  it('creates a client that authenticates with its key: no secret, its JWKS stored', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] };
    const created = await run(createapplication, { name: 'keyed', 'token-endpoint-auth-method': 'private_key_jwt', jwks: JSON.stringify(jwks) }, ['confidential', 'client-credentials']);
    expect(created.client_secret).toBeNull();
    const client = await t.store.findApplicationByClientId(String(created.client_id));
    expect(client).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', jwks, jwksUri: null, clientSecretDigest: null });
  });

  it('RFC 7523 client_secret_jwt: a secret shown once and kept sealed; refused for a public client and for an unknown method', async () => {
    const created = await run(createapplication, { name: 'hmac', 'token-endpoint-auth-method': 'client_secret_jwt' }, ['confidential', 'client-credentials']);
    expect(created.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const client = await t.store.findApplicationByClientId(String(created.client_id));
    expect(client).toMatchObject({ tokenEndpointAuthMethod: 'client_secret_jwt', clientSecretSealed: expect.any(String) });
    await expect(run(createapplication, { 'token-endpoint-auth-method': 'client_secret_jwt', 'redirect-uris': 'https://ops.example/cb' }, ['public', 'authorization-code'])).rejects.toThrow(/client secret JWT needs a confidential client/);
    await expect(run(createapplication, { 'token-endpoint-auth-method': 'tls_client_auth' }, ['confidential', 'client-credentials'])).rejects.toThrow(
      '--token-endpoint-auth-method: expected client_secret, private_key_jwt or client_secret_jwt',
    );
  });

  it('refuses a private key in --jwks, in one line naming the flag', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwks = JSON.stringify({ keys: [await exportJWK(privateKey)] });
    await expect(run(createapplication, { 'token-endpoint-auth-method': 'private_key_jwt', jwks }, ['confidential', 'client-credentials'])).rejects.toThrow(
      /^--jwks: key 1 is a private or symmetric key/,
    );
  });

  it('refuses an http --jwks-uri, and private_key_jwt without keys', async () => {
    await expect(run(createapplication, { 'token-endpoint-auth-method': 'private_key_jwt', 'jwks-uri': 'http://client.example/jwks' }, ['confidential', 'client-credentials'])).rejects.toThrow(
      /^--jwks-uri: http:\/\/client.example\/jwks must be an https URL/,
    );
    await expect(run(createapplication, { 'token-endpoint-auth-method': 'private_key_jwt' }, ['confidential', 'client-credentials'])).rejects.toThrow(/^--jwks: private key JWT needs/);
  });

  it('updateapplication switches to a jwks_uri and JWT access tokens, and back to a secret', async () => {
    const created = await run(createapplication, { name: 'switch' }, ['confidential', 'client-credentials']);
    const clientId = String(created.client_id);
    const updated = await run(updateapplication, { 'token-endpoint-auth-method': 'private_key_jwt', 'jwks-uri': 'https://client.example/jwks.json', 'access-token-format': 'jwt' }, [clientId]);
    expect(updated).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://client.example/jwks.json', access_token_format: 'jwt', has_secret: false });
    const back = await run(updateapplication, { 'token-endpoint-auth-method': 'client_secret' }, [clientId]);
    expect(back).toMatchObject({ token_endpoint_auth_method: null, jwks_uri: null, has_secret: true });
    expect(String(back.client_secret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an unknown --access-token-format', async () => {
    await expect(run(createapplication, { 'access-token-format': 'paseto' }, ['confidential', 'client-credentials'])).rejects.toThrow(/^--access-token-format: expected opaque or jwt/);
  });
});
