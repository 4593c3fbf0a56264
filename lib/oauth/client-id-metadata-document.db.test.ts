/**
 * draft-ietf-oauth-client-id-metadata-document: an https URL client_id (http on loopback with the
 * development setting, as here) is fetched, checked, stored as a public client and refreshed
 * after the cache bound; what /o/authorize, /o/token and discovery show a client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/drizzle/schema';
import { createOAuthServer } from '@/lib/oauth';
import { createMetadataDocumentFetcher } from '@/lib/agents/fetch-metadata-document';
import { createApplicationStore } from '@/lib/db/applications';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { defaultClientRegistrationSettings, type ClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { BASE, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { pkcePair } from '@/lib/testing/pkce';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let docServer: http.Server;
let origin: string;
const docs = new Map<string, { status?: number; type?: string; body: unknown }>();
const fetches = new Map<string, number>();

beforeAll(async () => {
  docServer = http.createServer((req, res) => {
    const path = req.url ?? '';
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    const doc = docs.get(path);
    if (!doc) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{}');
    }
    res.writeHead(doc.status ?? 200, { 'Content-Type': doc.type ?? 'application/json' });
    res.end(typeof doc.body === 'string' ? doc.body : JSON.stringify(doc.body));
  });
  await new Promise<void>((resolve) => docServer.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(docServer.address() as AddressInfo).port}`;
  t = await createTestServer(
    { clients: { ...defaultClientRegistrationSettings, metadataDocuments: true, metadataAllowHttpLoopback: true, metadataCacheSeconds: 300 } },
    { fetchMetadataDocument: createMetadataDocumentFetcher({ timeoutMs: 1000 }) },
  );
});
afterAll(async () => {
  docServer.closeAllConnections();
  await new Promise((resolve) => docServer.close(resolve));
});

let n = 0;
/** Publishes a valid document at a fresh path; returns its URL (the client_id). */
function publish(overrides: Record<string, unknown> = {}, path = `/agents/${++n}/client.json`) {
  const clientId = origin + path;
  docs.set(path, { body: { client_id: clientId, client_name: `Agent ${n}`, redirect_uris: ['http://127.0.0.1/callback'], token_endpoint_auth_method: 'none', ...overrides } });
  return { clientId, path };
}

const withClients = (c: Partial<ClientRegistrationSettings>) =>
  createOAuthServer({ ...t.deps, settings: { ...t.settings, clients: { ...t.settings.clients, ...c } } });

async function authorize(clientId: string, server = t.server, extra: Record<string, string> = {}) {
  const { challenge } = pkcePair();
  const res = await server.authorize(
    get('/o/authorize', { response_type: 'code', client_id: clientId, redirect_uri: 'http://127.0.0.1:4567/callback', code_challenge: challenge, code_challenge_method: 'S256', ...extra }),
  );
  return { res, location: res.headers.get('location') ?? '' };
}

/** The error page the browser lands on, and its reason. */
function errorPage(location: string) {
  const url = new URL(location, BASE);
  return { path: url.pathname, error: url.searchParams.get('error'), description: url.searchParams.get('error_description') ?? '' };
}

