/**
 * RFC 8693 token exchange, as a client sees it: an MCP server that received a person's token
 * trades it for a narrower one to a downstream API, which trades it again (a chain, `act` nested);
 * widening is refused; the exchanged tokens die with the token they came from.
 */
import { describe, expect, it } from 'vitest';
import { createRemoteJWKSet, customFetch, jwtVerify, type FetchImplementation } from 'jose';
import { basic, BASE, body, createTestServer, engineFetch, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ accessTokenExpireSeconds: 3600 });
const EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';
const MCP = 'https://mcp.example/mcp';
const API = 'https://api.example/v1';
const API2 = 'https://storage.example/';

type App = { clientId: string; clientSecret: string };

// The agent the person uses, the MCP server it calls, and the APIs behind it.
const agent = await t.application({ name: 'Agent', grantTypes: ['password'] });
const mcp = await t.application({ name: 'MCP server', grantTypes: ['urn:ietf:params:oauth:grant-type:token-exchange'], resources: [MCP], redirectUris: [] });
const api = await t.application({ name: 'API', grantTypes: ['urn:ietf:params:oauth:grant-type:token-exchange', 'client_credentials'], resources: [API], redirectUris: [] });
await t.application({ name: 'Storage', grantTypes: ['client_credentials'], resources: [API2], redirectUris: [], accessTokenFormat: 'jwt' });
const user = await t.user();

async function userToken(scope = 'read write', resource = MCP): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const res = await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope, resource }, basic(agent.clientId, agent.clientSecret)));
  expect(res.status).toBe(200);
  return (await body(res)) as { access_token: string; refresh_token: string; expires_in: number };
}

function exchange(app: App, params: Record<string, string>) {
  return t.server.token(form('/o/token', { grant_type: EXCHANGE, subject_token_type: ACCESS_TOKEN, ...params }, basic(app.clientId, app.clientSecret)));
}

async function exchanged(app: App, params: Record<string, string>) {
  const res = await exchange(app, params);
  const json = await body(res);
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json as { access_token: string; issued_token_type: string; token_type: string; expires_in: number; scope: string; refresh_token?: string };
}

async function refused(app: App, params: Record<string, string>) {
  const res = await exchange(app, params);
  expect(res.headers.get('cache-control')).toContain('no-store');
  return { status: res.status, ...(await body(res)) } as Record<string, unknown> & { status: number };
}

const revoke = (app: App, token: string) => t.server.revoke(form('/o/revoke_token', { token }, basic(app.clientId, app.clientSecret)));

