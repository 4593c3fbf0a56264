/**
 * OIDC Core §5.3 userinfo as a client sees it: RFC 8707 audience (a token meant for another
 * resource is refused), CORS for the token's application's registered origins with an OPTIONS
 * preflight, and the token_authenticated event.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, basic, body, createTestServer, form, get } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;

const SPA_ORIGIN = 'https://spa.example';
const OTHER_APP_ORIGIN = 'https://other-app.example';
const STRANGER = 'https://evil.example';
const CALENDAR = 'https://calendar.example/api';

let t: T;
let app: App;
let user: Awaited<ReturnType<T['user']>>;

beforeAll(async () => {
  t = await createTestServer();
  app = await t.application({ name: 'SPA', allowedOrigins: [SPA_ORIGIN] });
  await t.application({ name: 'Other app', allowedOrigins: [OTHER_APP_ORIGIN] });
  await t.application({ name: 'Calendar API', grantTypes: ['client_credentials'], resources: [CALENDAR] });
  user = await t.user();
});

/** A user's openid token (password grant keeps the test short), for the given RFC 8707 resources. */
async function openidToken(resources: string[] = []): Promise<string> {
  const params = new URLSearchParams({ grant_type: 'password', username: user.email, password: user.password, scope: 'openid email' });
  for (const r of resources) params.append('resource', r);
  const res = await t.server.token(
    new Request(`${BASE}/o/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...basic(app.clientId, app.clientSecret) }, body: params.toString() }),
  );
  expect(res.status).toBe(200);
  return (await body(res)).access_token as string;
}

const userinfo = (token: string, headers: Record<string, string> = {}) => t.server.userinfo(get('/o/userinfo', {}, { Authorization: `Bearer ${token}`, ...headers }));

describe('RFC 8707 / RFC 9068 §4 audience at the userinfo endpoint', () => {
  it('answers a token issued without a resource (not restricted)', async () => {
    const res = await userinfo(await openidToken());
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({ sub: user.id, email: user.email });
  });

  it('answers a token whose audience is this server (the issuer origin, with or without its slash)', async () => {
    expect((await userinfo(await openidToken([BASE]))).status).toBe(200);
    expect((await userinfo(await openidToken([`${BASE}/`]))).status).toBe(200);
  });

  it('RFC 6750 §3.1: answers 401 invalid_token to a token meant for another resource server', async () => {
    const res = await userinfo(await openidToken([CALENDAR]));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect((await body(res)).error).toBe('invalid_token');
  });

  it('RFC 6750 §3.1: answers 401 invalid_token to a token meant only for the MCP server', async () => {
    const res = await userinfo(await openidToken([`${BASE}/api/mcp`]));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });
});

describe("CORS at the userinfo endpoint, for the token's application's allowed_origins", () => {
  it("allows an origin the token's application registered, on GET and POST", async () => {
    const token = await openidToken();
    const res = await userinfo(token, { Origin: SPA_ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    const posted = await t.server.userinfo(form('/o/userinfo', { access_token: token }, { Origin: SPA_ORIGIN }));
    expect(posted.status).toBe(200);
    expect(posted.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
  });

  it('sends no CORS headers to an origin only another application lists, nor to a stranger', async () => {
    const token = await openidToken();
    for (const origin of [OTHER_APP_ORIGIN, STRANGER]) {
      const res = await userinfo(token, { Origin: origin });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('lets a registered origin read the 401 (a missing or bad token), as the other endpoints do', async () => {
    const none = await t.server.userinfo(get('/o/userinfo', {}, { Origin: SPA_ORIGIN }));
    expect(none.status).toBe(401);
    expect(none.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    const bad = await userinfo('nope', { Origin: SPA_ORIGIN });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect((await userinfo('nope', { Origin: STRANGER })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers the OPTIONS preflight for a registered origin, with Authorization allowed', async () => {
    const req = new Request(`${BASE}/o/userinfo`, {
      method: 'OPTIONS',
      headers: { Origin: SPA_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    // app/o/userinfo/route.ts exports the machine endpoints' preflight as OPTIONS.
    const res = await t.server.preflight(req);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SPA_ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/GET/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const stranger = await t.server.preflight(new Request(`${BASE}/o/userinfo`, { method: 'OPTIONS', headers: { Origin: STRANGER, 'Access-Control-Request-Method': 'GET' } }));
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('token_authenticated at the userinfo endpoint', () => {
  it('is emitted once for an accepted token, and not for a refused one', async () => {
    const seen: unknown[] = [];
    const off = t.deps.events.on('token_authenticated', (e) => void seen.push(e));
    await userinfo(await openidToken());
    await userinfo(await openidToken([CALENDAR]));
    off();
    expect(seen).toEqual([{ applicationId: app.id, clientId: app.clientId, userId: user.id, scope: ['openid', 'email'] }]);
  });
});
