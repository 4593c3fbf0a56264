/**
 * OAUTH2_CORS_ANY_ORIGIN (Fetch standard §3.2): with the agent profile, browser-based clients on
 * any origin (MCP Inspector) may read metadata, register and use the token endpoint; never with
 * credentials. Off, only the per-application allowed_origins apply.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOAuthServer } from '@/lib/oauth';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { BASE, basic, createTestServer, form, jsonPost } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
const INSPECTOR = 'http://localhost:6274';

beforeAll(async () => {
  t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public', corsAnyOrigin: true } });
});
const off = () => createOAuthServer({ ...t.deps, settings: { ...t.settings, clients: { ...t.settings.clients, corsAnyOrigin: false } } });

const preflight = (path: string, method = 'POST') =>
  new Request(BASE + path, { method: 'OPTIONS', headers: { Origin: INSPECTOR, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' } });

describe('OAUTH2_CORS_ANY_ORIGIN on', () => {
  it('preflights for /o/token, /o/register and the metadata documents answer * with the methods and headers, no credentials', async () => {
    for (const path of ['/o/token', '/o/register', '/.well-known/oauth-authorization-server', '/o/.well-known/openid-configuration']) {
      const res = await t.server.preflight(preflight(path));
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const config = await t.server.registrationPreflight(preflight('/o/register/abc', 'DELETE'));
    expect(config.headers.get('access-control-allow-methods')).toMatch(/DELETE/);
  });
  it('the token endpoint answers * on errors too, so the client can read invalid_client', async () => {
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...basic('nobody', 'wrong'), Origin: INSPECTOR }));
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
  it('a successful token response from an unregistered origin is readable', async () => {
    const app = await t.application();
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...basic(app.clientId, app.clientSecret), Origin: INSPECTOR }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
  it('registration answers * (201 and errors)', async () => {
    const ok = await t.server.register(jsonPost('/o/register', { redirect_uris: ['http://localhost:6274/oauth/callback'] }, { Origin: INSPECTOR }));
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const bad = await t.server.register(jsonPost('/o/register', { redirect_uris: ['javascript:x'] }, { Origin: INSPECTOR }));
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
  });
  it('is not widened to revocation or introspection (RFC 9700 §2.6 keeps /o/authorize out entirely)', async () => {
    const res = await t.server.preflight(preflight('/o/revoke_token'));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('OAUTH2_CORS_ANY_ORIGIN off', () => {
  it('an unregistered origin gets no CORS headers from the token endpoint, its preflight or registration', async () => {
    const server = off();
    expect((await server.preflight(preflight('/o/token'))).headers.get('access-control-allow-origin')).toBeNull();
    const res = await server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...basic('nobody', 'wrong'), Origin: INSPECTOR }));
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const reg = await server.register(jsonPost('/o/register', { redirect_uris: ['http://localhost:6274/oauth/callback'] }, { Origin: INSPECTOR }));
    expect(reg.headers.get('access-control-allow-origin')).toBeNull();
  });
  it('the per-application allowed_origins keep working', async () => {
    const spa = 'https://spa.example';
    const app = await t.application({ allowedOrigins: [spa] });
    const res = await off().token(form('/o/token', { grant_type: 'client_credentials' }, { ...basic(app.clientId, app.clientSecret), Origin: spa }));
    expect(res.headers.get('access-control-allow-origin')).toBe(spa);
    const pre = await off().preflight(new Request(`${BASE}/o/token`, { method: 'OPTIONS', headers: { Origin: spa } }));
    expect(pre.headers.get('access-control-allow-origin')).toBe(spa);
  });
});
