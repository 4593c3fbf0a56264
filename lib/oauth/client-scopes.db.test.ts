/**
 * Issue 19: each application requests only its allowed scopes (RFC 6749 §3.3), at the
 * authorization endpoint, the token endpoint for every grant, on refresh, and as dynamic
 * registration stores them (RFC 7591 §2 `scope`).
 */
import { describe, expect, it } from 'vitest';
import { createApplicationStore } from '@/lib/db/applications';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { BASE, basic, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
const CB = 'https://client.example/cb';

const token = (app: { clientId: string; clientSecret: string }, params: Record<string, string>) =>
  t.server.token(form('/o/token', params, basic(app.clientId, app.clientSecret)));

describe(`per-application scopes on ${testDatabaseKind}`, () => {
  describe('RFC 6749 §4.1.2.1: the authorization endpoint redirects invalid_scope', () => {
    it('a scope outside the application list goes back to the client as invalid_scope', async () => {
      const app = await t.application({ allowedScopes: ['openid', 'read'] });
      const user = await t.user();
      t.signIn(user.id);
      const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: CB, scope: 'openid write', state: 's' }));
      const url = new URL(res.headers.get('location')!, BASE);
      expect(url.origin + url.pathname).toBe(CB);
      expect(url.searchParams.get('error')).toBe('invalid_scope');
      expect(url.searchParams.get('error_description')).toContain('write');
      expect(url.searchParams.get('state')).toBe('s');
    });

    it('the consent page lists only allowed scopes: OAUTH2_DEFAULT_SCOPES apply within the list', async () => {
      const app = await t.application({ allowedScopes: ['read'] });
      const user = await t.user();
      t.signIn(user.id);
      const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, redirect_uri: CB }));
      const id = new URL(res.headers.get('location')!, BASE).searchParams.get('request')!;
      const pending = await t.store.findPendingAuthorization(id, t.now());
      // Defaults are read + write; write is not on its list.
      expect(pending!.request.scope).toEqual(['read']);
    });
  });

  describe('RFC 6749 §5.2: the token endpoint answers invalid_scope for every grant', () => {
    it('client_credentials', async () => {
      const app = await t.application({ allowedScopes: ['read'] });
      const res = await token(app, { grant_type: 'client_credentials', scope: 'write' });
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_scope');
      const ok = await body(await token(app, { grant_type: 'client_credentials' }));
      expect(ok.scope).toBe('read');
    });

    it('password', async () => {
      const app = await t.application({ allowedScopes: ['read'] });
      const user = await t.user();
      const res = await token(app, { grant_type: 'password', username: user.email, password: user.password, scope: 'read write' });
      expect(res.status).toBe(400);
      expect(await body(res)).toMatchObject({ error: 'invalid_scope', error_description: 'this application may not request: write' });
    });

    it('refresh_token: narrowing stays within the list, and a scope taken off it is gone at the next refresh', async () => {
      const app = await t.application({ allowedScopes: ['read', 'write'] });
      const user = await t.user();
      const first = await body(await token(app, { grant_type: 'password', username: user.email, password: user.password, scope: 'read write' }));
      const narrowed = await body(await token(app, { grant_type: 'refresh_token', refresh_token: String(first.refresh_token), scope: 'read' }));
      expect(narrowed.scope).toBe('read');
      await createApplicationStore(t.db).updateApplication({ clientId: app.clientId }, { allowedScopes: ['read'] });
      const widened = await token(app, { grant_type: 'refresh_token', refresh_token: String(narrowed.refresh_token), scope: 'write' });
      expect((await body(widened)).error).toBe('invalid_scope');
      const plain = await body(await token(app, { grant_type: 'refresh_token', refresh_token: String(narrowed.refresh_token) }));
      expect(plain.scope).toBe('read');
    });

    it('authorization_code: a code carries only scopes allowed when it was issued', async () => {
      const app = await t.application({ allowedScopes: ['openid', 'profile'] });
      const user = await t.user();
      const code = await t.authorizeCode(app, user.id, { redirect_uri: CB, scope: 'openid profile' });
      const res = await body(await token(app, { grant_type: 'authorization_code', code, redirect_uri: CB }));
      expect(res.scope).toBe('openid profile');
    });
  });

  describe('RFC 7662 §4: introspection is only for resource servers', () => {
    it('an application without a list gets every scope but introspection (existing applications keep working)', async () => {
      const app = await t.application();
      for (const scope of ['read', 'write', 'openid', 'profile', 'email']) expect((await token(app, { grant_type: 'client_credentials', scope })).status).toBe(200);
      expect((await body(await token(app, { grant_type: 'client_credentials', scope: 'introspection' }))).error).toBe('invalid_scope');
    });

    it('even listed, introspection needs the resource server mark', async () => {
      const rs = await t.application({ allowedScopes: ['introspection'], resourceServer: true });
      expect((await body(await token(rs, { grant_type: 'client_credentials', scope: 'introspection' }))).scope).toBe('introspection');
    });

    it('an owner cannot list introspection (the service refuses it)', async () => {
      await expect(t.application({ allowedScopes: ['read', 'introspection'] })).rejects.toMatchObject({ field: 'allowedScopes' });
      await expect(t.application({ allowedScopes: ['nope'] })).rejects.toMatchObject({ field: 'allowedScopes', message: '"nope" is not a scope this server offers' });
    });
  });

  describe('RFC 7591 §2: the registered scope is enforced', () => {
    const AGENT = { client_name: 'Agent', redirect_uris: ['http://localhost/callback'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'none' };

    it('a registration asking for introspection is invalid_client_metadata', async () => {
      const res = await t.server.register(jsonPost('/o/register', { ...AGENT, scope: 'read introspection' }));
      expect(res.status).toBe(400);
      expect(await body(res)).toMatchObject({ error: 'invalid_client_metadata' });
    });

    it('a client registered with scope "read" is refused "write" at authorize', async () => {
      const reg = await body(await t.server.register(jsonPost('/o/register', { ...AGENT, scope: 'read' })));
      const user = await t.user();
      t.signIn(user.id);
      const res = await t.server.authorize(
        get('/o/authorize', { response_type: 'code', client_id: String(reg.client_id), redirect_uri: 'http://localhost/callback', scope: 'write', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }),
      );
      // Self-registered clients' error redirects pass through the leaving interstitial: the target is in it.
      expect(decodeURIComponent(res.headers.get('location')!)).toContain('error=invalid_scope');
      expect((await t.store.findApplicationByClientId(String(reg.client_id)))!.allowedScopes).toEqual(['read']);
    });
  });
});
