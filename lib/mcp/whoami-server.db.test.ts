/**
 * The example MCP server at /api/mcp, driven by the official MCP TypeScript SDK: discovery
 * from the MCP URL alone (RFC 9728, then RFC 8414), the code flow with PKCE and `resource`
 * (RFC 8707), tool listing and the whoami tool, a refresh, and the 401s an MCP client reads.
 * Every request goes through a fetch that routes to this app's handlers in-process.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  discoverAuthorizationServerMetadata,
  discoverOAuthProtectedResourceMetadata,
  exchangeAuthorization,
  extractWWWAuthenticateParams,
  refreshAuthorization,
  startAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { protectedResourceMetadata } from '@/lib/resource-server/protected-resource-metadata';
import { BASE, basic, body, createTestServer, engineFetch } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createMcpHandler } from './whoami-server';

const t = await createTestServer();
const appSettings = { ...t.settings, allowTokenInQuery: false, resourceServer: null };
const mcp = createMcpHandler({ store: async () => t.store, clock: t.now, settings: appSettings });
const engine = engineFetch(t.server);
const MCP_URL = `${BASE}/api/mcp`;
const REDIRECT = 'http://127.0.0.1:33418/callback';

/** The app's routes, in-process: what a real MCP client would reach over HTTP. */
const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const req = input instanceof Request ? input : new Request(input, init);
  const path = new URL(req.url).pathname;
  if (path.startsWith('/.well-known/oauth-protected-resource')) return protectedResourceMetadata(req, appSettings);
  if (path === '/api/mcp') return mcp(req);
  return engine(req);
};

async function connect(accessToken?: string): Promise<Client> {
  const client = new Client({ name: 'test-agent', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
    fetch: fetchFn,
    requestInit: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : {},
  });
  await client.connect(transport);
  return client;
}

describe(`example MCP server at /api/mcp on ${testDatabaseKind}`, async () => {
  const user = await t.user('agent-user@example.com');
  const agent = await t.application({ name: 'An agent', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: [REDIRECT] });

  it('MCP authorization: discovery from the MCP URL (RFC 9728 then RFC 8414), the code flow with resource, whoami, and a refresh', async () => {
    // An MCP client's first request has no token: the 401 names the resource metadata.
    const first = await fetchFn(MCP_URL, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
    expect(first.status).toBe(401);
    const { resourceMetadataUrl } = extractWWWAuthenticateParams(first);
    expect(resourceMetadataUrl?.href).toBe(`${BASE}/.well-known/oauth-protected-resource/api/mcp`);

    const prm = await discoverOAuthProtectedResourceMetadata(MCP_URL, { resourceMetadataUrl }, fetchFn);
    expect(prm.resource).toBe(MCP_URL);
    expect(prm.authorization_servers).toEqual([BASE]);
    const asMetadata = await discoverAuthorizationServerMetadata(prm.authorization_servers![0]!, { fetchFn });
    expect(asMetadata?.issuer).toBe(BASE);
    expect(asMetadata?.code_challenge_methods_supported).toContain('S256');

    const clientInformation = { client_id: agent.clientId };
    const scope = prm.scopes_supported!.join(' ');
    const { authorizationUrl, codeVerifier } = await startAuthorization(BASE, {
      metadata: asMetadata,
      clientInformation,
      redirectUrl: REDIRECT,
      scope,
      resource: new URL(prm.resource),
      state: 'st',
    });
    expect(authorizationUrl.searchParams.get('resource')).toBe(MCP_URL);

    // The user signs in and approves (the consent page's decision, in-process).
    t.signIn(user.id);
    const consent = (await t.server.authorize(new Request(authorizationUrl))).headers.get('location')!;
    expect(consent).toMatch(/^\/o\/consent\?request=/);
    const back = new URL((await t.server.decideAuthorization(new URL(consent, BASE).searchParams.get('request')!, { userId: user.id, authTime: Math.floor(t.now().getTime() / 1000) }, { allow: true }))!);
    expect(back.searchParams.get('iss')).toBe(BASE);

    const tokens = await exchangeAuthorization(BASE, {
      metadata: asMetadata,
      clientInformation,
      authorizationCode: back.searchParams.get('code')!,
      codeVerifier,
      redirectUri: REDIRECT,
      resource: new URL(prm.resource),
      fetchFn,
    });
    // A public client gets a refresh token without asking for offline_access.
    expect(tokens.refresh_token).toBeTypeOf('string');
    expect(tokens.scope).toBe('read');

    const client = await connect(tokens.access_token);
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name)).toEqual(['whoami']);
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.structuredContent).toMatchObject({ sub: user.id, email: 'agent-user@example.com', client_id: agent.clientId, scope: ['read'], aud: [MCP_URL] });
    await client.close();

    const refreshed = await refreshAuthorization(BASE, { metadata: asMetadata, clientInformation, refreshToken: tokens.refresh_token!, resource: new URL(prm.resource), fetchFn });
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const again = await connect(refreshed.access_token);
    expect((await again.callTool({ name: 'whoami', arguments: {} })).structuredContent).toMatchObject({ email: 'agent-user@example.com' });
    await again.close();
    // The first access token stopped working when it was refreshed (as DOT).
    await expect(connect(tokens.access_token)).rejects.toThrow();
  });

  it('RFC 9728 §5.1: a request without a token gets 401 with the resource_metadata challenge, readable from any origin', async () => {
    const res = await fetchFn(MCP_URL, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:6274' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer resource_metadata="${BASE}/.well-known/oauth-protected-resource/api/mcp"`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    await expect(connect()).rejects.toThrow();
  });

  it('RFC 8707: a token meant for another resource is refused with 401 invalid_token', async () => {
    const app = await t.application();
    const params = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' });
    params.append('resource', BASE);
    const tok = await body(await t.server.token(new Request(`${BASE}/o/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...basic(app.clientId, app.clientSecret) }, body: params.toString() })));
    const res = await fetchFn(MCP_URL, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${String(tok.access_token)}` }, body: '{}' });
    expect(res.status).toBe(401);
    const challenge = extractWWWAuthenticateParams(res);
    expect(challenge.error).toBe('invalid_token');
    expect(challenge.resourceMetadataUrl?.href).toBe(`${BASE}/.well-known/oauth-protected-resource/api/mcp`);
    await expect(connect(String(tok.access_token))).rejects.toThrow();
  });

  it('a token without the read scope gets 403 insufficient_scope naming it', async () => {
    const app = await t.application();
    const tok = await body(await t.server.token(new Request(`${BASE}/o/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...basic(app.clientId, app.clientSecret) }, body: 'grant_type=client_credentials&scope=write' })));
    const res = await fetchFn(MCP_URL, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${String(tok.access_token)}` }, body: '{}' });
    expect(res.status).toBe(403);
    expect(extractWWWAuthenticateParams(res)).toMatchObject({ error: 'insufficient_scope', scope: 'read' });
  });

  it('answers a CORS preflight without a token', async () => {
    const res = await fetchFn(MCP_URL, { method: 'OPTIONS', headers: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Mcp-Protocol-Version');
  });
});
