/**
 * RFC 9449 (DPoP) at the authorization server: proofs at the token endpoint (§4.3, §5), tokens
 * bound to the key (token_type DPoP, cnf.jkt in introspection §6.2 and JWT access tokens §6.1),
 * public clients' refresh tokens (§5), server nonces (§8), dpop_jkt on authorize and PAR (§10),
 * replay (§11.1), "Require DPoP" (RFC 7591 dpop_bound_access_tokens) and userinfo (§7).
 * Proofs are built with `jose` (lib/testing/dpop.ts).
 */
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { registerApplication } from '@/lib/applications/service';
import { ApplicationInputError } from '@/lib/applications/rules';
import { applicationToFormValues } from '@/lib/applications/schema';
import { createApplicationStore } from '@/lib/db/applications';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { dpopKey, signProof, unsignedProof, type DpopAlg } from '@/lib/testing/dpop';
import { BASE, basic, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { pkcePair } from '@/lib/testing/pkce';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createDpopNonces } from './nonce';

const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
const TOKEN = `${BASE}/o/token`;
const user = await t.user();
const app = await t.application({ name: 'Confidential app', grantTypes: ['authorization_code', 'client_credentials', 'password'] });
const auth = basic(app.clientId, app.clientSecret);
const REDIRECT = 'http://127.0.0.1:7777/cb';
const publicApp = await t.application({ name: 'Public app', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: [REDIRECT] });

const key = (alg: DpopAlg = 'ES256') => dpopKey(alg, t.now);

function tokenRequest(params: Record<string, string>, headers: Record<string, string> = auth): Request {
  return form('/o/token', params, headers);
}

async function clientCredentials(proof?: string) {
  const res = await t.server.token(tokenRequest({ grant_type: 'client_credentials', scope: 'read' }, proof ? { ...auth, DPoP: proof } : auth));
  return { res, json: await body(res) };
}

function expectRefused(res: Response, json: Record<string, unknown>, code: string, why: RegExp, status = 400) {
  expect(res.status).toBe(status);
  expect(json.error).toBe(code);
  expect(String(json.error_description)).toMatch(why);
  // The "a WWW-Authenticate that says why": the DPoP scheme with the error and its description.
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^DPoP algs="ES256 RS256 PS256 EdDSA"/);
  expect(challenge).toContain(`error="${code}"`);
  expect(challenge).toContain('error_description="');
}

/** A public client's code flow with PKCE: the code (optionally bound with dpop_jkt). */
async function publicCode(extra: Record<string, string> = {}) {
  const pkce = pkcePair();
  const code = await t.authorizeCode(publicApp, user.id, { redirect_uri: REDIRECT, code_challenge: pkce.challenge, code_challenge_method: 'S256', scope: 'read', ...extra });
  return { code, verifier: pkce.verifier };
}

const exchangePublic = (code: { code: string; verifier: string }, proof?: string) =>
  t.server.token(
    form('/o/token', { grant_type: 'authorization_code', code: code.code, code_verifier: code.verifier, redirect_uri: REDIRECT, client_id: publicApp.clientId }, proof ? { DPoP: proof } : {}),
  );