describe('client ID metadata document: a URL client_id becomes a public client', () => {
  it('authorize fetches the document and continues to sign-in; the client is stored owner-less and public', async () => {
    const { clientId } = publish();
    const { res, location } = await authorize(clientId);
    expect(res.status).toBe(302);
    expect(location).toMatch(/^\/login\?next=/);
    const client = await t.store.findApplicationByClientId(clientId);
    expect(client).toMatchObject({ clientId, clientType: 'public', ownerId: null, registeredVia: 'metadata_document', name: `Agent ${n}`, redirectUris: ['http://127.0.0.1/callback'] });
  });

  it('completes the code flow with PKCE and answers the token request with client_id = the URL', async () => {
    const { clientId } = publish({ grant_types: ['authorization_code', 'refresh_token'] });
    const user = await t.user();
    const { verifier, challenge } = pkcePair();
    const code = await t.authorizeCode({ clientId }, user.id, { redirect_uri: 'http://127.0.0.1:4567/callback', code_challenge: challenge, code_challenge_method: 'S256' });
    const res = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: 'http://127.0.0.1:4567/callback', code_verifier: verifier }));
    expect(res.status).toBe(200);
    expect((await body(res)).access_token).toEqual(expect.any(String));
  });

  it('RFC 8414: discovery advertises client_id_metadata_document_supported only when on', async () => {
    expect((await body(await t.server.metadata(get('/.well-known/oauth-authorization-server')))).client_id_metadata_document_supported).toBe(true);
    expect((await body(await t.server.discovery(get('/.well-known/openid-configuration')))).client_id_metadata_document_supported).toBe(true);
    const off = withClients({ metadataDocuments: false });
    expect(await body(await off.metadata(get('/.well-known/oauth-authorization-server')))).not.toHaveProperty('client_id_metadata_document_supported');
  });

  it('off: a URL client_id is an unknown client, and documents seen before stop working', async () => {
    const { clientId } = publish();
    await authorize(clientId); // seen while on
    const off = withClients({ metadataDocuments: false });
    const fresh = publish();
    for (const id of [clientId, fresh.clientId]) {
      const page = errorPage((await authorize(id, off)).location);
      expect(page).toMatchObject({ path: '/o/error', error: 'invalid_client' });
      expect(page.description).toMatch(/No application is registered/);
    }
  });
});

describe('§4 document validation: refused on our error page, never redirected', () => {
  const refused = async (clientId: string, reason: RegExp) => {
    const { res, location } = await authorize(clientId);
    expect(res.status).toBe(302);
    const page = errorPage(location);
    expect(page).toMatchObject({ path: '/o/error', error: 'invalid_client' });
    expect(page.description).toMatch(reason);
  };

  it('client_id mismatch: the document names another client_id', async () => {
    const { clientId } = publish({ client_id: 'https://someone-else.example/client.json' });
    await refused(clientId, /client_id .* is not its own URL/);
  });
  it('no redirect_uris', async () => {
    const { clientId } = publish({ redirect_uris: [] });
    await refused(clientId, /no redirect_uris/);
  });
  it('RFC 9700 §4.1: a dangerous redirect scheme in the document', async () => {
    const { clientId } = publish({ redirect_uris: ['javascript:alert(document.cookie)'] });
    await refused(clientId, /never allowed/);
  });
  it('a client_secret, or a shared-secret auth method', async () => {
    await refused(publish({ client_secret: 's3cret' }).clientId, /must not contain a client_secret/);
    await refused(publish({ token_endpoint_auth_method: 'client_secret_basic' }).clientId, /public \("none"\)/);
  });
  it('private_key_jwt is refused clearly (not implemented here)', async () => {
    await refused(publish({ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: `${origin}/jwks` }).clientId, /private_key_jwt is not supported/);
  });
  it('grant types beyond authorization_code and refresh_token', async () => {
    await refused(publish({ grant_types: ['client_credentials'] }).clientId, /client_credentials/);
  });
  it('a redirect URI not in the document is refused like any unregistered one', async () => {
    const { clientId } = publish();
    const page = errorPage((await authorize(clientId, t.server, { redirect_uri: 'http://127.0.0.1:4567/elsewhere' })).location);
    expect(page.description).toMatch(/is not registered/);
  });
  it('fetch failures reach the page with their reason: non-JSON, a redirect, a 404', async () => {
    const html = publish();
    docs.set(html.path, { type: 'text/html', body: '<html>' });
    await refused(html.clientId, /not JSON/);
    const moved = publish();
    docs.set(moved.path, { status: 301, body: '' });
    await refused(moved.clientId, /redirects are not followed/);
    await refused(`${origin}/nothing-here.json`, /HTTP 404/);
  });
  it('§3 client identifier rules: a path, no fragment, no credentials, no dot segments, https', async () => {
    await refused(`${origin}/`, /must have a path/);
    await refused(`${origin}/a/../client.json`, /dot|\.\. path segments|canonical/);
    await refused(`http://user:pw@127.0.0.1:1/client.json`, /user name or password/);
    const https = withClients({ metadataAllowHttpLoopback: false });
    const page = errorPage((await authorize(publish().clientId, https)).location);
    expect(page.description).toMatch(/must be an https URL/);
  });
});

