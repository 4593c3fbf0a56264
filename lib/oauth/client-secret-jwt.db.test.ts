/**
 * RFC 7523 §2.2 / OIDC Core §9 client_secret_jwt: an application registered for it signs its
 * assertion with HS256 keyed by its client secret. Its secret is kept sealed (and only its), so
 * the HMAC can be checked; the secret never travels, so Basic and client_secret are refused for it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { issueInitialAccessToken } from '@/lib/agents/initial-access-tokens';
import { rotateSecret, updateApplication } from '@/lib/applications/service';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { createApplicationStore } from '@/lib/db/applications';
import { JWT_BEARER_ASSERTION_TYPE } from '@/lib/oauth/client-assertion';
import { basic, body, BASE, createTestServer, form, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'token' } });
const apps = createApplicationStore(t.db);

const secretJwtApp = () => t.application({ tokenEndpointAuthMethod: 'client_secret_jwt', grantTypes: ['client_credentials'], redirectUris: [] });

async function hs256(clientId: string, secret: string, o: { aud?: string; jti?: string; expIn?: number; alg?: string } = {}) {
  const now = Math.floor(t.now().getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: o.alg ?? 'HS256' })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(o.aud ?? `${BASE}/o/token`)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expIn ?? 60))
    .setJti(o.jti ?? randomUUID())
    .sign(new TextEncoder().encode(secret));
}

async function token(assertion: string) {
  const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read', client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion }));
  return { res, json: await body(res) };
}

describe(`RFC 7523 client_secret_jwt on ${testDatabaseKind}`, () => {
  it('§2.2: an HS256 assertion keyed with the client secret authenticates the client', async () => {
    const app = await secretJwtApp();
    expect(app.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { res, json } = await token(await hs256(app.clientId, app.clientSecret));
    expect(json.error_description).toBeUndefined();
    expect(res.status).toBe(200);
  });

  it('the secret is stored sealed, not in the clear, beside its digest', async () => {
    const app = await secretJwtApp();
    const row = await t.store.findApplicationByClientId(app.clientId);
    expect(row!.clientSecretSealed).toBeTruthy();
    expect(row!.clientSecretSealed).not.toContain(app.clientSecret);
    const plain = await t.application();
    expect((await t.store.findApplicationByClientId(plain.clientId))!.clientSecretSealed).toBeNull();
  });

  it('§3: a wrong secret, a replayed jti, a wrong audience and HS512 are refused with invalid_client', async () => {
    const app = await secretJwtApp();
    const wrong = await token(await hs256(app.clientId, 'not-the-secret-but-long-enough-for-hs256'));
    expect(wrong.res.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/signature does not verify/) });
    const jti = randomUUID();
    expect((await token(await hs256(app.clientId, app.clientSecret, { jti }))).res.status).toBe(200);
    expect((await token(await hs256(app.clientId, app.clientSecret, { jti }))).json.error_description).toMatch(/already used/);
    expect((await token(await hs256(app.clientId, app.clientSecret, { aud: 'https://elsewhere.example' }))).json.error_description).toMatch(/aud must be/);
    expect((await token(await hs256(app.clientId, app.clientSecret, { alg: 'HS512' }))).json.error_description).toMatch(/alg "HS512" is not supported for client_secret_jwt/);
  });

  it('RFC 7591 §2: the secret never travels, so Basic and client_secret_post are refused for it', async () => {
    const app = await secretJwtApp();
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)));
    expect(res.status).toBe(401);
    expect((await body(res)).error_description).toMatch(/registered for token_endpoint_auth_method client_secret_jwt, not client_secret_basic/);
  });

  it('a client secret application cannot be authenticated with an HMAC of its secret (its secret is only a digest)', async () => {
    const app = await t.application({ grantTypes: ['client_credentials'], redirectUris: [] });
    const { res, json } = await token(await hs256(app.clientId, app.clientSecret));
    expect(res.status).toBe(401);
    expect(json.error_description).toMatch(/not registered for client_secret_jwt/);
  });

  it('switching an application to client_secret_jwt issues a new secret (the old exists only as a digest); switching back drops the sealed copy', async () => {
    const app = await t.application({ grantTypes: ['client_credentials'], redirectUris: [] });
    const switched = await updateApplication(apps, { clientId: app.clientId }, { tokenEndpointAuthMethod: 'client_secret_jwt' }, t.settings);
    expect(switched!.clientSecret).toBeTruthy();
    expect((await token(await hs256(app.clientId, switched!.clientSecret!))).res.status).toBe(200);
    expect((await token(await hs256(app.clientId, app.clientSecret))).res.status).toBe(401);
    const back = await updateApplication(apps, { clientId: app.clientId }, { tokenEndpointAuthMethod: null }, t.settings);
    expect(back!.clientSecret).toBeNull();
    expect((await t.store.findApplicationByClientId(app.clientId))!.clientSecretSealed).toBeNull();
  });

  it('issue 19: during a rotation overlap both secrets key valid assertions; after it only the new one', async () => {
    const app = await secretJwtApp();
    const fresh = await rotateSecret(apps, { clientId: app.clientId }, undefined, 3600, t.now());
    expect((await token(await hs256(app.clientId, fresh!))).res.status).toBe(200);
    expect((await token(await hs256(app.clientId, app.clientSecret))).res.status).toBe(200);
    t.advance(3601);
    expect((await token(await hs256(app.clientId, fresh!))).res.status).toBe(200);
    expect((await token(await hs256(app.clientId, app.clientSecret))).res.status).toBe(401);
  });

  it('RFC 7591 §2: dynamic registration with client_secret_jwt returns a secret that keys the assertion', async () => {
    const { token: iat } = await issueInitialAccessToken(apps, { description: 'test' }, t.now());
    const res = await t.server.register(
      jsonPost('/o/register', { redirect_uris: ['https://dcr.example/cb'], token_endpoint_auth_method: 'client_secret_jwt', grant_types: ['authorization_code', 'client_credentials'] }, { Authorization: `Bearer ${iat}` }),
    );
    expect(res.status).toBe(201);
    const reg = (await res.json()) as { client_id: string; client_secret: string; token_endpoint_auth_method: string };
    expect(reg.token_endpoint_auth_method).toBe('client_secret_jwt');
    expect((await token(await hs256(reg.client_id, reg.client_secret))).res.status).toBe(200);
  });
});
