/**
 * RFC 7662 token introspection at /o/introspect, as a resource server sees it (status,
 * headers, body), then the stored state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { basic, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;

let t: T;
let app: App;
let resourceServer: App;
let user: Awaited<ReturnType<T['user']>>;

beforeAll(async () => {
  t = await createTestServer({ accessTokenExpireSeconds: 3600 });
  app = await t.application({ name: 'Client' });
  // Marked by an operator (createapplication --resource-server): it may introspect any token.
  resourceServer = await t.application({ name: 'Resource server', grantTypes: ['client_credentials'], resourceServer: true });
  user = await t.user();
});

async function tokenResponse(client: App, params: Record<string, string>) {
  const res = await t.server.token(form('/o/token', params, basic(client.clientId, client.clientSecret)));
  expect(res.status).toBe(200);
  return body(res);
}

async function userToken(scope = 'read write') {
  const b = await tokenResponse(app, { grant_type: 'password', username: user.email, password: user.password, scope });
  return { access: b.access_token as string, refresh: b.refresh_token as string };
}

const rsAuth = () => basic(resourceServer.clientId, resourceServer.clientSecret);
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

async function expectJson(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return body(res);
}

describe('RFC 7662 §2.1 introspection request', () => {
  it('authenticates the caller with client credentials (Basic)', async () => {
    const { access } = await userToken();
    const b = await expectJson(await t.server.introspect(form('/o/introspect', { token: access }, rsAuth())), 200);
    expect(b.active).toBe(true);
  });

  it('authenticates the caller with client_secret_post, and accepts a JSON body', async () => {
    const { access } = await userToken();
    const posted = await t.server.introspect(
      form('/o/introspect', { token: access, client_id: resourceServer.clientId, client_secret: resourceServer.clientSecret }),
    );
    expect((await expectJson(posted, 200)).active).toBe(true);
    const json = await t.server.introspect(jsonPost('/o/introspect', { token: access }, rsAuth()));
    expect((await expectJson(json, 200)).active).toBe(true);
  });

  it('answers GET with 405, Allow: POST and invalid_request: tokens and secrets do not belong in URLs', async () => {
    const { access } = await userToken();
    const res = await t.server.introspect(get('/o/introspect', { token: access, client_id: resourceServer.clientId, client_secret: resourceServer.clientSecret }));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/^POST\b/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const b = await body(res);
    expect(b.error).toBe('invalid_request');
    expect(b.active).toBeUndefined();
    // Not even with the credentials in a header: the method alone decides.
    expect((await t.server.introspect(get('/o/introspect', { token: access }, rsAuth()))).status).toBe(405);
  });

  it("authenticates the caller with a bearer token carrying the 'introspection' scope", async () => {
    const rsToken = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection' })).access_token as string;
    const { access } = await userToken();
    const res = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${rsToken}` }));
    const b = await expectJson(res, 200);
    expect(b.active).toBe(true);
    expect(b.client_id).toBe(app.clientId);
  });

  it("answers 403 insufficient_scope to a bearer token without the 'introspection' scope", async () => {
    const rsToken = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'read write' })).access_token as string;
    const { access } = await userToken();
    const res = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${rsToken}` }));
    const b = await expectJson(res, 403);
    expect(b.error).toBe('insufficient_scope');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope"/);
    expect(b.active).toBeUndefined();
  });

  it('answers 401 invalid_token to an unknown, revoked or expired bearer token', async () => {
    const { access } = await userToken();
    const revoked = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection' })).access_token as string;
    const r = await t.server.revoke(form('/o/revoke_token', { token: revoked }, rsAuth()));
    expect(r.status).toBe(200);
    for (const bearer of ['no-such-token', revoked]) {
      const res = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${bearer}` }));
      const b = await expectJson(res, 401);
      expect(b.error).toBe('invalid_token');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
    const expiring = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection' })).access_token as string;
    t.advance(3600);
    const res = await t.server.introspect(form('/o/introspect', { token: 'whatever' }, { Authorization: `Bearer ${expiring}` }));
    expect((await expectJson(res, 401)).error).toBe('invalid_token');
  });

  it('answers 401 invalid_client to a wrong secret (with a Basic challenge) and to no credentials', async () => {
    const { access } = await userToken();
    const wrong = await t.server.introspect(form('/o/introspect', { token: access }, basic(resourceServer.clientId, 'wrong')));
    expect((await expectJson(wrong, 401)).error).toBe('invalid_client');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
    const none = await t.server.introspect(form('/o/introspect', { token: access }));
    expect((await expectJson(none, 401)).error).toBe('invalid_client');
  });

  it("answers invalid_request when the 'token' parameter is missing", async () => {
    const res = await t.server.introspect(form('/o/introspect', {}, rsAuth()));
    expect(await expectJson(res, 400)).toEqual({ error: 'invalid_request', error_description: "missing required parameter 'token'" });
  });
});

describe('RFC 7662 §2.2 introspection response', () => {
  it('describes an active user token with exactly active, scope, client_id, username, sub, exp, iat, token_type', async () => {
    const issuedAt = t.now();
    const { access } = await userToken('read email');
    const b = await expectJson(await t.server.introspect(form('/o/introspect', { token: access }, rsAuth())), 200);
    expect(b).toEqual({
      active: true,
      scope: 'read email',
      client_id: app.clientId,
      username: user.email,
      sub: user.id,
      exp: epoch(issuedAt) + 3600,
      iat: epoch(issuedAt),
      token_type: 'Bearer',
    });
    // And it is what was stored.
    const stored = (await t.store.findAccessToken(digest(access)))!;
    expect(epoch(stored.expiresAt)).toBe(b.exp);
    expect(stored.scope).toBe(b.scope);
  });

  it('describes a client_credentials token without username or sub', async () => {
    const issuedAt = t.now();
    const access = (await tokenResponse(app, { grant_type: 'client_credentials', scope: 'write' })).access_token as string;
    const b = await expectJson(await t.server.introspect(form('/o/introspect', { token: access }, rsAuth())), 200);
    expect(b).toEqual({ active: true, scope: 'write', client_id: app.clientId, exp: epoch(issuedAt) + 3600, iat: epoch(issuedAt), token_type: 'Bearer' });
  });

  it('answers exactly {"active": false} for an unknown token', async () => {
    const res = await t.server.introspect(form('/o/introspect', { token: 'no-such-token' }, rsAuth()));
    expect(await expectJson(res, 200)).toStrictEqual({ active: false });
  });

  it('answers exactly {"active": false} for a revoked token', async () => {
    const { access } = await userToken();
    expect((await t.server.revoke(form('/o/revoke_token', { token: access }, basic(app.clientId, app.clientSecret)))).status).toBe(200);
    expect((await t.store.findAccessToken(digest(access)))!.revokedAt).not.toBeNull();
    const res = await t.server.introspect(form('/o/introspect', { token: access }, rsAuth()));
    expect(await expectJson(res, 200)).toStrictEqual({ active: false });
  });

  it('answers exactly {"active": false} once the token has expired, and active until then', async () => {
    const { access } = await userToken();
    t.advance(3599);
    expect((await body(await t.server.introspect(form('/o/introspect', { token: access }, rsAuth())))).active).toBe(true);
    t.advance(1);
    const res = await t.server.introspect(form('/o/introspect', { token: access }, rsAuth()));
    expect(await expectJson(res, 200)).toStrictEqual({ active: false });
  });

  it('answers exactly {"active": false} for a refresh token (only access tokens are introspected, as DOT)', async () => {
    const { refresh } = await userToken();
    const res = await t.server.introspect(form('/o/introspect', { token: refresh }, rsAuth()));
    expect(await expectJson(res, 200)).toStrictEqual({ active: false });
  });
});

describe('RFC 7662 §4 who may introspect which token', () => {
  const CALENDAR = 'https://calendar.example/api';
  let calendar: App;
  let ordinary: App;
  beforeAll(async () => {
    // An application that declares a resource URI it serves, not marked a resource server.
    calendar = await t.application({ name: 'Calendar API', grantTypes: ['client_credentials'], resources: [CALENDAR] });
    ordinary = await t.application({ name: 'Another client' });
  });
  const introspectAs = (caller: App, token: string) => t.server.introspect(form('/o/introspect', { token }, basic(caller.clientId, caller.clientSecret)));

  it('a client sees the tokens issued to it', async () => {
    const { access } = await userToken();
    expect((await expectJson(await introspectAs(app, access), 200)).active).toBe(true);
  });

  it("answers exactly {\"active\": false} to a confidential client asking about another application's token", async () => {
    const { access } = await userToken('read email');
    expect(await expectJson(await introspectAs(ordinary, access), 200)).toStrictEqual({ active: false });
    // The token is still active for those allowed to see it.
    expect((await expectJson(await introspectAs(resourceServer, access), 200)).active).toBe(true);
  });

  it('RFC 8707: a client sees a token whose audience includes one of its resource URIs, and no other', async () => {
    const forCalendar = (await tokenResponse(app, { grant_type: 'client_credentials', scope: 'read', resource: CALENDAR })).access_token as string;
    const b = await expectJson(await introspectAs(calendar, forCalendar), 200);
    expect(b).toMatchObject({ active: true, client_id: app.clientId, aud: CALENDAR });
    const forNoOne = (await tokenResponse(app, { grant_type: 'client_credentials', scope: 'read' })).access_token as string;
    expect(await expectJson(await introspectAs(calendar, forNoOne), 200)).toStrictEqual({ active: false });
  });

  it('an application an operator marked a resource server sees any token', async () => {
    const theirs = (await tokenResponse(ordinary, { grant_type: 'client_credentials', scope: 'read' })).access_token as string;
    expect((await expectJson(await introspectAs(resourceServer, theirs), 200)).active).toBe(true);
  });

  it("a bearer caller sees what its application's credentials would: only its own tokens unless a resource server", async () => {
    // Issue 19: an ordinary application can no longer be granted the introspection scope...
    const refused = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope: 'introspection' }, basic(ordinary.clientId, ordinary.clientSecret)));
    expect((await body(refused)).error).toBe('invalid_scope');
    // ...but one issued before that rule still only sees what the application's credentials would.
    const bearer = randomToken();
    await t.store.issueTokens(
      { tokenDigest: digest(bearer), applicationId: ordinary.id, userId: user.id, scope: 'introspection', expiresAt: new Date(t.now().getTime() + 3600_000), authorizationCodeId: null, familyId: null, createdAt: t.now() },
      null,
    );
    const { access } = await userToken();
    const foreign = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${bearer}` }));
    expect(await expectJson(foreign, 200)).toStrictEqual({ active: false });
    const own = (await tokenResponse(ordinary, { grant_type: 'client_credentials', scope: 'read' })).access_token as string;
    const mine = await t.server.introspect(form('/o/introspect', { token: own }, { Authorization: `Bearer ${bearer}` }));
    expect((await expectJson(mine, 200)).active).toBe(true);
  });
});

describe('RFC 7662 §4: client_credentials cannot grant itself the introspection scope', () => {
  it('answers invalid_scope to an application not marked a resource server', async () => {
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read introspection' }, basic(app.clientId, app.clientSecret)));
    const b = await expectJson(res, 400);
    expect(b.error).toBe('invalid_scope');
    expect(b.error_description).toMatch(/introspection/);
  });

  it('grants it to a resource server', async () => {
    const b = await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection' });
    expect(b.scope).toBe('introspection');
  });
});

describe('RFC 8707 audience of a bearer token at the introspection endpoint', () => {
  it('answers 401 invalid_token to an introspection-scoped token meant for another resource', async () => {
    const elsewhere = await t.application({ name: 'Elsewhere', resources: ['https://elsewhere.example/api'] });
    expect(elsewhere.id).toBeTruthy();
    const bearer = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection', resource: 'https://elsewhere.example/api' })).access_token as string;
    const { access } = await userToken();
    const res = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${bearer}` }));
    const b = await expectJson(res, 401);
    expect(b.error).toBe('invalid_token');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('accepts one whose audience is this server (its issuer origin)', async () => {
    const bearer = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection', resource: 'https://as.example' })).access_token as string;
    const { access } = await userToken();
    const res = await t.server.introspect(form('/o/introspect', { token: access }, { Authorization: `Bearer ${bearer}` }));
    expect((await expectJson(res, 200)).active).toBe(true);
  });
});

describe("RFC 7662 §2.2 username: the user's email only with the email scope and a verified address", () => {
  it('leaves username out of a token without the email scope', async () => {
    const { access } = await userToken('read');
    const b = await expectJson(await t.server.introspect(form('/o/introspect', { token: access }, rsAuth())), 200);
    expect(b).toMatchObject({ active: true, sub: user.id });
    expect(b).not.toHaveProperty('username');
  });

  it('leaves username out when the email is not verified, even with the email scope', async () => {
    const unverified = await t.store.createUser({ email: `unverified-${Date.now()}@example.com`, passwordHash: 'hash:pw', name: null, emailVerified: false });
    const b = await tokenResponse(app, { grant_type: 'password', username: unverified!.email, password: 'pw', scope: 'read email' });
    const info = await expectJson(await t.server.introspect(form('/o/introspect', { token: b.access_token as string }, rsAuth())), 200);
    expect(info).toMatchObject({ active: true, sub: unverified!.id });
    expect(info).not.toHaveProperty('username');
  });
});

describe('token_authenticated', () => {
  it('is emitted for the bearer token a caller introspects with', async () => {
    const seen: unknown[] = [];
    const off = t.deps.events.on('token_authenticated', (e) => void seen.push(e));
    const bearer = (await tokenResponse(resourceServer, { grant_type: 'client_credentials', scope: 'introspection' })).access_token as string;
    await t.server.introspect(form('/o/introspect', { token: 'x' }, { Authorization: `Bearer ${bearer}` }));
    off();
    expect(seen).toEqual([{ applicationId: resourceServer.id, clientId: resourceServer.clientId, userId: null, scope: ['introspection'] }]);
  });
});