describe(`RFC 9449 DPoP at the authorization server, on ${testDatabaseKind}`, () => {
  describe('§5 DPoP access token request', () => {
    it.each(['ES256', 'RS256', 'PS256', 'EdDSA'] as const)('a proof signed with %s gets token_type DPoP, bound to the key (introspection §6.2: cnf.jkt)', async (alg) => {
      const k = await key(alg);
      const { res, json } = await clientCredentials(await k.proof('POST', TOKEN));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(json.token_type).toBe('DPoP');
      const info = await t.introspect(app, String(json.access_token));
      expect(info).toMatchObject({ active: true, token_type: 'DPoP', cnf: { jkt: k.jkt } });
    });

    it('without a proof the token is a bearer token, as before (no cnf)', async () => {
      const { json } = await clientCredentials();
      expect(json.token_type).toBe('Bearer');
      const info = await t.introspect(app, String(json.access_token));
      expect(info.token_type).toBe('Bearer');
      expect(info.cnf).toBeUndefined();
    });

    it('§6.1: a JWT access token (RFC 9068) carries cnf.jkt', async () => {
      const jwtApp = await t.application({ name: 'JWT app', grantTypes: ['client_credentials'], accessTokenFormat: 'jwt' });
      const k = await key();
      const res = await t.server.token(tokenRequest({ grant_type: 'client_credentials' }, { ...basic(jwtApp.clientId, jwtApp.clientSecret), DPoP: await k.proof('POST', TOKEN) }));
      const json = await body(res);
      expect(json.token_type).toBe('DPoP');
      expect(decodeJwt(String(json.access_token)).cnf).toEqual({ jkt: k.jkt });
    });

    it('§4.3 item 9: htu is compared without query and fragment, after normalising case, default port and percent-encoding', async () => {
      const k = await key();
      expect((await clientCredentials(await k.proof('POST', 'HTTPS://AS.example:443/%6f/token?x=1#frag'))).res.status).toBe(200);
      // Every path answers with and without its trailing slash.
      expect((await clientCredentials(await k.proof('POST', `${TOKEN}/`))).res.status).toBe(200);
    });
  });

  describe('§4.3 checking DPoP proofs: every refusal is invalid_dpop_proof with a challenge saying why', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['alg "none"', async () => unsignedProof((await key()).jwk, { htm: 'POST', htu: TOKEN, jti: 'x', iat: Math.floor(t.now().getTime() / 1000) }), /alg "none"/],
      [
        'an HMAC (symmetric) alg',
        async () =>
          new SignJWT({ htm: 'POST', htu: TOKEN, jti: 'h', iat: Math.floor(t.now().getTime() / 1000) })
            // A symmetric "key" in the header, as a confused or hostile client would send it.
            .setProtectedHeader({ typ: 'dpop+jwt', alg: 'HS256', jwk: { kty: 'oct', k: 'c2VjcmV0' } as never })
            .sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-long!')),
        /symmetric/,
      ],
      ['a private key in the jwk header', async () => { const k = await key(); const { exportJWK } = await import('jose'); return signProof(k.privateKey, 'ES256', await exportJWK(k.privateKey), 'POST', TOKEN, {}, t.now); }, /public key/],
      ['typ other than dpop+jwt', async () => (await key()).proof('POST', TOKEN, { header: { typ: 'JWT' } }), /typ/],
      ['wrong htm (GET for a POST)', async () => (await key()).proof('GET', TOKEN), /htm must be "POST"/],
      ['wrong htu (another endpoint)', async () => (await key()).proof('POST', `${BASE}/o/introspect`), /htu must be the URI of this request/],
      ['wrong htu (another host)', async () => (await key()).proof('POST', 'https://evil.example/o/token'), /htu/],
      ['iat older than five minutes', async () => (await key()).proof('POST', TOKEN, { iat: Math.floor(t.now().getTime() / 1000) - 301 }), /older than 5 minutes/],
      ['iat in the future', async () => (await key()).proof('POST', TOKEN, { iat: Math.floor(t.now().getTime() / 1000) + 120 }), /future/],
      ['no jti', async () => (await key()).proof('POST', TOKEN, { claims: { jti: undefined } }), /no jti/],
      ['a signature by another key than the jwk', async () => { const a = await key(); const b = await key(); return signProof(b.privateKey, 'ES256', a.jwk, 'POST', TOKEN, {}, t.now); }, /signature/],
      ['not a JWT at all', async () => 'not-a-jwt', /not a JWT/],
    ];
    it.each(cases)('%s', async (_name, make, why) => {
      const { res, json } = await clientCredentials(await make());
      expectRefused(res, json, 'invalid_dpop_proof', why);
    });

    it('§4.3 item 1: more than one DPoP header', async () => {
      const k = await key();
      const req = tokenRequest({ grant_type: 'client_credentials' });
      req.headers.append('DPoP', await k.proof('POST', TOKEN));
      req.headers.append('DPoP', await k.proof('POST', TOKEN));
      const res = await t.server.token(req);
      expectRefused(res, await body(res), 'invalid_dpop_proof', /exactly one DPoP header/);
    });

    it('§11.1: a proof is single use (its jti is remembered, in the database every instance shares)', async () => {
      const proof = await (await key()).proof('POST', TOKEN);
      expect((await clientCredentials(proof)).res.status).toBe(200);
      const again = await clientCredentials(proof);
      expectRefused(again.res, again.json, 'invalid_dpop_proof', /already used/);
    });
  });

  describe('§5 refresh tokens: bound for public clients, not for confidential ones', () => {
    it("a public client's refresh token is bound to its key: refused without a proof or with another key (and not used up), refreshed with the key", async () => {
      const k = await key();
      const res = await exchangePublic(await publicCode(), await k.proof('POST', TOKEN));
      const tokens = await body(res);
      expect(res.status).toBe(200);
      expect(tokens.token_type).toBe('DPoP');
      const refresh = (proof?: string) =>
        t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token), client_id: publicApp.clientId }, proof ? { DPoP: proof } : {}));

      const bare = await refresh();
      expectRefused(bare, await body(bare), 'invalid_dpop_proof', /bound to a DPoP key/);
      const other = await refresh(await (await key()).proof('POST', TOKEN));
      expectRefused(other, await body(other), 'invalid_dpop_proof', /another key/);
      // The refusals used nothing up: the holder of the key still refreshes, and the new pair is bound too.
      const ok = await refresh(await k.proof('POST', TOKEN));
      const next = await body(ok);
      expect(ok.status).toBe(200);
      expect(next.token_type).toBe('DPoP');
      const again = await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: String(next.refresh_token), client_id: publicApp.clientId }));
      expectRefused(again, await body(again), 'invalid_dpop_proof', /bound to a DPoP key/);
    });

    it("a confidential client's refresh token is not bound: it may refresh with another key, or none", async () => {
      const a = await key();
      const b = await key();
      const first = await body(
        await t.server.token(tokenRequest({ grant_type: 'password', username: user.email, password: user.password, scope: 'read' }, { ...auth, DPoP: await a.proof('POST', TOKEN) })),
      );
      expect(first.token_type).toBe('DPoP');
      const withB = await t.server.token(tokenRequest({ grant_type: 'refresh_token', refresh_token: String(first.refresh_token) }, { ...auth, DPoP: await b.proof('POST', TOKEN) }));
      const second = await body(withB);
      expect(withB.status).toBe(200);
      expect(await t.introspect(app, String(second.access_token))).toMatchObject({ token_type: 'DPoP', cnf: { jkt: b.jkt } });
      const bare = await t.refresh(app, String(second.refresh_token));
      expect(bare.status).toBe(200);
      expect((await body(bare)).token_type).toBe('Bearer');
    });
  });

  describe('§8 server-provided nonces (OAUTH2_DPOP_NONCE)', async () => {
    const nonces = createDpopNonces('test-secret');
    const n = await createTestServer({}, { dpopNonces: nonces });
    const nApp = await n.application({ grantTypes: ['authorization_code', 'client_credentials'] });
    const nUser = await n.user();

    it('a proof without the nonce gets use_dpop_nonce with a DPoP-Nonce header; the retry with it succeeds, and the code was not used up', async () => {
      const k = await dpopKey('ES256', n.now);
      const code = await n.authorizeCode(nApp, nUser.id, { redirect_uri: 'https://client.example/cb', scope: 'read' });
      const exchange = (proof: string) =>
        n.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb' }, { ...basic(nApp.clientId, nApp.clientSecret), DPoP: proof }));
      const first = await exchange(await k.proof('POST', TOKEN));
      const json = await body(first);
      expectRefused(first, json, 'use_dpop_nonce', /requires a DPoP nonce/);
      const nonce = first.headers.get('dpop-nonce');
      expect(nonce).toBeTruthy();
      const retry = await exchange(await k.proof('POST', TOKEN, { nonce: nonce! }));
      expect(retry.status).toBe(200);
      expect((await body(retry)).token_type).toBe('DPoP');
      expect(retry.headers.get('dpop-nonce')).toBeTruthy();
    });

    it('a nonce from two windows ago is refused with a fresh one; a made-up nonce too', async () => {
      const k = await dpopKey('ES256', n.now);
      const old = nonces.current(new Date(n.now().getTime() - 700_000));
      for (const bad of [old, 'AAAAAAAAAAAAAAAAAAAAAAAA']) {
        const res = await n.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...basic(nApp.clientId, nApp.clientSecret), DPoP: await k.proof('POST', TOKEN, { nonce: bad }) }));
        expectRefused(res, await body(res), 'use_dpop_nonce', /nonce has expired/);
        expect(res.headers.get('dpop-nonce')).toBe(nonces.current(n.now()));
      }
    });
  });

  describe('§10 dpop_jkt: binding the authorization code to a key', () => {
    it('a code issued with dpop_jkt is redeemed with a proof of that key, and refused with another key or none', async () => {
      const k = await key();
      const ok = await exchangePublic(await publicCode({ dpop_jkt: k.jkt }), await k.proof('POST', TOKEN));
      expect(ok.status).toBe(200);
      expect((await body(ok)).token_type).toBe('DPoP');

      const other = await exchangePublic(await publicCode({ dpop_jkt: k.jkt }), await (await key()).proof('POST', TOKEN));
      expectRefused(other, await body(other), 'invalid_dpop_proof', /another key than the one this authorization code is bound to/);
      const none = await exchangePublic(await publicCode({ dpop_jkt: k.jkt }));
      expectRefused(none, await body(none), 'invalid_dpop_proof', /authorization code is bound to a DPoP key/);
    });

    it('a dpop_jkt that is not a SHA-256 thumbprint goes back to the client as invalid_request', async () => {
      t.signIn(user.id);
      const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: 'https://client.example/cb', scope: 'read', dpop_jkt: 'short' }));
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toMatch(/dpop_jkt/);
    });

    it('§10.1: a DPoP proof sent to PAR binds the code to its key; dpop_jkt naming another key is refused', async () => {
      const k = await key();
      const push = (proof: string, extra: Record<string, string> = {}) =>
        t.server.par(form('/o/par', { response_type: 'code', redirect_uri: 'https://client.example/cb', scope: 'read', ...extra }, { ...auth, DPoP: proof }));
      const pushed = await push(await k.proof('POST', `${BASE}/o/par`));
      expect(pushed.status).toBe(201);
      const code = await t.authorizeCode(app, user.id, { request_uri: String((await body(pushed)).request_uri) });
      const exchange = (proof: string) => t.server.token(tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb' }, { ...auth, DPoP: proof }));
      const wrong = await exchange(await (await key()).proof('POST', TOKEN));
      expectRefused(wrong, await body(wrong), 'invalid_dpop_proof', /another key/);

      const mismatch = await push(await k.proof('POST', `${BASE}/o/par`), { dpop_jkt: (await key()).jkt });
      expectRefused(mismatch, await body(mismatch), 'invalid_dpop_proof', /different keys/);
    });
  });

  describe('"Require DPoP" (RFC 7591 dpop_bound_access_tokens)', () => {
    it('an application that requires DPoP is refused tokens without a proof, and gets DPoP-bound ones with one', async () => {
      const strict = await t.application({ name: 'Strict app', grantTypes: ['client_credentials'], requireDpop: true });
      const headers = basic(strict.clientId, strict.clientSecret);
      const bare = await t.server.token(tokenRequest({ grant_type: 'client_credentials' }, headers));
      expectRefused(bare, await body(bare), 'invalid_dpop_proof', /Strict app accepts only DPoP-bound tokens/);
      const ok = await t.server.token(tokenRequest({ grant_type: 'client_credentials' }, { ...headers, DPoP: await (await key()).proof('POST', TOKEN) }));
      expect(ok.status).toBe(200);
      expect((await body(ok)).token_type).toBe('DPoP');
    });

    it('the rule, once for dashboard, CLI and registration: Require DPoP cannot go with the implicit grant', async () => {
      const attempt = registerApplication(
        createApplicationStore(t.db),
        { name: 'Implicit', clientType: 'public', grantTypes: ['implicit'], redirectUris: ['https://spa.example/cb'], ownerId: null, requireDpop: true },
        t.settings,
      );
      await expect(attempt).rejects.toBeInstanceOf(ApplicationInputError);
      await expect(attempt).rejects.toMatchObject({ field: 'requireDpop', message: expect.stringMatching(/implicit grant cannot issue DPoP-bound tokens/) });
    });

    it('the edit forms (dashboard and console) start from the stored switch, so saving them keeps it (Require two-factor sign-in too)', async () => {
      const strict = await t.application({ name: 'Kept', grantTypes: ['client_credentials'], requireDpop: true, requireMfa: true });
      const stored = await createApplicationStore(t.db).findApplication({ clientId: strict.clientId });
      expect(applicationToFormValues(stored!)).toMatchObject({ requireDpop: true, requireMfa: true });
    });

    it('RFC 7591: dpop_bound_access_tokens=true registers a client that must use DPoP; a non-boolean is invalid_client_metadata', async () => {
      const reg = await t.server.register(jsonPost('/o/register', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', dpop_bound_access_tokens: true }));
      const json = await body(reg);
      expect(reg.status).toBe(201);
      expect(json.dpop_bound_access_tokens).toBe(true);
      const client = { clientId: String(json.client_id) };
      const pkce = pkcePair();
      const code = await t.authorizeCode(client, user.id, { redirect_uri: REDIRECT, code_challenge: pkce.challenge, code_challenge_method: 'S256', scope: 'read' });
      const bare = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, code_verifier: pkce.verifier, redirect_uri: REDIRECT, client_id: client.clientId }));
      expectRefused(bare, await body(bare), 'invalid_dpop_proof', /accepts only DPoP-bound tokens/);

      const bad = await t.server.register(jsonPost('/o/register', { redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', dpop_bound_access_tokens: 'yes' }));
      expect(bad.status).toBe(400);
      expect(await body(bad)).toMatchObject({ error: 'invalid_client_metadata', error_description: expect.stringMatching(/dpop_bound_access_tokens/) });
    });
  });

  it('RFC 8414 / RFC 9449 §5.1: metadata lists dpop_signing_alg_values_supported', async () => {
    const meta = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(meta.dpop_signing_alg_values_supported).toEqual(['ES256', 'RS256', 'PS256', 'EdDSA']);
  });

  describe('§7 userinfo with a DPoP-bound token', () => {
    const USERINFO = `${BASE}/o/userinfo`;
    async function boundToken(k: Awaited<ReturnType<typeof key>>) {
      const res = await t.server.token(tokenRequest({ grant_type: 'password', username: user.email, password: user.password, scope: 'openid email' }, { ...auth, DPoP: await k.proof('POST', TOKEN) }));
      return String((await body(res)).access_token);
    }
    const userinfo = (headers: Record<string, string>) => t.server.userinfo(new Request(USERINFO, { headers }));

    it('§7.1: Authorization: DPoP with a proof (ath, htm, htu) answers the claims', async () => {
      const k = await key();
      const token = await boundToken(k);
      const res = await userinfo({ Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', USERINFO, { accessToken: token }) });
      expect(res.status).toBe(200);
      expect((await body(res)).sub).toBe(user.id);
    });

    it('§7.2: the bound token sent as Bearer is refused (no downgrade), with a DPoP challenge', async () => {
      const k = await key();
      const res = await userinfo({ Authorization: `Bearer ${await boundToken(k)}` });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^DPoP algs="[^"]+", error="invalid_token"/);
    });

    it('§4.3 item 12: a proof without ath, or with the ath of another token, is invalid_dpop_proof (401)', async () => {
      const k = await key();
      const token = await boundToken(k);
      const noAth = await userinfo({ Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', USERINFO) });
      expectRefused(noAth, await body(noAth), 'invalid_dpop_proof', /no ath/, 401);
      const otherAth = await userinfo({ Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', USERINFO, { accessToken: 'another-token' }) });
      expectRefused(otherAth, await body(otherAth), 'invalid_dpop_proof', /ath does not match/, 401);
    });
  });
});
