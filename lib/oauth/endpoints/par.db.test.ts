import { describe, expect, it } from 'vitest';
import * as oauth from 'oauth4webapi';
import { s256 } from '@/lib/oauth/pkce';
import { digest } from '@/lib/oauth/secrets';
import { BASE, basic, body, createTestServer, engineFetch, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const VERIFIER = 'dBjftJeZ4CVP-mJ0z5ZzZzSBbb4b7f7b-hooAaSbZh0Wq_3A';
const CALLBACK = 'https://client.example/cb';
const codeRequest = { response_type: 'code', redirect_uri: CALLBACK, scope: 'read', state: 'pushed-state', code_challenge: s256(VERIFIER), code_challenge_method: 'S256' };

async function push(app: { clientId: string; clientSecret: string }, params: Record<string, string> = codeRequest) {
  const headers = app.clientSecret ? basic(app.clientId, app.clientSecret) : {};
  const res = await t.server.par(form('/o/par', app.clientSecret ? params : { client_id: app.clientId, ...params }, headers));
  return { res, json: await body(res) };
}

/** Where /o/authorize sends a signed-in browser for this URL (its Location). */
async function authorizeLocation(params: Record<string, string>, userId: string) {
  t.signIn(userId);
  const res = await t.server.authorize(get('/o/authorize', params));
  return res.headers.get('location') ?? '';
}

describe(`pushed authorization requests (RFC 9126) on ${testDatabaseKind}`, () => {
  describe('RFC 9126 §2.1-2.2 request and successful response', () => {
    it('answers 201 with a request_uri (urn:ietf:params:oauth:request_uri:…) and expires_in 60, no-store', async () => {
      const app = await t.application();
      const { res, json } = await push(app);
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(String(json.request_uri)).toMatch(/^urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}$/);
      expect(json.expires_in).toBe(60);
      const rows = JSON.stringify(await t.db.execute('select request_uri_digest from pushed_authorization_requests'));
      expect(rows).not.toContain(String(json.request_uri));
      expect(rows).toContain(digest(String(json.request_uri)));
    });

    it('authenticates the client as the token endpoint does; a public client by client_id', async () => {
      const app = await t.application();
      const bad = await t.server.par(form('/o/par', codeRequest, basic(app.clientId, 'wrong')));
      expect(bad.status).toBe(401);
      expect((await body(bad)).error).toBe('invalid_client');
      const pub = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      expect((await push({ clientId: pub.clientId, clientSecret: '' })).res.status).toBe(201);
    });
  });

  describe('RFC 9126 §2.3 error response: everything /o/authorize checks', () => {
    it('an unregistered redirect_uri is invalid_request', async () => {
      const app = await t.application();
      const { res, json } = await push(app, { ...codeRequest, redirect_uri: 'https://evil.example/cb' });
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_request');
      expect(String(json.error_description)).toContain('not registered');
    });

    it('an unknown scope is invalid_scope; a missing response_type invalid_request; PKCE missing for a public client invalid_request', async () => {
      const app = await t.application();
      expect((await push(app, { ...codeRequest, scope: 'nope' })).json.error).toBe('invalid_scope');
      const without = (...names: string[]) => Object.fromEntries(Object.entries(codeRequest).filter(([k]) => !names.includes(k)));
      const noType = without('response_type');
      expect((await push(app, noType)).json.error).toBe('invalid_request');
      const pub = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const noPkce = without('code_challenge', 'code_challenge_method');
      expect((await push({ clientId: pub.clientId, clientSecret: '' }, noPkce)).json.error).toBe('invalid_request');
    });

    it('a request_uri in the pushed request is invalid_request (§2.1)', async () => {
      const app = await t.application();
      const { json } = await push(app, { ...codeRequest, request_uri: 'urn:ietf:params:oauth:request_uri:x' });
      expect(json.error).toBe('invalid_request');
    });
  });

  describe('RFC 9126 §4 authorization request with the request_uri', () => {
    it('uses the pushed parameters only (state, scope), not what the URL adds', async () => {
      const app = await t.application();
      const user = await t.user();
      const { json } = await push(app);
      const location = await authorizeLocation({ client_id: app.clientId, request_uri: String(json.request_uri), state: 'tampered', scope: 'write' }, user.id);
      expect(location).toMatch(/^\/o\/consent\?request=/);
      const view = await t.server.loadConsent(new URL(location, BASE).searchParams.get('request')!, user.id);
      expect(view?.state).toBe('pushed-state');
      expect(view?.scopes.map((s) => s.name)).toEqual(['read']);
    });

    it('is single use: the second use goes to the error page with invalid_request_uri', async () => {
      const app = await t.application();
      const user = await t.user();
      const { json } = await push(app);
      const params = { client_id: app.clientId, request_uri: String(json.request_uri) };
      expect(await authorizeLocation(params, user.id)).toMatch(/^\/o\/consent/);
      expect(await authorizeLocation(params, user.id)).toMatch(/^\/o\/error\?error=invalid_request_uri/);
    });

    it("is bound to the client that pushed it: another client_id gets the error page (and does not use it up)", async () => {
      const app = await t.application();
      const other = await t.application();
      const user = await t.user();
      const { json } = await push(app);
      expect(await authorizeLocation({ client_id: other.clientId, request_uri: String(json.request_uri) }, user.id)).toMatch(/^\/o\/error\?error=invalid_request_uri/);
      expect(await authorizeLocation({ client_id: app.clientId, request_uri: String(json.request_uri) }, user.id)).toMatch(/^\/o\/consent/);
    });

    it('expires after 60 seconds', async () => {
      const app = await t.application();
      const user = await t.user();
      const { json } = await push(app);
      t.advance(61);
      expect(await authorizeLocation({ client_id: app.clientId, request_uri: String(json.request_uri) }, user.id)).toMatch(/^\/o\/error\?error=invalid_request_uri/);
    });

    it('a request_uri without client_id goes to the error page', async () => {
      const user = await t.user();
      expect(await authorizeLocation({ request_uri: 'urn:ietf:params:oauth:request_uri:abc' }, user.id)).toMatch(/^\/o\/error\?error=invalid_request/);
    });
  });

  describe('RFC 9126 §5 requiring pushed requests', () => {
    it('an application with "Require PAR" refuses unpushed requests at /o/authorize and accepts pushed ones', async () => {
      const app = await t.application({ requirePushedAuthorizationRequests: true });
      const user = await t.user();
      expect(await authorizeLocation({ client_id: app.clientId, ...codeRequest }, user.id)).toMatch(/^\/o\/error\?error=invalid_request&error_description=.*RFC\+9126/);
      const { json } = await push(app);
      expect(await authorizeLocation({ client_id: app.clientId, request_uri: String(json.request_uri) }, user.id)).toMatch(/^\/o\/consent/);
    });

    it('OAUTH2_REQUIRE_PUSHED_AUTHORIZATION_REQUESTS refuses unpushed requests for every application, and metadata says so', async () => {
      // The test server's settings object is the engine's: switched on for this test only.
      const settings = t.settings as { requirePushedAuthorizationRequests: boolean };
      settings.requirePushedAuthorizationRequests = true;
      try {
        const app = await t.application();
        const user = await t.user();
        expect(await authorizeLocation({ client_id: app.clientId, ...codeRequest }, user.id)).toMatch(/^\/o\/error\?error=invalid_request/);
        const meta = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
        expect(meta.require_pushed_authorization_requests).toBe(true);
      } finally {
        settings.requirePushedAuthorizationRequests = false;
      }
    });

    it('metadata lists the endpoint, and does not require PAR by default', async () => {
      const meta = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
      expect(meta.pushed_authorization_request_endpoint).toBe(`${BASE}/o/par`);
      expect(meta.require_pushed_authorization_requests).toBe(false);
    });
  });

  describe('RFC 9126 with oauth4webapi', () => {
    it('a PAR code flow: push, authorize with the request_uri, exchange the code', async () => {
      const app = await t.application();
      const user = await t.user();
      const fetchFn = engineFetch(t.server);
      const as = await oauth.processDiscoveryResponse(new URL(BASE), await t.server.metadata(get('/.well-known/oauth-authorization-server')));
      const client: oauth.Client = { client_id: app.clientId };
      const auth = oauth.ClientSecretBasic(app.clientSecret);
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const nonce = oauth.generateRandomNonce();
      const params = new URLSearchParams({
        response_type: 'code',
        redirect_uri: CALLBACK,
        scope: 'openid read',
        state,
        nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const pushed = await oauth.processPushedAuthorizationResponse(as, client, await oauth.pushedAuthorizationRequest(as, client, auth, params, { [oauth.customFetch]: fetchFn }));
      expect(pushed.expires_in).toBe(60);

      const consent = await authorizeLocation({ client_id: app.clientId, request_uri: pushed.request_uri }, user.id);
      const to = await t.server.decideAuthorization(new URL(consent, BASE).searchParams.get('request')!, { userId: user.id, authTime: Math.floor(t.now().getTime() / 1000) }, { allow: true });
      const callback = oauth.validateAuthResponse(as, client, new URL(to!), state);
      const tokens = await oauth.processAuthorizationCodeResponse(
        as,
        client,
        await oauth.authorizationCodeGrantRequest(as, client, auth, callback, CALLBACK, verifier, { [oauth.customFetch]: fetchFn }),
        { expectedNonce: nonce },
      );
      expect(tokens.scope).toBe('openid read');
      expect(tokens.id_token).toBeTruthy();
    });
  });
});
