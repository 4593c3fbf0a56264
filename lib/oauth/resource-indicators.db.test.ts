/**
 * RFC 8707 resource indicators, as a client sees them: invalid_target on authorize and token,
 * the audience of each access token (introspection's aud), narrowing on the token and refresh
 * requests. Also the refresh tokens agents rely on (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).
 */
import { describe, expect, it } from 'vitest';
import { s256 } from '@/lib/oauth/pkce';
import { digest } from '@/lib/oauth/secrets';
import { eq } from 'drizzle-orm';
import { authorizationCodes } from '@/drizzle/schema';
import { basic, BASE, body, createTestServer } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const EXTRA = 'https://api.example/v1';
const t = await createTestServer({ resources: [EXTRA] });
const MCP = `${BASE}/api/mcp`;
const ORIGIN = BASE;
const VERIFIER = 'resource-indicator-verifier-0123456789-abcdefghijkl';

/** A form body with repeated parameters (RFC 8707 §2: resource may appear several times). */
function formBody(path: string, params: [string, string][], headers: Record<string, string> = {}): Request {
  return new Request(BASE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

async function token(params: [string, string][], headers: Record<string, string>) {
  const res = await t.server.token(formBody('/o/token', params, headers));
  return { res, json: await body(res) };
}

async function introspect(accessToken: string, app: { clientId: string; clientSecret: string }) {
  return body(await t.server.introspect(formBody('/o/introspect', [['token', accessToken]], basic(app.clientId, app.clientSecret))));
}

/** Runs /o/authorize with repeated resource parameters for a signed-in user; returns the redirect. */
async function authorize(clientId: string, userId: string, resources: string[], extra: Record<string, string> = {}) {
  t.signIn(userId);
  const url = new URL(`${BASE}/o/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: clientId, state: 's1', code_challenge: s256(VERIFIER), code_challenge_method: 'S256', ...extra })) {
    url.searchParams.set(k, v);
  }
  for (const r of resources) url.searchParams.append('resource', r);
  const res = await t.server.authorize(new Request(url));
  let location = res.headers.get('location') ?? '';
  if (location.startsWith('/o/consent')) {
    const id = new URL(location, BASE).searchParams.get('request')!;
    location = (await t.server.decideAuthorization(id, { userId, authTime: Math.floor(t.now().getTime() / 1000) }, { allow: true }))!;
  }
  return new URL(location, BASE);
}

describe(`RFC 8707 resource indicators on ${testDatabaseKind}`, async () => {
  const app = await t.application();
  const user = await t.user();
  // An application that serves its own API (the dashboard's "Resource URIs").
  const api = await t.application({ name: 'Calendar API', resources: ['https://calendar.example/api'] });
  const auth = basic(app.clientId, app.clientSecret);

  describe('§2 authorization request', () => {
    it('redirects invalid_target (with state and iss) for a resource the server does not know', async () => {
      const to = await authorize(app.clientId, user.id, ['https://unknown.example/api']);
      expect(to.origin + to.pathname).toBe('https://client.example/cb');
      expect(to.searchParams.get('error')).toBe('invalid_target');
      expect(to.searchParams.get('error_description')).toContain('https://unknown.example/api');
      expect(to.searchParams.get('state')).toBe('s1');
      expect(to.searchParams.get('iss')).toBe(BASE);
      expect(to.searchParams.get('code')).toBeNull();
    });

    it('redirects invalid_target for a relative URI or one with a fragment', async () => {
      for (const bad of ['/api/mcp', `${MCP}#frag`]) {
        const to = await authorize(app.clientId, user.id, [bad]);
        expect(to.searchParams.get('error')).toBe('invalid_target');
      }
    });

    it('redirects invalid_target when one of several resources is unknown', async () => {
      const to = await authorize(app.clientId, user.id, [MCP, 'https://unknown.example/']);
      expect(to.searchParams.get('error')).toBe('invalid_target');
    });

    it('accepts this app’s APIs, OAUTH2_RESOURCES and resources an application declares, and remembers them in the code', async () => {
      const to = await authorize(app.clientId, user.id, [MCP, ORIGIN, EXTRA, 'https://calendar.example/api']);
      const code = to.searchParams.get('code');
      expect(code).toBeTruthy();
      const [row] = await t.db.select({ resources: authorizationCodes.resources }).from(authorizationCodes).where(eq(authorizationCodes.codeDigest, digest(code!)));
      expect(row!.resources).toEqual([MCP, ORIGIN, EXTRA, 'https://calendar.example/api']);
      expect(api.clientId).toBeTruthy();
    });

    it('the consent page is told which resources the access is for', async () => {
      t.signIn(user.id);
      const url = new URL(`${BASE}/o/authorize`);
      for (const [k, v] of Object.entries({ response_type: 'code', client_id: app.clientId, state: 's1', code_challenge: s256(VERIFIER), code_challenge_method: 'S256', resource: MCP })) {
        url.searchParams.set(k, v);
      }
      const res = await t.server.authorize(new Request(url));
      const id = new URL(res.headers.get('location')!, BASE).searchParams.get('request')!;
      expect((await t.server.loadConsent(id, user.id))?.resources).toEqual([MCP]);
    });
  });

  describe('§2.2 access token request (authorization_code)', () => {
    async function codeFor(resources: string[]) {
      return (await authorize(app.clientId, user.id, resources)).searchParams.get('code')!;
    }
    const exchange = (code: string, resources: string[] = []) =>
      token([['grant_type', 'authorization_code'], ['code', code], ['code_verifier', VERIFIER], ...resources.map((r): [string, string] => ['resource', r])], auth);

    it('gives the token the audience of every resource the authorization request named; introspection returns aud as an array', async () => {
      const { res, json } = await exchange(await codeFor([MCP, EXTRA]));
      expect(res.status).toBe(200);
      const info = await introspect(String(json.access_token), app);
      expect(info).toMatchObject({ active: true, aud: [MCP, EXTRA] });
    });

    it('narrows the audience to the resource the token request names; one audience is a string', async () => {
      const { res, json } = await exchange(await codeFor([MCP, EXTRA]), [MCP]);
      expect(res.status).toBe(200);
      expect((await introspect(String(json.access_token), app)).aud).toBe(MCP);
    });

    it('answers 400 invalid_target for a resource outside the authorization grant', async () => {
      const { res, json } = await exchange(await codeFor([MCP]), [EXTRA]);
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_target');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it('without any resource, issues a token with no audience (introspection has no aud)', async () => {
      const { json } = await exchange(await codeFor([]));
      const info = await introspect(String(json.access_token), app);
      expect(info.active).toBe(true);
      expect(info).not.toHaveProperty('aud');
    });

    it('an unrestricted grant may still ask for a known resource at the token endpoint, not an unknown one', async () => {
      const ok = await exchange(await codeFor([]), [MCP]);
      expect((await introspect(String(ok.json.access_token), app)).aud).toBe(MCP);
      const bad = await exchange(await codeFor([]), ['https://unknown.example/']);
      expect(bad.res.status).toBe(400);
      expect(bad.json.error).toBe('invalid_target');
    });

    it('accepts resource as a JSON array', async () => {
      const code = await codeFor([MCP, EXTRA]);
      const res = await t.server.token(
        new Request(`${BASE}/o/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify({ grant_type: 'authorization_code', code, code_verifier: VERIFIER, resource: [EXTRA] }),
        }),
      );
      expect(res.status).toBe(200);
      expect((await introspect(String((await body(res)).access_token), app)).aud).toBe(EXTRA);
    });

    it('other parameters still may not be repeated (RFC 6749 §3.2)', async () => {
      const { res, json } = await token([['grant_type', 'client_credentials'], ['scope', 'read'], ['scope', 'write']], auth);
      expect(res.status).toBe(400);
      expect(json.error).toBe('invalid_request');
    });
  });

  describe('§2.2 refresh: the refresh token keeps the grant’s resources, each access token may narrow them', () => {
    it('narrows per refresh, refuses resources outside the grant, and a later refresh gets the whole grant again', async () => {
      const code = (await authorize(app.clientId, user.id, [MCP, EXTRA])).searchParams.get('code')!;
      const first = await token([['grant_type', 'authorization_code'], ['code', code], ['code_verifier', VERIFIER], ['resource', MCP]], auth);
      expect((await introspect(String(first.json.access_token), app)).aud).toBe(MCP);

      const narrowed = await token([['grant_type', 'refresh_token'], ['refresh_token', String(first.json.refresh_token)], ['resource', EXTRA]], auth);
      expect(narrowed.res.status).toBe(200);
      expect((await introspect(String(narrowed.json.access_token), app)).aud).toBe(EXTRA);

      const outside = await token([['grant_type', 'refresh_token'], ['refresh_token', String(narrowed.json.refresh_token)], ['resource', ORIGIN]], auth);
      expect(outside.res.status).toBe(400);
      expect(outside.json.error).toBe('invalid_target');

      const whole = await token([['grant_type', 'refresh_token'], ['refresh_token', String(narrowed.json.refresh_token)]], auth);
      expect(whole.res.status).toBe(200);
      expect((await introspect(String(whole.json.access_token), app)).aud).toEqual([MCP, EXTRA]);
    });
  });

  describe('client_credentials', () => {
    it('accepts a known resource as the audience and answers 400 invalid_target for an unknown one', async () => {
      const ok = await token([['grant_type', 'client_credentials'], ['resource', 'https://calendar.example/api']], auth);
      expect(ok.res.status).toBe(200);
      expect((await introspect(String(ok.json.access_token), app)).aud).toBe('https://calendar.example/api');
      const bad = await token([['grant_type', 'client_credentials'], ['resource', 'https://calendar.example/other']], auth);
      expect(bad.res.status).toBe(400);
      expect(bad.json).toMatchObject({ error: 'invalid_target' });
    });
  });

  describe('the audience travels in the token row', () => {
    it('findAccessToken returns it (one query for introspection and resource servers)', async () => {
      const ok = await token([['grant_type', 'client_credentials'], ['resource', MCP]], auth);
      const record = await t.store.findAccessToken(digest(String(ok.json.access_token)));
      expect(record?.audience).toEqual([MCP]);
      const none = await token([['grant_type', 'client_credentials']], auth);
      expect((await t.store.findAccessToken(digest(String(none.json.access_token))))?.audience).toBeNull();
    });
  });
});

describe(`public clients keep working past the first hour (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2) on ${testDatabaseKind}`, async () => {
  // Rotation is off for confidential clients here, to show public ones rotate regardless.
  const n = await createTestServer({ rotateRefreshToken: false });
  const pub = await n.application({ clientType: 'public', grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1:7777/cb'] });
  const user = await n.user();
  const challenge = { code_challenge: s256(VERIFIER), code_challenge_method: 'S256' };
  const send = async (params: [string, string][]) => {
    const res = await n.server.token(formBody('/o/token', params));
    return { res, json: await body(res) };
  };

  it('a public client gets a refresh token in the code flow without asking for offline_access', async () => {
    const code = await n.authorizeCode(pub, user.id, { ...challenge, scope: 'read' });
    const { res, json } = await send([['grant_type', 'authorization_code'], ['code', code], ['client_id', pub.clientId], ['code_verifier', VERIFIER]]);
    expect(res.status).toBe(200);
    expect(json.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('its refresh token rotates even with OAUTH2_ROTATE_REFRESH_TOKEN off, and replaying the old one revokes the family', async () => {
    const code = await n.authorizeCode(pub, user.id, challenge);
    const first = await send([['grant_type', 'authorization_code'], ['code', code], ['client_id', pub.clientId], ['code_verifier', VERIFIER]]);
    const second = await send([['grant_type', 'refresh_token'], ['refresh_token', String(first.json.refresh_token)], ['client_id', pub.clientId]]);
    expect(second.res.status).toBe(200);
    expect(second.json.refresh_token).toBeTypeOf('string');
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token);

    const replay = await send([['grant_type', 'refresh_token'], ['refresh_token', String(first.json.refresh_token)], ['client_id', pub.clientId]]);
    expect(replay.res.status).toBe(400);
    expect(replay.json.error).toBe('invalid_grant');
    // The family is revoked: the rotated token stops working too.
    const after = await send([['grant_type', 'refresh_token'], ['refresh_token', String(second.json.refresh_token)], ['client_id', pub.clientId]]);
    expect(after.json.error).toBe('invalid_grant');
  });

  it('a confidential client under the same settings keeps its refresh token (DOT behaviour unchanged)', async () => {
    const conf = await n.application();
    const res = await n.server.token(formBody('/o/token', [['grant_type', 'password'], ['username', user.email], ['password', user.password]], basic(conf.clientId, conf.clientSecret)));
    const first = await body(res);
    const again = await body(await n.server.token(formBody('/o/token', [['grant_type', 'refresh_token'], ['refresh_token', String(first.refresh_token)]], basic(conf.clientId, conf.clientSecret))));
    expect(again.refresh_token).toBe(first.refresh_token);
  });
});
