import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { JWT_BEARER_ASSERTION_TYPE } from '@/lib/oauth/client-assertion';
import { basic, body, BASE, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

// A jwks_uri served by a fake fetcher (the real one is SSRF-safe and tested in lib/agents): it counts fetches.
const published = new Map<string, { keys: JWK[] }>();
const fetches: string[] = [];
const t = await createTestServer(
  {},
  {
    fetchJwks: async (url) => {
      fetches.push(url.href);
      const set = published.get(url.href);
      if (!set) throw new Error('the document URL answered HTTP 404');
      return set;
    },
  },
);

type Alg = 'RS256' | 'PS256' | 'ES256' | 'EdDSA';

async function keyPair(alg: Alg, kid = randomUUID()) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { privateKey, jwk, kid, alg };
}

async function keyedApp(jwks: { keys: JWK[] } | null, jwksUri: string | null = null) {
  return t.application({ tokenEndpointAuthMethod: 'private_key_jwt', jwks: jwks as never, jwksUri, grantTypes: ['client_credentials'], redirectUris: [] });
}

interface AssertionOptions {
  iss?: string;
  sub?: string;
  aud?: string;
  expIn?: number;
  jti?: string | null;
  kid?: string;
}

async function assertion(clientId: string, key: { privateKey: CryptoKey; kid: string; alg: string }, o: AssertionOptions = {}) {
  const now = Math.floor(t.now().getTime() / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: o.kid ?? key.kid })
    .setIssuer(o.iss ?? clientId)
    .setSubject(o.sub ?? clientId)
    .setAudience(o.aud ?? `${BASE}/o/token`)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.expIn ?? 60));
  if (o.jti !== null) jwt.setJti(o.jti ?? randomUUID());
  return jwt.sign(key.privateKey);
}

async function token(clientAssertion: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await t.server.token(
    form('/o/token', { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: clientAssertion, ...extra }, headers),
  );
  return { res, json: await body(res) };
}