describe(`RFC 8693 token exchange on ${testDatabaseKind}`, () => {
  describe('§2.1-2.2.1 request and response', () => {
    it('an MCP server exchanges the token it received for a narrower one to its downstream API', async () => {
      const subject = await userToken('read write');
      const out = await exchanged(mcp, { subject_token: subject.access_token, resource: API, scope: 'read' });
      expect(out).toMatchObject({ issued_token_type: ACCESS_TOKEN, token_type: 'Bearer', scope: 'read' });
      expect(out.refresh_token).toBeUndefined();
      expect(out.access_token).not.toBe(subject.access_token);
      // §4.1: the API (its resource server) sees who the token is about, who acts, and for where.
      expect(await t.introspect(api, out.access_token)).toMatchObject({
        active: true,
        sub: user.id,
        client_id: mcp.clientId,
        scope: 'read',
        aud: API,
        act: { sub: mcp.clientId, client_id: mcp.clientId },
      });
    });

    it('§2.1: without scope, the new token keeps the subject token\'s scope; with audience, the same check as resource', async () => {
      const subject = await userToken('read write');
      const out = await exchanged(mcp, { subject_token: subject.access_token, audience: API });
      expect(out.scope).toBe('read write');
      expect((await t.introspect(api, out.access_token)).aud).toBe(API);
    });

    it('§2.2.1: the new token never outlives the subject token', async () => {
      const subject = await userToken();
      t.advance(3000); // 600 s of the subject's hour left; the MCP server's own tokens would live an hour
      const out = await exchanged(mcp, { subject_token: subject.access_token, resource: API });
      expect(out.expires_in).toBeLessThanOrEqual(600);
      t.advance(601);
      expect(await t.introspect(api, out.access_token)).toEqual({ active: false });
    });

    it('RFC 8414: the grant is advertised', async () => {
      const meta = await body(await t.server.metadata(new Request(`${BASE}/.well-known/oauth-authorization-server`)));
      expect(meta.grant_types_supported).toContain(EXCHANGE);
    });
  });

  describe('§4.1 act: delegation chains', () => {
    it('a chain: the API exchanges the MCP server\'s token again; act nests the earlier actor, JWTs carry it too', async () => {
      const subject = await userToken('read write');
      const first = await exchanged(mcp, { subject_token: subject.access_token, resource: API, scope: 'read write' });
      // Storage wants JWT access tokens (per resource), so the second hop is an RFC 9068 JWT.
      const second = await exchanged(api, { subject_token: first.access_token, resource: API2, scope: 'read' });
      const chain = { sub: api.clientId, client_id: api.clientId, act: { sub: mcp.clientId, client_id: mcp.clientId } };
      const jwks = createRemoteJWKSet(new URL(`${BASE}/o/.well-known/jwks.json`), { [customFetch]: engineFetch(t.server) as unknown as FetchImplementation });
      const { payload } = await jwtVerify(second.access_token, jwks, { issuer: BASE, typ: 'at+jwt', audience: API2, currentDate: t.now() });
      expect(payload).toMatchObject({ sub: user.id, client_id: api.clientId, scope: 'read', act: chain });
      expect(await t.introspect(api, second.access_token)).toMatchObject({ active: true, act: chain });
    });

    it('§2.1 actor_token: act names the actor token\'s subject; an actor token of another application is refused', async () => {
      const subject = await userToken();
      const own = await body(await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(api.clientId, api.clientSecret))));
      const withActor = await exchanged(api, { subject_token: (await exchanged(mcp, { subject_token: subject.access_token, resource: API })).access_token, actor_token: own.access_token as string, actor_token_type: ACCESS_TOKEN });
      expect((await t.introspect(api, withActor.access_token)).act).toMatchObject({ sub: api.clientId, client_id: api.clientId });
      const foreign = await userToken('read', API);
      const res = await refused(mcp, { subject_token: subject.access_token, actor_token: foreign.access_token, actor_token_type: ACCESS_TOKEN });
      expect(res).toMatchObject({ status: 400, error: 'invalid_request' });
      expect(await refused(mcp, { subject_token: subject.access_token, actor_token_type: ACCESS_TOKEN })).toMatchObject({ status: 400, error: 'invalid_request' });
    });
  });

  describe('§2.2.2 refusals: never wider than what was held', () => {
    it('invalid_scope: a scope the subject token does not carry', async () => {
      const subject = await userToken('read');
      expect(await refused(mcp, { subject_token: subject.access_token, scope: 'read write' })).toMatchObject({ status: 400, error: 'invalid_scope' });
    });

    it('invalid_scope: a scope the exchanging application may not have (issue 19 allowed scopes)', async () => {
      const narrow = await t.application({ name: 'Narrow MCP', grantTypes: [EXCHANGE as never], resources: ['https://narrow.example/'], redirectUris: [], allowedScopes: ['read'] });
      const subject = await userToken('read write', 'https://narrow.example/');
      expect(await refused(narrow, { subject_token: subject.access_token, scope: 'write' })).toMatchObject({ status: 400, error: 'invalid_scope' });
      // Without scope: what both allow.
      expect((await exchanged(narrow, { subject_token: subject.access_token })).scope).toBe('read');
    });

    it('invalid_target: a resource or audience this server issues no tokens for', async () => {
      const subject = await userToken();
      expect(await refused(mcp, { subject_token: subject.access_token, resource: 'https://unknown.example/' })).toMatchObject({ status: 400, error: 'invalid_target' });
      expect(await refused(mcp, { subject_token: subject.access_token, audience: 'somewhere-else' })).toMatchObject({ status: 400, error: 'invalid_target' });
    });

    it('invalid_request: a token neither issued to the application nor meant for a resource it serves', async () => {
      const forApi = await userToken('read', API);
      const res = await refused(mcp, { subject_token: forApi.access_token, resource: API });
      expect(res).toMatchObject({ status: 400, error: 'invalid_request' });
      expect(res.error_description).toMatch(/neither issued to this application nor meant for a resource it serves/);
      // A token without an audience, issued to another application, is not this one's to exchange either.
      const unrestricted = await body(await t.server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(agent.clientId, agent.clientSecret))));
      expect(await refused(mcp, { subject_token: unrestricted.access_token as string })).toMatchObject({ status: 400, error: 'invalid_request' });
    });

    it('a token issued to the application itself may be exchanged (narrowed for another API)', async () => {
      const own = await body(await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read write' }, basic(api.clientId, api.clientSecret))));
      const out = await exchanged(api, { subject_token: own.access_token as string, scope: 'read', resource: API2 });
      expect(out.scope).toBe('read');
    });

    it('invalid_request: unknown, revoked or wrong-typed subject tokens; unsupported requested_token_type', async () => {
      expect(await refused(mcp, { subject_token: 'not-a-token' })).toMatchObject({ status: 400, error: 'invalid_request' });
      const subject = await userToken();
      expect(await refused(mcp, { subject_token: subject.access_token, subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' })).toMatchObject({ status: 400, error: 'invalid_request' });
      expect(await refused(mcp, { subject_token: subject.access_token, requested_token_type: 'urn:ietf:params:oauth:token-type:refresh_token' })).toMatchObject({ status: 400, error: 'invalid_request' });
      const res = await t.server.token(form('/o/token', { grant_type: EXCHANGE, subject_token: subject.access_token }, basic(mcp.clientId, mcp.clientSecret)));
      expect(await body(res)).toMatchObject({ error: 'invalid_request', error_description: "missing required parameter 'subject_token_type'" });
      expect((await revoke(agent, subject.access_token)).status).toBe(200);
      expect(await refused(mcp, { subject_token: subject.access_token })).toMatchObject({ status: 400, error: 'invalid_request' });
    });

    it('RFC 6749 §5.2 unauthorized_client: an application that did not opt in to the grant', async () => {
      const subject = await userToken('read', API);
      const other = await t.application({ name: 'No exchange', grantTypes: ['client_credentials'], resources: ['https://other.example/'], redirectUris: [] });
      expect(await refused(other, { subject_token: subject.access_token })).toMatchObject({ status: 400, error: 'unauthorized_client' });
    });
  });

  describe('revoked with the subject token (RFC 7009)', () => {
    it('revoking the subject token ends every token exchanged from it, down the chain', async () => {
      const subject = await userToken();
      const first = await exchanged(mcp, { subject_token: subject.access_token, resource: API });
      const second = await exchanged(api, { subject_token: first.access_token, resource: API2 });
      expect((await t.introspect(api, second.access_token)).active).toBe(true);
      expect((await revoke(agent, subject.access_token)).status).toBe(200);
      expect(await t.introspect(api, first.access_token)).toEqual({ active: false });
      expect(await t.introspect(api, second.access_token)).toEqual({ active: false });
      // And nothing can be exchanged from them any more.
      expect(await refused(api, { subject_token: first.access_token })).toMatchObject({ status: 400, error: 'invalid_request' });
    });

    it('revoking the refresh token (its whole family) ends tokens exchanged from the family\'s access token', async () => {
      const subject = await userToken();
      const out = await exchanged(mcp, { subject_token: subject.access_token, resource: API });
      expect((await revoke(agent, subject.refresh_token)).status).toBe(200);
      expect(await t.introspect(api, out.access_token)).toEqual({ active: false });
    });

    it('revoking an exchanged token leaves the subject token alone', async () => {
      const subject = await userToken();
      const out = await exchanged(mcp, { subject_token: subject.access_token, resource: API });
      expect((await revoke(mcp, out.access_token)).status).toBe(200);
      expect(await t.introspect(api, out.access_token)).toEqual({ active: false });
      expect((await t.introspect(agent, subject.access_token)).active).toBe(true);
    });
  });
});
