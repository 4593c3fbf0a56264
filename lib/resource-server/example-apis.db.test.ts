/**
 * RFC 8707 audience at each of this app's own APIs, as the routes configure them: the example
 * APIs (/api/hello, /api/me, /api/notes: the resource `/`, the issuer's origin) and the MCP
 * server (/api/mcp), which requires its own audience when the agent profile (OAUTH2_MCP) is on.
 * Errors are RFC 6750 §3.1 invalid_token with a WWW-Authenticate challenge.
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '@/lib/oauth/events';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { createMcpHandler } from '@/lib/mcp/whoami-server';
import { BASE, basic, body, createTestServer } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createExampleApis } from './example-apis';

const t = await createTestServer();
const app = await t.application();
const user = await t.user();
const OTHER = 'https://calendar.example/api';
await t.application({ name: 'Calendar API', grantTypes: ['client_credentials'], resources: [OTHER] });
const MCP = `${BASE}/api/mcp`;

const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null };
const events = new EventBus();
const apis = createExampleApis({ store: async () => t.store, clock: t.now, settings, events });

/** A user's token with every scope the example APIs need, for the given RFC 8707 resources. */
async function tokenFor(resources: string[] = []): Promise<string> {
  const params = new URLSearchParams({ grant_type: 'password', username: user.email, password: user.password, scope: 'read write profile' });
  for (const r of resources) params.append('resource', r);
  const res = await t.server.token(
    new Request(`${BASE}/o/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...basic(app.clientId, app.clientSecret) }, body: params.toString() }),
  );
  expect(res.status).toBe(200);
  return String((await body(res)).access_token);
}

const routes: [string, string, (req: Request) => Promise<Response>][] = [
  ['GET', '/api/hello', apis.hello],
  ['GET', '/api/me', apis.me],
  ['GET', '/api/notes', apis.notes],
  ['POST', '/api/notes', apis.notes],
];
const call = (method: string, path: string, handler: (req: Request) => Promise<Response>, token: string) =>
  handler(new Request(`${BASE}${path}`, { method, headers: { Authorization: `Bearer ${token}` }, ...(method === 'POST' ? { body: 'note' } : {}) }));

describe(`RFC 8707 audience at the example APIs, on ${testDatabaseKind}`, () => {
  it.each(routes)('%s %s accepts a token issued without a resource (not restricted)', async (method, path, handler) => {
    expect((await call(method, path, handler, await tokenFor())).status).toBeLessThan(300);
  });

  it.each(routes)('%s %s accepts a token whose audience is this app (the origin, with or without its slash)', async (method, path, handler) => {
    expect((await call(method, path, handler, await tokenFor([BASE]))).status).toBeLessThan(300);
    expect((await call(method, path, handler, await tokenFor([`${BASE}/`]))).status).toBeLessThan(300);
  });

  it.each(routes)('RFC 6750 §3.1: %s %s answers 401 invalid_token to a token meant for another resource server', async (method, path, handler) => {
    const res = await call(method, path, handler, await tokenFor([OTHER]));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(res.headers.get('www-authenticate')).toContain(`resource_metadata="${BASE}/.well-known/oauth-protected-resource"`);
    expect((await body(res)).error).toBe('invalid_token');
  });

  it.each(routes)('RFC 6750 §3.1: %s %s answers 401 invalid_token to a token meant only for the MCP server', async (method, path, handler) => {
    const res = await call(method, path, handler, await tokenFor([MCP]));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('emits token_authenticated for an accepted token, never for a refused one', async () => {
    const seen: unknown[] = [];
    const off = events.on('token_authenticated', (e) => void seen.push(e));
    await call('GET', '/api/hello', apis.hello, await tokenFor());
    await call('GET', '/api/hello', apis.hello, await tokenFor([OTHER]));
    off();
    expect(seen).toEqual([{ applicationId: app.id, clientId: app.clientId, userId: user.id, scope: ['read', 'write', 'profile'] }]);
  });
});

describe(`RFC 8707 audience at the MCP server (/api/mcp), on ${testDatabaseKind}`, () => {
  const initialize = (token: string) =>
    new Request(MCP, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
    });
  const profileOn = createMcpHandler({ store: async () => t.store, clock: t.now, settings: { ...settings, clients: { ...defaultClientRegistrationSettings, mcp: true } } });
  const profileOff = createMcpHandler({ store: async () => t.store, clock: t.now, settings: { ...settings, clients: { ...defaultClientRegistrationSettings, mcp: false } } });

  it('with the agent profile on, answers 401 invalid_token to a token issued without any audience', async () => {
    const res = await profileOn(initialize(await tokenFor()));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(res.headers.get('www-authenticate')).toContain(`resource_metadata="${BASE}/.well-known/oauth-protected-resource/api/mcp"`);
  });

  it('with the agent profile on, answers a token whose audience is the MCP server', async () => {
    expect((await profileOn(initialize(await tokenFor([MCP])))).status).toBe(200);
  });

  it('answers 401 invalid_token to a token meant for the example APIs or another server, profile on or off', async () => {
    for (const handler of [profileOn, profileOff]) {
      for (const resource of [BASE, OTHER]) {
        const res = await handler(initialize(await tokenFor([resource])));
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
      }
    }
  });

  it('with the agent profile off, still accepts a token issued without an audience (clients that predate RFC 8707)', async () => {
    expect((await profileOff(initialize(await tokenFor()))).status).toBe(200);
  });
});
