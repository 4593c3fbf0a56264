/**
 * RFC 6750 bearer-protected route handlers: what a client sees with no, bad, expired, revoked,
 * under-scoped and good tokens, over a real test database.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { withOAuth, type OAuthContext } from './with-oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;

let t: T;
let app: App;
let user: Awaited<ReturnType<T['user']>>;
let lookups = 0;

beforeAll(async () => {
  t = await createTestServer({ accessTokenExpireSeconds: 600 });
  app = await t.application();
  user = await t.user();
});

/** The wrapper over the test database and clock, counting lookups. */
function protect(handler: (req: Request, ctx: OAuthContext) => Response | Promise<Response>, scopes?: string[]) {
  const store = {
    findAccessToken: (d: string) => {
      lookups++;
      return t.store.findAccessToken(d);
    },
  };
  return withOAuth(handler, { scopes, store: async () => store, clock: t.now, settings: { ...t.settings, errorResponseWithScopes: true, allowTokenInQuery: false, resourceServer: null } });
}

const hello = vi.fn(async (_req: Request, { token }: OAuthContext) => Response.json({ message: 'Hello, world', user: token.username, scope: token.scope }));

async function userToken(scope = 'read write'): Promise<string> {
  const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope }, basic(app.clientId, app.clientSecret)));
  expect(res.status).toBe(200);
  return (await body(res)).access_token as string;
}

const call = (handler: (req: Request) => Promise<Response>, authorization?: string) =>
  handler(new Request('https://api.example/api/hello', { headers: authorization ? { Authorization: authorization } : {} }));

describe('RFC 6750 §2.1 Authorization request header field', () => {
  it('calls the handler with the stored token for a valid bearer token, after one lookup', async () => {
    const token = await userToken('read');
    hello.mockClear();
    lookups = 0;
    const res = await call(protect(hello), `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Hello, world', user: user.email, scope: 'read' });
    expect(lookups).toBe(1);
    expect(hello).toHaveBeenCalledOnce();
    const ctx = hello.mock.calls[0]![1];
    expect(ctx.token).toMatchObject({ clientId: app.clientId, userId: user.id, scope: 'read', revokedAt: null });
  });

  it('accepts the scheme name in any case', async () => {
    const token = await userToken();
    expect((await call(protect(hello), `bearer ${token}`)).status).toBe(200);
  });
});

describe('RFC 6750 §3 the WWW-Authenticate response header field', () => {
  it('§3.1: answers 401 with a bare Bearer challenge, and no error code, when the request has no token', async () => {
    hello.mockClear();
    for (const auth of [undefined, `Basic ${Buffer.from('a:b').toString('base64')}`]) {
      const res = await call(protect(hello), auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).toBe('');
    }
    expect(hello).not.toHaveBeenCalled();
  });

  it('§3.1: answers 400 invalid_request for malformed Bearer credentials', async () => {
    const res = await call(protect(hello), 'Bearer two words');
    expect(res.status).toBe(400);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_request"/);
  });

  it('§3.1: answers 401 invalid_token for an unknown token', async () => {
    hello.mockClear();
    const res = await call(protect(hello), 'Bearer not-a-token-we-issued');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await res.json()).error).toBe('invalid_token');
    expect(hello).not.toHaveBeenCalled();
  });

  it('§3.1: answers 401 invalid_token for a revoked token', async () => {
    const token = await userToken();
    expect((await call(protect(hello), `Bearer ${token}`)).status).toBe(200);
    const revoked = await t.server.revoke(form('/o/revoke_token', { token }, basic(app.clientId, app.clientSecret)));
    expect(revoked.status).toBe(200);
    const res = await call(protect(hello), `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('§3.1: answers 401 invalid_token once the token has expired, and 200 until then', async () => {
    const token = await userToken();
    t.advance(599);
    expect((await call(protect(hello), `Bearer ${token}`)).status).toBe(200);
    t.advance(1);
    const res = await call(protect(hello), `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_token');
  });

  it('§3.1: answers 403 insufficient_scope naming the required scopes when one was not granted', async () => {
    hello.mockClear();
    const token = await userToken('read');
    const res = await call(protect(hello, ['read', 'write']), `Bearer ${token}`);
    expect(res.status).toBe(403);
    const challenge = res.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer error="insufficient_scope"/);
    expect(challenge).toContain('scope="read write"');
    expect((await res.json()).error).toBe('insufficient_scope');
    expect(hello).not.toHaveBeenCalled();

    const both = await userToken('read write');
    expect((await call(protect(hello, ['read', 'write']), `Bearer ${both}`)).status).toBe(200);
  });
});
