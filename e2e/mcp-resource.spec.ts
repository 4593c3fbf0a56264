/**
 * The resource side of MCP against the running app, over HTTP: the RFC 9728 route files, the
 * /api/mcp route's 401, discovery with the MCP SDK's helpers from the MCP URL alone, the code
 * flow with `resource` through the real sign-in and consent pages, whoami and a refresh.
 * (Registration by DCR or a client ID metadata document is the lead's end-to-end test.)
 */
import { expect, test } from '@playwright/test';
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
import { ALICE, CALLBACK, createApplication, signIn, startFakeClient, waitForCallback } from './helpers';

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient.close();
});

test('RFC 9728 §3: both metadata routes answer over HTTP, readable from any origin', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const mcp = await request.get('/.well-known/oauth-protected-resource/api/mcp');
  expect(mcp.status()).toBe(200);
  expect(mcp.headers()['access-control-allow-origin']).toBe('*');
  expect(await mcp.json()).toMatchObject({ resource: `${origin}/api/mcp`, authorization_servers: [origin], scopes_supported: ['read'] });
  const root = await request.get('/.well-known/oauth-protected-resource');
  expect(await root.json()).toMatchObject({ resource: origin });
  expect((await request.get('/.well-known/oauth-protected-resource/nope')).status()).toBe(404);
});

test('RFC 9728 §5.1: /api/mcp without a token answers 401 naming its metadata', async ({ request, baseURL }) => {
  const res = await request.post('/api/mcp', { data: {}, headers: { Accept: 'application/json, text/event-stream' } });
  expect(res.status()).toBe(401);
  expect(res.headers()['www-authenticate']).toBe(`Bearer resource_metadata="${new URL(baseURL!).origin}/.well-known/oauth-protected-resource/api/mcp"`);
});

test('MCP SDK: discovery from the MCP URL, code flow with resource through sign-in and consent, whoami, refresh', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const mcpUrl = `${origin}/api/mcp`;

  const first = await fetch(mcpUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' }, body: '{}' });
  const { resourceMetadataUrl } = extractWWWAuthenticateParams(first);
  const prm = await discoverOAuthProtectedResourceMetadata(mcpUrl, { resourceMetadataUrl });
  expect(prm.resource).toBe(mcpUrl);
  const metadata = await discoverAuthorizationServerMetadata(prm.authorization_servers![0]!);
  expect(metadata?.issuer).toBe(origin);

  const app = await createApplication({ clientType: 'public', grants: 'authorization-code', name: 'MCP agent' });
  const clientInformation = { client_id: app.clientId };
  const { authorizationUrl, codeVerifier } = await startAuthorization(origin, {
    metadata,
    clientInformation,
    redirectUrl: CALLBACK,
    scope: prm.scopes_supported!.join(' '),
    resource: new URL(prm.resource),
    state: 'mcp-state',
  });

  await page.goto(authorizationUrl.toString());
  await signIn(page, ALICE);
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await page.screenshot({ path: 'test-results/mcp-consent.png' });
  await page.getByRole('button', { name: 'Authorize' }).click();
  const callback = await waitForCallback(page);
  expect(callback.get('state')).toBe('mcp-state');

  const tokens = await exchangeAuthorization(origin, {
    metadata,
    clientInformation,
    authorizationCode: callback.get('code')!,
    codeVerifier,
    redirectUri: CALLBACK,
    resource: new URL(prm.resource),
  });
  expect(tokens.refresh_token).toBeTruthy();

  const whoami = async (accessToken: string) => {
    const client = new Client({ name: 'e2e-agent', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { requestInit: { headers: { Authorization: `Bearer ${accessToken}` } } }));
    const { tools } = await client.listTools();
    expect(tools.map((x) => x.name)).toEqual(['whoami']);
    const result = await client.callTool({ name: 'whoami', arguments: {} });
    await client.close();
    return result.structuredContent;
  };
  expect(await whoami(tokens.access_token)).toMatchObject({ email: ALICE.email, scope: ['read'], aud: [mcpUrl] });

  const refreshed = await refreshAuthorization(origin, { metadata, clientInformation, refreshToken: tokens.refresh_token!, resource: new URL(prm.resource) });
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  expect(await whoami(refreshed.access_token)).toMatchObject({ email: ALICE.email });
});

test('dashboard: an application declares a Resource URI, shown on its page, and clients may then ask for it (RFC 8707)', async ({ page }) => {
  const resource = `https://calendar-${Date.now().toString(36)}.example/api`;
  await page.goto('/o/applications/register');
  await signIn(page, ALICE);
  await page.getByLabel('Name', { exact: true }).fill('Calendar API');
  await page.getByLabel('Redirect URIs', { exact: true }).fill('https://calendar.example/cb');
  const field = page.getByRole('textbox', { name: /^Resource URIs/ });
  await field.fill('/relative');
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.getByText('/relative is not an absolute URI')).toBeVisible();
  await field.fill(resource);
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/resource-uris-field.png' });
  await page.getByRole('button', { name: 'Register application' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar API is registered' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the application' }).click();
  await expect(page.getByText(resource)).toBeVisible();
  await page.getByText(resource).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/resource-uris-details.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByText(resource).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/resource-uris-details-phone.png' });

  const app = await createApplication({ grants: 'client-credentials', name: 'Calendar caller' });
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret!)}`).toString('base64')}`;
  const ask = (r: string) => page.request.post('/o/token', { form: { grant_type: 'client_credentials', resource: r }, headers: { Authorization: basic } });
  expect((await ask(resource)).status()).toBe(200);
  const unknown = await ask(`${resource}/other`);
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error).toBe('invalid_target');
});