describe('allowed and denied hosts', () => {
  it('OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS refuses a listed host (exact or *.suffix) without fetching', async () => {
    const { clientId, path } = publish();
    for (const denied of ['127.0.0.1', '*.0.0.1']) {
      const page = errorPage((await authorize(clientId, withClients({ metadataDeniedHosts: [denied] }))).location);
      expect(page.description).toMatch(/not accepted on this server/);
    }
    expect(fetches.get(path) ?? 0).toBe(0);
  });
  it('OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS: only listed hosts', async () => {
    const { clientId } = publish();
    const page = errorPage((await authorize(clientId, withClients({ metadataAllowedHosts: ['agents.example.com'] }))).location);
    expect(page.description).toMatch(/OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS/);
    const ok = await authorize(clientId, withClients({ metadataAllowedHosts: ['127.0.0.1'] }));
    expect(ok.location).toMatch(/^\/(login|o\/consent)/);
  });
});

describe('caching within OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS', () => {
  it('reuses the stored document within the bound and fetches it again after it', async () => {
    const { clientId, path } = publish();
    await authorize(clientId);
    await authorize(clientId);
    expect(fetches.get(path)).toBe(1);
    // The client changes its name; seen only after the bound.
    docs.set(path, { body: { ...(docs.get(path)!.body as object), client_name: 'Renamed agent' } });
    t.advance(299);
    await authorize(clientId);
    expect(fetches.get(path)).toBe(1);
    t.advance(2);
    await authorize(clientId);
    expect(fetches.get(path)).toBe(2);
    expect((await t.store.findApplicationByClientId(clientId))?.name).toBe('Renamed agent');
  });

  it('/o/token, /o/introspect and /o/revoke_token use a known document as stored, even past the bound: only /o/authorize fetches', async () => {
    const { clientId, path } = publish();
    await authorize(clientId);
    expect(fetches.get(path)).toBe(1);
    docs.delete(path);
    t.advance(301);
    const token = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code: 'whatever', client_id: clientId, code_verifier: 'x'.repeat(43) }));
    expect(token.status).toBe(400);
    expect((await body(token)).error).toBe('invalid_grant'); // the client authenticated; the code is what is wrong
    expect((await t.server.revoke(form('/o/revoke_token', { token: 'x', client_id: clientId }))).status).toBe(200);
    expect(fetches.get(path)).toBe(1);
    // The next authorization request refetches, and finds the document gone.
    expect(errorPage((await authorize(clientId)).location)).toMatchObject({ path: '/o/error', error: 'invalid_client' });
    expect(fetches.get(path)).toBe(2);
  });

  it('/o/token never fetches a document it has not seen: invalid_client, nothing fetched or stored', async () => {
    const { clientId, path } = publish();
    const failed: string[] = [];
    const off = t.deps.events.on('client_auth_failed', (e) => void failed.push(e.clientId));
    try {
      for (const call of [
        () => t.server.token(form('/o/token', { grant_type: 'authorization_code', code: 'x', client_id: clientId, code_verifier: 'x'.repeat(43) })),
        () => t.server.introspect(form('/o/introspect', { token: 'x', client_id: clientId })),
        () => t.server.revoke(form('/o/revoke_token', { token: 'x', client_id: clientId })),
      ]) {
        const res = await call();
        expect(res.status).toBe(401);
        expect((await body(res)).error).toBe('invalid_client');
      }
    } finally {
      off();
    }
    expect(failed).toEqual([clientId, clientId, clientId]);
    expect(fetches.get(path) ?? 0).toBe(0);
    expect(await t.store.findApplicationByClientId(clientId)).toBeNull();
  });

  it('a dashboard application whose client_id is a URL is never fetched or overwritten', async () => {
    const clientId = `${origin}/dashboard-app.json`;
    docs.set('/dashboard-app.json', { body: { client_id: clientId, redirect_uris: ['http://127.0.0.1/x'], client_name: 'Impostor' } });
    await t.application({ clientId, name: 'Real app', clientType: 'public', grantTypes: ['authorization_code'], redirectUris: ['http://127.0.0.1/callback'] });
    await authorize(clientId);
    expect(fetches.get('/dashboard-app.json') ?? 0).toBe(0);
    expect((await t.store.findApplicationByClientId(clientId))?.name).toBe('Real app');
  });
});

