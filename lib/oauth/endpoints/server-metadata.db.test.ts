/**
 * RFC 8414 authorization server metadata at /.well-known/oauth-authorization-server, as a
 * client library reads it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOAuthServer } from '@/lib/oauth';
import type { Settings } from '@/lib/oauth/settings';
import { BASE, body, createTestServer, get } from '@/lib/testing/oauth';

const ISSUER = 'https://login.example.org';

let t: Awaited<ReturnType<typeof createTestServer>>;
beforeAll(async () => {
  t = await createTestServer({ issuer: ISSUER });
});

/** The same engine and database under other settings. */
const withSettings = (overrides: Partial<Settings>) => createOAuthServer({ ...t.deps, settings: { ...t.settings, ...overrides } });

describe('RFC 8414 §3 obtaining authorization server metadata', () => {
  it('answers 200 JSON, cacheable, readable from any origin', async () => {
    const res = await t.server.metadata(get('/.well-known/oauth-authorization-server', {}, { Origin: 'https://anywhere.example' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('RFC 8414 §2 authorization server metadata', () => {
  it('names the issuer from OAUTH2_ISSUER, whatever host the request came to (§3.3)', async () => {
    const b = await body(await t.server.metadata(new Request('http://10.0.0.7:3000/.well-known/oauth-authorization-server')));
    expect(b.issuer).toBe(ISSUER);
    expect(b.token_endpoint).toBe(`${ISSUER}/o/token`);
  });

  it("derives the issuer from the request's origin when OAUTH2_ISSUER is unset (development)", async () => {
    const b = await body(await withSettings({ issuer: null }).metadata(new Request('http://localhost:3000/.well-known/oauth-authorization-server')));
    expect(b.issuer).toBe('http://localhost:3000');
    expect(b.authorization_endpoint).toBe('http://localhost:3000/o/authorize');
  });

  it("lists every endpoint under the issuer at DOT's paths", async () => {
    const b = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(b).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/o/authorize`,
      token_endpoint: `${ISSUER}/o/token`,
      revocation_endpoint: `${ISSUER}/o/revoke_token`,
      introspection_endpoint: `${ISSUER}/o/introspect`,
    });
    // No endpoint points anywhere but this issuer (not the request's host).
    for (const [key, value] of Object.entries(b)) {
      if (key.endsWith('_endpoint')) expect(value as string, key).toMatch(new RegExp(`^${ISSUER}/`));
    }
    expect(JSON.stringify(b)).not.toContain(BASE);
  });

  it('lists the grant types, response types and response modes the token and authorization endpoints accept', async () => {
    const b = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(b.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'implicit', 'refresh_token', 'client_credentials', 'password']),
    );
    expect(b.response_types_supported).toEqual(expect.arrayContaining(['code', 'token']));
    expect(b.response_modes_supported).toEqual(expect.arrayContaining(['query', 'fragment']));
  });

  it('lists the client authentication methods of the token, revocation and introspection endpoints', async () => {
    const b = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    const methods = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt', 'none'];
    expect([...(b.token_endpoint_auth_methods_supported as string[])].sort()).toEqual([...methods].sort());
    expect([...(b.revocation_endpoint_auth_methods_supported as string[])].sort()).toEqual([...methods].sort());
    // Introspection: a confidential client, or a bearer token with the introspection scope; never `none`.
    expect(b.introspection_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(b.introspection_endpoint_auth_methods_supported).not.toContain('none');
  });

  it('lists the PKCE method S256 only (RFC 7636 §4.3, RFC 9700 §2.1.1), in discovery too', async () => {
    const b = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(b.code_challenge_methods_supported).toEqual(['S256']);
    const d = await body(await t.server.discovery(get('/.well-known/openid-configuration')));
    expect(d.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('OIDC Discovery §3: lists ui_locales_supported, the languages the pages speak (issue 23)', async () => {
    const d = await body(await withSettings({ uiLocalesSupported: ['en', 'de', 'fr', 'es', 'ja'] }).discovery(get('/.well-known/openid-configuration')));
    expect(d.ui_locales_supported).toEqual(['en', 'de', 'fr', 'es', 'ja']);
    const bare = await body(await t.server.discovery(get('/.well-known/openid-configuration')));
    expect(bare).not.toHaveProperty('ui_locales_supported');
  });

  it('lists plain as well when OAUTH2_PKCE_ALLOW_PLAIN is on', async () => {
    const b = await body(await withSettings({ pkceAllowPlain: true }).metadata(get('/.well-known/oauth-authorization-server')));
    expect(b.code_challenge_methods_supported).toEqual(['S256', 'plain']);
  });

  it('lists the scopes of OAUTH2_SCOPES', async () => {
    const server = withSettings({ scopes: { read: 'Read', write: 'Write', introspection: 'Introspect', 'groups:admin': 'Admin' } });
    const b = await body(await server.metadata(get('/.well-known/oauth-authorization-server')));
    expect([...(b.scopes_supported as string[])].sort()).toEqual(['groups:admin', 'introspection', 'read', 'write']);
  });

  it('announces the iss authorization response parameter (RFC 9207 §3)', async () => {
    const b = await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')));
    expect(b.authorization_response_iss_parameter_supported).toBe(true);
  });
});
