/** Every route file proved over HTTP (not by importing it), with and without a trailing slash and no redirect. */
import { expect, test } from '@playwright/test';

const GETS: [string, number, RegExp][] = [
  ['/.well-known/oauth-authorization-server', 200, /"issuer"/],
  ['/.well-known/openid-configuration', 200, /"jwks_uri"/],
  ['/o/.well-known/openid-configuration', 200, /"jwks_uri"/],
  ['/o/.well-known/jwks.json', 200, /"keys"/],
  ['/o/userinfo', 401, /^$/], // RFC 6750 §3.1: no token, no error code
  ['/o/introspect', 401, /invalid_client/],
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