function unsigned(claims: Record<string, unknown>, alg = 'none') {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg, typ: 'JWT' })}.${b64(claims)}.`;
}

describe(`RFC 7523 private_key_jwt on ${testDatabaseKind}`, () => {
  describe('§2.2 client authentication with a signed JWT', () => {
    for (const alg of ['RS256', 'PS256', 'ES256', 'EdDSA'] as const) {
      it(`authenticates a client whose assertion is signed with ${alg}`, async () => {
        const key = await keyPair(alg);
        const app = await keyedApp({ keys: [key.jwk] });
        const { res, json } = await token(await assertion(app.clientId, key));
        expect(json.error_description).toBeUndefined();
        expect(res.status).toBe(200);
        expect(json.token_type).toBe('Bearer');
      });
    }

    it('accepts the issuer itself as aud, and a client_id that matches', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const { res } = await token(await assertion(app.clientId, key, { aud: BASE }), { client_id: app.clientId });
      expect(res.status).toBe(200);
    });

    it('works at the introspection and revocation endpoints too', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const { json } = await token(await assertion(app.clientId, key));
      const params = (aud: string) => async () => ({
        token: String(json.access_token),
        client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
        client_assertion: await assertion(app.clientId, key, { aud }),
      });
      const introspected = await t.server.introspect(form('/o/introspect', await params(`${BASE}/o/introspect`)()));
      expect(await body(introspected)).toMatchObject({ active: true, client_id: app.clientId });
      const revoked = await t.server.revoke(form('/o/revoke_token', await params(BASE)()));
      expect(revoked.status).toBe(200);
    });
  });

  describe('§3 the assertion is refused with invalid_client and the reason', () => {
    async function refused(build: (app: { clientId: string }, key: Awaited<ReturnType<typeof keyPair>>) => Promise<string>, reason: RegExp) {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const { res, json } = await token(await build(app, key));
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
      expect(String(json.error_description)).toMatch(reason);
    }

    it('§3 item 7: a replayed jti', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const jwt = await assertion(app.clientId, key);
      expect((await token(jwt)).res.status).toBe(200);
      const again = await token(jwt);
      expect(again.res.status).toBe(401);
      expect(again.json).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/already used/) });
    });

    it('§3 item 3: an aud that is neither the issuer nor the endpoint', () => refused((app, key) => assertion(app.clientId, key, { aud: 'https://other.example/o/token' }), /aud must be/));
    it('§3 item 4: an expired assertion', () => refused((app, key) => assertion(app.clientId, key, { expIn: -120 }), /has expired/));
    it('an exp more than five minutes away', () => refused((app, key) => assertion(app.clientId, key, { expIn: 3600 }), /more than 5 minutes/));
    it('no jti', () => refused((app, key) => assertion(app.clientId, key, { jti: null }), /no jti/));
    it('§3 item 1-2: iss different from sub', () => refused((app, key) => assertion(app.clientId, key, { iss: 'someone-else' }), /iss and sub/));
    it('§3 item 5: a signature by another key with the same kid', () =>
      refused(async (app, key) => {
        const other = await keyPair('ES256', key.kid);
        return assertion(app.clientId, other);
      }, /signature does not verify/));
    it('alg none', () =>
      refused(async (app) => {
        const now = Math.floor(t.now().getTime() / 1000);
        return unsigned({ iss: app.clientId, sub: app.clientId, aud: `${BASE}/o/token`, exp: now + 60, jti: randomUUID() });
      }, /alg "none" is not accepted/));
    it('RFC 8725 §3.1: an HMAC-signed assertion for a client registered for private_key_jwt (no algorithm confusion)', () =>
      refused(async (app) => {
        const now = Math.floor(t.now().getTime() / 1000);
        return new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(app.clientId)
          .setSubject(app.clientId)
          .setAudience(`${BASE}/o/token`)
          .setExpirationTime(now + 60)
          .setJti(randomUUID())
          .sign(new TextEncoder().encode('a-secret-that-is-long-enough-for-hs256!!'));
      }, /not registered for client_secret_jwt/));

    it('an assertion for an unknown client says only that authentication failed', async () => {
      const key = await keyPair('ES256');
      const { res, json } = await token(await assertion('no-such-client', key));
      expect(res.status).toBe(401);
      expect(json).toMatchObject({ error: 'invalid_client', error_description: 'client authentication failed' });
    });

    it('a client_id that is not the assertion\'s sub', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const { res, json } = await token(await assertion(app.clientId, key), { client_id: 'another' });
      expect(res.status).toBe(401);
      expect(json.error_description).toMatch(/does not match/);
    });

    it('an assertion sent together with Basic credentials (one method per request)', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      const { res, json } = await token(await assertion(app.clientId, key), {}, basic(app.clientId, 'x'));
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_request');
    });

    it('a client registered for private_key_jwt has no secret to fall back to', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp({ keys: [key.jwk] });
      expect(app.clientSecret).toBe('');
      const { res, json } = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, 'anything'))).then(async (r) => ({ res: r, json: await body(r) }));
      expect(res.status).toBe(401);
      expect(json.error).toBe('invalid_client');
    });

    it('a client with a secret and no keys cannot send an assertion', async () => {
      const key = await keyPair('ES256');
      const app = await t.application({ grantTypes: ['client_credentials'], redirectUris: [] });
      const { res, json } = await token(await assertion(app.clientId, key));
      expect(res.status).toBe(401);
      expect(json.error_description).toMatch(/no registered keys/);
    });
  });

  describe('keys by jwks_uri', () => {
    it('fetches the set once, caches it, and refetches once on an unknown kid', async () => {
      const uri = `https://client.example/jwks-${randomUUID()}.json`;
      const first = await keyPair('RS256');
      published.set(uri, { keys: [first.jwk] });
      const app = await keyedApp(null, uri);
      expect((await token(await assertion(app.clientId, first))).res.status).toBe(200);
      expect((await token(await assertion(app.clientId, first))).res.status).toBe(200);
      expect(fetches.filter((f) => f === uri)).toHaveLength(1);

      // The client rotates its key: the new kid is unknown to the cached set.
      const second = await keyPair('ES256');
      published.set(uri, { keys: [second.jwk] });
      t.advance(60);
      const { res, json } = await token(await assertion(app.clientId, second));
      expect(json.error_description).toBeUndefined();
      expect(res.status).toBe(200);
      expect(fetches.filter((f) => f === uri)).toHaveLength(2);

      // Another unknown kid right after: no fetch again within the cooldown.
      const stranger = await keyPair('ES256');
      const again = await token(await assertion(app.clientId, stranger));
      expect(again.res.status).toBe(401);
      expect(again.json.error_description).toMatch(/no registered key/);
      expect(fetches.filter((f) => f === uri)).toHaveLength(2);
    });

    it('says when the jwks_uri cannot be fetched', async () => {
      const key = await keyPair('ES256');
      const app = await keyedApp(null, `https://client.example/missing-${randomUUID()}.json`);
      const { res, json } = await token(await assertion(app.clientId, key));
      expect(res.status).toBe(401);
      expect(json.error_description).toMatch(/jwks_uri could not be fetched: the document URL answered HTTP 404/);
    });
  });

  describe('RFC 8414 metadata', () => {
    it('lists private_key_jwt, client_secret_jwt and the signing algorithms (HS256 for client_secret_jwt only)', async () => {
      const meta = await body(await t.server.metadata(new Request(`${BASE}/.well-known/oauth-authorization-server`)));
      expect(meta.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
      expect(meta.token_endpoint_auth_methods_supported).toContain('client_secret_jwt');
      expect(meta.introspection_endpoint_auth_methods_supported).toContain('private_key_jwt');
      expect(meta.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS256', 'PS256', 'ES256', 'EdDSA', 'HS256']);
      expect(meta.revocation_endpoint_auth_signing_alg_values_supported).toEqual(['RS256', 'PS256', 'ES256', 'EdDSA', 'HS256']);
    });
  });
});
