/**
 * RFC 9449 §7 at this app's protected APIs (the resource-server toolkit): /api/hello, /api/me and
 * the MCP server at /api/mcp, configured exactly as their routes are, on the test database. A
 * DPoP-bound token is accepted with `Authorization: DPoP` and a proof (ath, htm, htu, key, replay,
 * nonce), refused as `Bearer` (§7.2), and every refusal is a `WWW-Authenticate: DPoP` challenge.
 * The official MCP SDK has no DPoP support (1.32): its `fetch` option is where a client adds proofs.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { EventBus } from '@/lib/oauth/events';
import { createDpopNonces } from '@/lib/oauth/dpop/nonce';
import { createMcpHandler } from '@/lib/mcp/whoami-server';
import { dpopKey, type DpopKey } from '@/lib/testing/dpop';
import { BASE, basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createExampleApis } from './example-apis';

const t = await createTestServer();
const app = await t.application();
const user = await t.user();
const settings = { ...t.settings, allowTokenInQuery: false, resourceServer: null };
const events = new EventBus();
const apis = createExampleApis({ store: async () => t.store, clock: t.now, settings, events });
const mcp = createMcpHandler({ store: async () => t.store, clock: t.now, settings, events });
const HELLO = `${BASE}/api/hello`;
const ME = `${BASE}/api/me`;
const MCP = `${BASE}/api/mcp`;

/** A user's token bound to `key` (password grant with a DPoP proof), or a bearer token without one. */
async function tokenFor(key?: DpopKey, resource?: string): Promise<string> {
  const params: Record<string, string> = { grant_type: 'password', username: user.email, password: user.password, scope: 'read write profile' };
  if (resource) params.resource = resource;
  const res = await t.server.token(form('/o/token', params, { ...basic(app.clientId, app.clientSecret), ...(key ? { DPoP: await key.proof('POST', `${BASE}/o/token`) } : {}) }));
  const json = await body(res);
  expect(json.token_type).toBe(key ? 'DPoP' : 'Bearer');
  return String(json.access_token);
}

const call = (handler: (req: Request) => Promise<Response>, url: string, headers: Record<string, string>, method = 'GET') => handler(new Request(url, { method, headers }));

function expectChallenge(res: Response, code: string, why: RegExp) {
  expect(res.status).toBe(401);
  const challenge = res.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^DPoP algs="ES256 RS256 PS256 EdDSA"/);
  expect(challenge).toContain(`error="${code}"`);
  // RFC 9728 §5.1: the API still says where its metadata is.
  expect(challenge).toContain(`resource_metadata="${BASE}/.well-known/oauth-protected-resource"`);
  expect(challenge).toMatch(why);
}

describe(`RFC 9449 §7 at the example APIs and /api/mcp, on ${testDatabaseKind}`, () => {
  it('§7.1: /api/hello and /api/me accept a DPoP-bound token sent as DPoP with a proof of its key', async () => {
    const k = await dpopKey('ES256', t.now);
    const token = await tokenFor(k);
    const hello = await call(apis.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', HELLO, { accessToken: token }) });
    expect(hello.status).toBe(200);
    expect((await body(hello)).user).toBe(user.email);
    const me = await call(apis.me, ME, { Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', ME, { accessToken: token }) });
    expect(me.status).toBe(200);
    expect((await body(me)).sub).toBe(user.id);
  });

  it('§7.2: a DPoP-bound token sent as Bearer is refused with a DPoP challenge (no downgrade)', async () => {
    const token = await tokenFor(await dpopKey('ES256', t.now));
    expectChallenge(await call(apis.hello, HELLO, { Authorization: `Bearer ${token}` }), 'invalid_token', /DPoP-bound/);
  });

  it('bearer tokens keep working as Bearer; sent with the DPoP scheme they are refused', async () => {
    const token = await tokenFor();
    expect((await call(apis.hello, HELLO, { Authorization: `Bearer ${token}` })).status).toBe(200);
    const k = await dpopKey('ES256', t.now);
    expectChallenge(await call(apis.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', HELLO, { accessToken: token }) }), 'invalid_token', /not DPoP-bound/);
  });

  describe('§4.3 proofs at a protected resource', async () => {
    const k = await dpopKey('ES256', t.now);
    const token = await tokenFor(k);
    const cases: [string, () => Promise<Record<string, string>>, RegExp][] = [
      ['no DPoP header', async () => ({}), /needs a DPoP proof/],
      ['missing ath', async () => ({ DPoP: await k.proof('GET', HELLO) }), /no ath/],
      ['the ath of another token', async () => ({ DPoP: await k.proof('GET', HELLO, { accessToken: 'other' }) }), /ath does not match/],
      ['wrong htu (a proof for /api/me)', async () => ({ DPoP: await k.proof('GET', ME, { accessToken: token }) }), /htu/],
      ['wrong htm (POST for a GET)', async () => ({ DPoP: await k.proof('POST', HELLO, { accessToken: token }) }), /htm/],
      ['another key than the token is bound to', async () => ({ DPoP: await (await dpopKey('ES256', t.now)).proof('GET', HELLO, { accessToken: token }) }), /another key/],
    ];
    it.each(cases)('%s is invalid_dpop_proof', async (_name, headers, why) => {
      expectChallenge(await call(apis.hello, HELLO, { Authorization: `DPoP ${token}`, ...(await headers()) }), 'invalid_dpop_proof', why);
    });

    it('§11.1: a proof replayed at the API is refused', async () => {
      const proof = await k.proof('GET', HELLO, { accessToken: token });
      expect((await call(apis.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: proof })).status).toBe(200);
      expectChallenge(await call(apis.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: proof }), 'invalid_dpop_proof', /already used/);
    });
  });

  it('§9: with server nonces, a proof without one gets use_dpop_nonce and DPoP-Nonce; the retry succeeds', async () => {
    const nonces = createDpopNonces('test-secret');
    const strict = createExampleApis({ store: async () => t.store, clock: t.now, settings, events, dpopNonces: nonces });
    const k = await dpopKey('ES256', t.now);
    const token = await tokenFor(k);
    const first = await call(strict.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', HELLO, { accessToken: token }) });
    expectChallenge(first, 'use_dpop_nonce', /nonce/);
    const nonce = first.headers.get('dpop-nonce')!;
    expect(nonce).toBe(nonces.current(t.now()));
    const retry = await call(strict.hello, HELLO, { Authorization: `DPoP ${token}`, DPoP: await k.proof('GET', HELLO, { accessToken: token, nonce }) });
    expect(retry.status).toBe(200);
  });

  it('/api/mcp: the official MCP SDK client lists tools and calls whoami with a DPoP-bound token, a proof added per request by its fetch', async () => {
    const k = await dpopKey('ES256', t.now);
    const token = await tokenFor(k, MCP);
    // The SDK sends no proofs itself; a fetch wrapper signs one for each request (method and URL), with ath.
    const dpopFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const req = new Request(input, init);
      req.headers.set('Authorization', `DPoP ${token}`);
      req.headers.set('DPoP', await k.proof(req.method, req.url, { accessToken: token }));
      return mcp(req);
    };
    const client = new Client({ name: 'dpop-agent', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(MCP), { fetch: dpopFetch }));
    expect((await client.listTools()).tools.map((x) => x.name)).toEqual(['whoami']);
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    expect(result.structuredContent).toMatchObject({ email: user.email });
    await client.close();

    // The same token as Bearer (what the SDK sends on its own) is refused.
    const bearer = await mcp(new Request(MCP, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' }));
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toMatch(/^DPoP .*error="invalid_token"/);
  });
});