describe('fetches per address (OAUTH2_RATE_LIMIT_METADATA_FETCH_IP)', () => {
  it('an address over the limit gets the 429 page for a new document (nothing fetched); a known one is used as stored', async () => {
    const limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_METADATA_FETCH_IP: '2/3600' }), { kind: 'memory' })!;
    const server = createOAuthServer({ ...t.deps, limits });
    const from = { 'X-Forwarded-For': '203.0.113.7' };
    const ask = (clientId: string, headers: Record<string, string> = from) => server.authorize(get('/o/authorize', { response_type: 'code', client_id: clientId }, headers));
    const [a, b, c] = [publish(), publish(), publish()];
    expect((await ask(a.clientId)).status).toBe(302);
    expect((await ask(b.clientId)).status).toBe(302);
    const refused = await ask(c.clientId);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(fetches.get(c.path) ?? 0).toBe(0);
    expect(await t.store.findApplicationByClientId(c.clientId)).toBeNull();
    // Documents already known are served from the store, not counted.
    expect((await ask(a.clientId)).status).toBe(302);
    t.advance(301); // past the cache bound: the refetch would be over the limit, so the stored copy is used
    const stale = await ask(a.clientId);
    expect(new URL(stale.headers.get('location')!, BASE).pathname).not.toBe('/o/error');
    expect(fetches.get(a.path)).toBe(1);
    // Another address has its own count.
    expect((await ask(c.clientId, { 'X-Forwarded-For': '203.0.113.8' })).status).toBe(302);
    expect(fetches.get(c.path)).toBe(1);
  });
});

describe('RFC 7591 token_endpoint_auth_method of a document client', () => {
  it('is stored as none, the one method it may authenticate with', async () => {
    const { clientId } = publish();
    await authorize(clientId);
    expect((await t.store.findApplicationByClientId(clientId))?.tokenEndpointAuthMethod).toBe('none');
  });
});

describe('manage cleartokens: documents that never completed an authorization', () => {
  it('deletes their applications once older than a day; keeps recent ones and ones in use', async () => {
    const unused = publish();
    const used = publish();
    await authorize(unused.clientId);
    const user = await t.user();
    const { challenge } = pkcePair();
    await t.authorizeCode({ clientId: used.clientId }, user.id, { redirect_uri: 'http://127.0.0.1:4567/callback', code_challenge: challenge, code_challenge_method: 'S256' });
    const apps = createApplicationStore(t.db);
    // A pending request of the unused one must have expired first: clear it as cleartokens would.
    t.advance(3600);
    expect((await apps.clearExpired(t.now(), null)).metadataDocumentClients).toBe(0); // not a day old yet
    expect(await t.store.findApplicationByClientId(unused.clientId)).not.toBeNull();
    t.advance(86_400);
    const removed = await apps.clearExpired(t.now(), null);
    expect(removed.metadataDocumentClients).toBeGreaterThanOrEqual(1);
    expect(await t.store.findApplicationByClientId(unused.clientId)).toBeNull();
    // The one that completed an authorization (its consent stays) is kept.
    expect(await t.store.findApplicationByClientId(used.clientId)).not.toBeNull();
  });
});

describe('issue 23: who a document client is (logo_uri, client_uri, policy_uri, tos_uri)', () => {
  const storedMetadata = async (clientId: string) => {
    const [row] = await t.db.select({ metadata: applications.clientMetadata }).from(applications).where(eq(applications.clientId, clientId));
    return row?.metadata as Record<string, unknown> | undefined;
  };

  it('keeps https links; leaves out one the identity rule refuses (http) instead of refusing the person signing in', async () => {
    const { clientId } = publish({ logo_uri: 'http://cdn.agent.example/logo.png', client_uri: 'https://agent.example/', policy_uri: 'http://agent.example/privacy', tos_uri: 'https://agent.example/terms' });
    const { res, location } = await authorize(clientId);
    expect(res.status).toBe(302);
    // On to sign-in or consent (an earlier test left someone signed in), not the error page.
    expect(location).toMatch(/^\/(login\?next=|o\/consent\?request=)/);
    const metadata = await storedMetadata(clientId);
    expect(metadata).toMatchObject({ client_uri: 'https://agent.example/', tos_uri: 'https://agent.example/terms' });
    expect(metadata).not.toHaveProperty('logo_uri');
    expect(metadata).not.toHaveProperty('policy_uri');
  });
});
