import { describe, expect, it } from 'vitest';
import { BASE, createTestServer, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const CB = 'https://client.example/cb';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

async function authorize(params: Record<string, string>) {
  const res = await t.server.authorize(get('/o/authorize', params));
  const location = res.headers.get('location') ?? '';
  return { res, location, url: new URL(location, BASE) };
}

async function signedInUser() {
  const user = await t.user();
  t.signIn(user.id);
  return user;
}

describe(`authorization endpoint on ${testDatabaseKind}`, () => {
  describe('RFC 6749 §3.1.2.4 / §4.1.2.1: untrusted requests are never redirected to the client', () => {
    it('an unknown client_id goes to our error page', async () => {
      const { res, url } = await authorize({ response_type: 'code', client_id: 'nope', redirect_uri: CB });
      expect(res.status).toBe(302);
      expect(url.origin).toBe(BASE);
      expect(url.pathname).toBe('/o/error');
      expect(url.searchParams.get('error')).toBe('invalid_client');
    });

    it('an unregistered redirect_uri goes to our error page, not to that URI', async () => {
      const app = await t.application();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, redirect_uri: 'https://evil.example/cb' });
      expect(url.pathname).toBe('/o/error');
      expect(url.toString()).not.toContain('evil.example/cb?');
    });

    it('a missing redirect_uri with several registered goes to the error page', async () => {
      const app = await t.application({ redirectUris: [CB, 'https://client.example/two'] });
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId });
      expect(url.pathname).toBe('/o/error');
      expect(url.searchParams.get('error')).toBe('invalid_request');
    });

    it('a missing client_id goes to the error page', async () => {
      const { url } = await authorize({ response_type: 'code' });
      expect(url.pathname).toBe('/o/error');
    });
  });

  describe('RFC 6749 §4.1.2.1: other errors go back to the client with error, state and iss (RFC 9207)', () => {
    it('unsupported_response_type', async () => {
      const app = await t.application();
      const { url } = await authorize({ response_type: 'magic', client_id: app.clientId, state: 'xyz' });
      expect(url.origin + url.pathname).toBe(CB);
      expect(url.searchParams.get('error')).toBe('unsupported_response_type');
      expect(url.searchParams.get('state')).toBe('xyz');
      expect(url.searchParams.get('iss')).toBe(BASE);
    });

    it('missing response_type is invalid_request', async () => {
      const app = await t.application();
      const { url } = await authorize({ client_id: app.clientId, state: 's' });
      expect(url.searchParams.get('error')).toBe('invalid_request');
    });

    it('unauthorized_client for a response type the application is not registered for', async () => {
      const app = await t.application({ grantTypes: ['authorization_code'] });
      const { url } = await authorize({ response_type: 'token', client_id: app.clientId, state: 's' });
      expect(url.hash).toContain('error=unauthorized_client');
    });

    it('invalid_scope for an unknown scope', async () => {
      const app = await t.application();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read root', state: 's' });
      expect(url.searchParams.get('error')).toBe('invalid_scope');
      expect(url.searchParams.get('state')).toBe('s');
    });

    it('RFC 7636 §4.4.1 / RFC 9700 §2.1.1: a public client without code_challenge is invalid_request', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, state: 's' });
      expect(url.searchParams.get('error')).toBe('invalid_request');
      expect(url.searchParams.get('error_description')).toContain('code_challenge');
    });

    it('RFC 7636 §4.3: an unsupported code_challenge_method is invalid_request', async () => {
      const app = await t.application();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, code_challenge: CHALLENGE, code_challenge_method: 'S512' });
      expect(url.searchParams.get('error')).toBe('invalid_request');
    });

    it('RFC 7636 §4.4.1: code_challenge_method=plain is invalid_request (S256 only, RFC 9700 §2.1.1)', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, state: 's', code_challenge: CHALLENGE, code_challenge_method: 'plain' });
      expect(url.origin + url.pathname).toBe(CB);
      expect(url.searchParams.get('error')).toBe('invalid_request');
      expect(url.searchParams.get('error_description')).toBe("code_challenge_method 'plain' is not accepted: use S256");
      expect(url.searchParams.get('state')).toBe('s');
    });

    it('RFC 7636 §4.3: an omitted code_challenge_method (plain by default) is invalid_request', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, code_challenge: CHALLENGE });
      expect(url.searchParams.get('error')).toBe('invalid_request');
      expect(url.searchParams.get('error_description')).toBe('code_challenge_method=S256 is required');
    });

    it('§3.1: a repeated parameter is invalid_request (on our error page: the redirect cannot be trusted)', async () => {
      const app = await t.application();
      const res = await t.server.authorize(new Request(`${BASE}/o/authorize?response_type=code&client_id=${app.clientId}&scope=read&scope=write`));
      expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/o/error');
    });
  });

  describe('OAUTH2_PKCE_REQUIRED', async () => {
    const strict = await createTestServer({ pkceRequired: true });
    it('requires a code_challenge from confidential clients too', async () => {
      const app = await strict.application();
      const res = await strict.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId }));
      expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
    });
  });

  describe('OAUTH2_PKCE_ALLOW_PLAIN', async () => {
    const lenient = await createTestServer({ pkceAllowPlain: true });
    it('RFC 7636 §4.3: accepts plain, and an omitted method as plain, for old clients', async () => {
      const app = await lenient.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const user = await lenient.user();
      lenient.signIn(user.id);
      for (const method of [{ code_challenge_method: 'plain' }, {}] as Record<string, string>[]) {
        const res = await lenient.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, code_challenge: CHALLENGE, ...method }));
        expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/o/consent');
      }
    });
  });

  describe('RFC 8252 §7.3: loopback redirect URIs match on any port', () => {
    it('accepts http://127.0.0.1 on another port', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1/callback'] });
      await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, redirect_uri: 'http://127.0.0.1:51234/callback', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      expect(url.pathname).toBe('/o/consent');
    });

    it('but not a different path', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1/callback'] });
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, redirect_uri: 'http://127.0.0.1:51234/other', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      expect(url.pathname).toBe('/o/error');
    });
  });

  describe('sign-in and consent', () => {
    it('sends a visitor who is not signed in to /login, keeping the request on the server', async () => {
      const app = await t.application();
      t.signIn(null);
      const { res, url } = await authorize({ response_type: 'code', client_id: app.clientId, state: 'abc', login_hint: 'a@example.com' });
      expect(res.status).toBe(302);
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('login_hint')).toBe('a@example.com');
      const next = url.searchParams.get('next')!;
      expect(next).toMatch(/^\/o\/authorize\?pending=/);
      // After sign-in, resuming lands on consent with the same request.
      const user = await signedInUser();
      const resumed = await authorize(Object.fromEntries(new URL(next, BASE).searchParams));
      expect(resumed.url.pathname).toBe('/o/consent');
      const view = await t.server.loadConsent(resumed.url.searchParams.get('request')!, user.id);
      expect(view?.state).toBe('abc');
      expect(view?.client.clientId).toBe(app.clientId);
    });

    it('OIDC §3.1.2.1 prompt=none without a session is login_required at the client', async () => {
      const app = await t.application();
      t.signIn(null);
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'none', state: 'n' });
      expect(url.origin + url.pathname).toBe(CB);
      expect(url.searchParams.get('error')).toBe('login_required');
      expect(url.searchParams.get('state')).toBe('n');
    });

    it('prompt=none with a session but no prior consent is consent_required', async () => {
      const app = await t.application();
      await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'none' });
      expect(url.searchParams.get('error')).toBe('consent_required');
    });

    it('Authorize sends the browser back with a code, the state and iss; the code carries the approved scopes', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read write', state: 'st' });
      const to = await t.server.decideAuthorization(url.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: true, scopes: ['read'] });
      const back = new URL(to!);
      expect(back.origin + back.pathname).toBe(CB);
      expect(back.searchParams.get('state')).toBe('st');
      expect(back.searchParams.get('iss')).toBe(BASE);
      const code = back.searchParams.get('code')!;
      const { digest } = await import('@/lib/oauth/secrets');
      const consumed = await t.store.consumeAuthorizationCode(digest(code), app.id, t.now());
      expect(consumed?.code.scope).toBe('read');
    });

    it('the user may untick scopes but never add one', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read' });
      const to = await t.server.decideAuthorization(url.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: true, scopes: ['read', 'introspection'] });
      const { digest } = await import('@/lib/oauth/secrets');
      const consumed = await t.store.consumeAuthorizationCode(digest(new URL(to!).searchParams.get('code')!), app.id, t.now());
      expect(consumed?.code.scope).toBe('read');
    });

    it('Cancel sends back error=access_denied with the state', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, state: 'cancel-me' });
      const to = new URL((await t.server.decideAuthorization(url.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: false }))!);
      expect(to.searchParams.get('error')).toBe('access_denied');
      expect(to.searchParams.get('state')).toBe('cancel-me');
    });

    it('a pending request is single use and only its user can decide it', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const other = await t.user();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId });
      const id = url.searchParams.get('request')!;
      expect(await t.server.decideAuthorization(id, { userId: other.id, authTime: 0 }, { allow: true })).toBeNull();
      expect(await t.server.loadConsent(id, other.id)).toBeNull();
      expect(await t.server.decideAuthorization(id, { userId: user.id, authTime: 0 }, { allow: true })).toContain('code=');
      expect(await t.server.decideAuthorization(id, { userId: user.id, authTime: 0 }, { allow: true })).toBeNull();
    });

    it('a pending request expires', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId });
      t.advance(601);
      expect(await t.server.decideAuthorization(url.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: true })).toBeNull();
    });

    it('skip_authorization applications never show the page', async () => {
      const app = await t.application({ skipAuthorization: true });
      await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, state: 'q' });
      expect(url.origin + url.pathname).toBe(CB);
      expect(url.searchParams.get('code')).toBeTruthy();
    });

    it('approval_prompt=auto skips consent when the same or wider scopes were approved before', async () => {
      const app = await t.application();
      const user = await signedInUser();
      const first = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read write' });
      await t.server.decideAuthorization(first.url.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: true });
      const again = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read', approval_prompt: 'auto' });
      expect(again.url.searchParams.get('code')).toBeTruthy();
      const forced = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read', approval_prompt: 'force' });
      expect(forced.url.pathname).toBe('/o/consent');
      const wider = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'read openid', approval_prompt: 'auto' });
      expect(wider.url.pathname).toBe('/o/consent');
    });

    it('prompt=login sends a signed-in user to sign in again', async () => {
      const app = await t.application();
      const user = await t.user();
      t.signIn(user.id, Math.floor(t.now().getTime() / 1000) - 100);
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'login' });
      expect(url.pathname).toBe('/login');
      expect(url.searchParams.get('reauth')).toBe('1');
    });

    it('max_age forces sign-in when the session is older', async () => {
      const app = await t.application();
      const user = await t.user();
      t.signIn(user.id, Math.floor(t.now().getTime() / 1000) - 3600);
      expect((await authorize({ response_type: 'code', client_id: app.clientId, max_age: '60' })).url.pathname).toBe('/login');
      expect((await authorize({ response_type: 'code', client_id: app.clientId, max_age: '7200' })).url.pathname).toBe('/o/consent');
    });
  });

  describe('RFC 6749 §4.2.2 implicit grant (legacy)', () => {
    it('returns the access token in the fragment, never a refresh token', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['implicit'], skipAuthorization: true });
      await signedInUser();
      const { url } = await authorize({ response_type: 'token', client_id: app.clientId, state: 'imp' });
      expect(url.search).toBe('');
      const frag = new URLSearchParams(url.hash.slice(1));
      expect(frag.get('access_token')).toBeTruthy();
      expect(frag.get('token_type')).toBe('Bearer');
      expect(frag.get('state')).toBe('imp');
      expect(frag.get('refresh_token')).toBeNull();
    });
  });

  describe('RFC 9700 §4.12: redirects are 302 or 303, never 307', () => {
    it('a POST to /o/authorize answers 303', async () => {
      const app = await t.application({ skipAuthorization: true });
      await signedInUser();
      const res = await t.server.authorize(form('/o/authorize', { response_type: 'code', client_id: app.clientId }));
      expect(res.status).toBe(303);
      expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    });
  });

  describe('events', () => {
    it('app_authorized fires on approval, and a failing listener does not break the request', async () => {
      const seen: string[] = [];
      const off1 = t.deps.events.on('app_authorized', () => {
        throw new Error('listener bug');
      });
      const off2 = t.deps.events.on('app_authorized', (e) => void seen.push(e.clientId));
      const app = await t.application({ skipAuthorization: true });
      await signedInUser();
      const { url } = await authorize({ response_type: 'code', client_id: app.clientId });
      expect(url.searchParams.get('code')).toBeTruthy();
      expect(seen).toEqual([app.clientId]);
      off1();
      off2();
    });
  });
});
