/**
 * CORS (Fetch standard §3.2) on the machine endpoints a browser-based client calls: the token,
 * revocation and introspection endpoints answer origins listed in the calling application's
 * allowed_origins; metadata is public.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;

const SPA_ORIGIN = 'https://spa.example';
const OTHER_APP_ORIGIN = 'https://other-app.example';
const STRANGER = 'https://evil.example';

let t: T;
let app: App;

beforeAll(async () => {
  t = await createTestServer();
  app = await t.application({ name: 'SPA backend', allowedOrigins: [SPA_ORIGIN, 'http://localhost:5173'] });
  await t.application({ name: 'Other app', allowedOrigins: [OTHER_APP_ORIGIN] });
});

const auth = () => basic(app.clientId, app.clientSecret);

async function accessToken(): Promise<string> {
  const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, auth()));
  expect(res.status).toBe(200);
  return (await body(res)).access_token as string;
}

/** One request per endpoint, as the app's browser code would send it from `origin`. */
const endpoints: [string, (origin: string) => Promise<Response>][] = [
  ['token (RFC 6749 §3.2)', async (origin) => t.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...auth(), Origin: origin }))],
  ['revocation (RFC 7009)', async (origin) => t.server.revoke(form('/o/revoke_token', { token: await accessToken() }, { ...auth(), Origin: origin }))],
  ['introspection (RFC 7662)', async (origin) => t.server.introspect(form('/o/introspect', { token: await accessToken() }, { ...auth(), Origin: origin }))],
];

function varyIncludesOrigin(res: Response): boolean {
  return (res.headers.get('vary') ?? '').split(',').some((v) => v.trim().toLowerCase() === 'origin');
}

describe('CORS on the token, revocation and introspection endpoints', () => {
  it.each(endpoints)("%s: allows an origin in the application's allowed_origins", async (_name, send) => {
    const res = await send(SPA_ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(varyIncludesOrigin(res)).toBe(true);
    // Credentials travel in the Authorization header, never cookies: no Allow-Credentials.
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each(endpoints)('%s: sends no CORS headers to an origin no application lists', async (_name, send) => {
    const res = await send(STRANGER);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each(endpoints)("%s: sends no CORS headers to an origin only another application lists", async (_name, send) => {
    const res = await send(OTHER_APP_ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('matches the origin exactly (scheme, host and port)', async () => {
    for (const near of ['http://spa.example', 'https://spa.example:8443', 'https://spa.example.evil.example', 'http://localhost:5174']) {
      const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...auth(), Origin: near }));
      expect(res.headers.get('access-control-allow-origin'), near).toBeNull();
    }
    const local = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, { ...auth(), Origin: 'http://localhost:5173' }));
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('lets the allowed origin read an error response (a browser client must see invalid_grant)', async () => {
    const res = await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: 'expired-or-unknown' }, { ...auth(), Origin: SPA_ORIGIN }));
    expect(res.status).toBe(400);
    expect((await body(res)).error).toBe('invalid_grant');
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(varyIncludesOrigin(res)).toBe(true);

    const stranger = await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: 'x' }, { ...auth(), Origin: STRANGER }));
    expect(stranger.status).toBe(400);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS preflight (OPTIONS) on the machine endpoints', () => {
  const preflight = (origin: string, path = '/o/token') =>
    t.server.preflight(
      new Request(`https://as.example${path}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
      }),
    );

  it.each(['/o/token', '/o/revoke_token', '/o/introspect'])('%s: answers 204 allowing POST with Authorization and Content-Type for a registered origin', async (path) => {
    const res = await preflight(SPA_ORIGIN, path);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    const methods = (res.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    expect(methods).toContain('POST');
    const headers = (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase());
    expect(headers).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(varyIncludesOrigin(res)).toBe(true);
    expect(await res.text()).toBe('');
  });

  it('answers 204 without Access-Control-Allow-Origin for an origin no application lists', async () => {
    const res = await preflight(STRANGER);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('answers 204 without Access-Control-Allow-Origin when there is no Origin', async () => {
    const res = await t.server.preflight(new Request('https://as.example/o/token', { method: 'OPTIONS' }));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS on server metadata (RFC 8414)', () => {
  it('lets any origin read the metadata document', async () => {
    const res = await t.server.metadata(get('/.well-known/oauth-authorization-server', {}, { Origin: STRANGER }));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
