/** Every route file proved over HTTP (not by importing it), with and without a trailing slash and no redirect. */
import { expect, test } from '@playwright/test';
import { createApplication } from './helpers';

const GETS: [string, number, RegExp][] = [
  ['/.well-known/oauth-authorization-server', 200, /"issuer"/],
  ['/.well-known/openid-configuration', 200, /"jwks_uri"/],
  ['/o/.well-known/openid-configuration', 200, /"jwks_uri"/],
  ['/o/.well-known/jwks.json', 200, /"keys"/],
  ['/o/userinfo', 401, /^$/], // RFC 6750 §3.1: no token, no error code
  ['/o/introspect', 405, /invalid_request/], // RFC 7662 §2.1: POST only, no tokens or secrets in URLs
  ['/api/health', 200, /ok/],
];

for (const [path, status, body] of GETS) {
  for (const p of [path, `${path}/`]) {
    test(`GET ${p} answers ${status} without a redirect`, async ({ request }) => {
      const res = await request.get(p, { maxRedirects: 0 });
      expect(res.status()).toBe(status);
      expect(await res.text()).toMatch(body);
    });
  }
}

for (const p of ['/o/token', '/o/token/', '/o/revoke_token', '/o/revoke_token/', '/o/introspect/']) {
  test(`POST ${p} answers an RFC error without a redirect`, async ({ request }) => {
    const res = await request.post(p, { form: { grant_type: 'client_credentials', token: 'x' }, maxRedirects: 0 });
    expect(res.status()).toBe(401);
    expect((await res.json()).error).toBe('invalid_client');
    expect(res.headers()['cache-control']).toBe('no-store');
  });
}

test('GET /o/authorize/ with an unknown client shows the error page, never redirecting elsewhere', async ({ request }) => {
  const res = await request.get('/o/authorize/?response_type=code&client_id=nope&redirect_uri=https://evil.example/cb', { maxRedirects: 0 });
  expect([302, 303]).toContain(res.status());
  expect(res.headers()['location']).toMatch(/^\/o\/error\?/);
});

test('metadata issuer matches the origin and lists every endpoint', async ({ request, baseURL }) => {
  const meta = await (await request.get('/.well-known/oauth-authorization-server')).json();
  expect(meta.issuer).toBe(new URL(baseURL!).origin);
  expect(meta.revocation_endpoint).toBe(`${meta.issuer}/o/revoke_token`);
  expect(meta.introspection_endpoint).toBe(`${meta.issuer}/o/introspect`);
});

test('OPTIONS /o/userinfo answers a CORS preflight for an origin an application registered', async ({ request }) => {
  const origin = `https://spa-${Date.now().toString(36)}.example`;
  await createApplication({ name: 'Userinfo SPA', allowedOrigins: [origin] });
  for (const p of ['/o/userinfo', '/o/userinfo/']) {
    const res = await request.fetch(p, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(res.status(), p).toBe(204);
    expect(res.headers()['access-control-allow-origin'], p).toBe(origin);
    expect(res.headers()['access-control-allow-headers'], p).toMatch(/Authorization/);
  }
});
