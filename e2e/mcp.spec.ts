/**
 * An AI agent connects to the example MCP server from nothing but its URL, with the official
 * TypeScript MCP SDK client: RFC 9728 protected-resource discovery from the 401, RFC 8414
 * metadata, registration (once by RFC 7591 dynamic registration, once with a client ID metadata
 * document this test serves over https), the code flow with PKCE and an RFC 8707 `resource`
 * through the real sign-in and consent pages, a tool call, a refresh, and refusal once the
 * person revokes the agent on the authorized-tokens page.
 *
 * It runs its own server with the agent profile on (OAUTH2_MCP), so the rest of the suite keeps
 * the default, narrower settings.
 */
import https from 'node:https';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { expect, test, type Page } from '@playwright/test';
import { ALICE, CALLBACK, signIn, startFakeClient, waitForCallback } from './helpers';
import { loopbackTls, startServer, type RunningServer } from './servers';

const AGENT_NAME = 'E2E Agent';

/** The agent's storage, in memory: what Claude Code or MCP Inspector keep on disk. */
class MemoryProvider implements OAuthClientProvider {
  client?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier = '';
  authorizationUrl?: URL;

  constructor(
    readonly name: string,
    readonly clientMetadataUrl?: string,
  ) {}

  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.name,
      redirect_uris: [CALLBACK],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

async function connect(mcpUrl: string, provider: MemoryProvider) {
  const transport = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const client = new Client({ name: 'e2e-agent', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

async function whoami(client: Client): Promise<{ email?: string; scope?: string; scopes?: string[] }> {
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  const content = result.content as { type: string; text?: string }[];
  const text = content.find((c) => c.type === 'text')?.text ?? '{}';
  return JSON.parse(text) as { email?: string; scope?: string; scopes?: string[] };
}

/** The agent's first connection: refused with a challenge, discovery and registration, then a browser trip. */
async function authorizeAgent(page: Page, server: RunningServer, provider: MemoryProvider): Promise<string> {
  const transport = new StreamableHTTPClientTransport(new URL(server.mcpUrl), { authProvider: provider });
  const client = new Client({ name: 'e2e-agent', version: '1.0.0' });
  await expect(client.connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);
  const url = provider.authorizationUrl;
  expect(url, 'the SDK sends the browser to /o/authorize').toBeTruthy();
  expect(url!.origin + url!.pathname).toBe(`${server.baseURL}/o/authorize`);
  // RFC 8707 §2: the agent names the MCP server as the resource; RFC 7636: S256 PKCE.
  expect(url!.searchParams.get('resource')).toBe(server.mcpUrl);
  expect(url!.searchParams.get('code_challenge_method')).toBe('S256');

  await page.goto(url!.href);
  await signIn(page, ALICE);
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeVisible();
  await expect(page.getByText(provider.name).first()).toBeVisible();
  // The consent page names where the browser goes next.
  await expect(page.getByText('127.0.0.1:3199').first()).toBeVisible();
  // RFC 8707: the person sees which service the access is for.
  await expect(page.getByText('Only at this service:')).toBeVisible();
  await expect(page.getByText(server.mcpUrl, { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(__dirname, 'screenshots', `mcp-consent-${provider.clientMetadataUrl ? 'document' : 'dynamic'}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Authorize' }).click();
  const back = await waitForCallback(page);
  const code = back.get('code');
  expect(code, back.toString()).toBeTruthy();
  await transport.finishAuth(code!);
  await transport.close();
  return code!;
}

async function revokeOnAuthorizedTokens(page: Page, name: string) {
  await page.goto('/o/authorized-tokens');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await item.getByRole('link', { name: /^Revoke/ }).click();
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(page).toHaveURL(/\/o\/authorized-tokens\?revoked=1$/);
}

test.describe('an MCP agent connects from the server URL alone', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  let server: RunningServer;
  let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
  let documents: https.Server;
  let documentUrl = '';

  test.beforeAll(async () => {
    const tls = loopbackTls();
    // The client ID metadata document, on https at a loopback address (the server trusts this
    // test's certificate through NODE_EXTRA_CA_CERTS and allows loopback documents by setting).
    documents = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      if (req.url !== '/agent.json') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          client_id: documentUrl,
          client_name: `${AGENT_NAME} (metadata document)`,
          redirect_uris: [CALLBACK],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        }),
      );
    });
    await new Promise<void>((resolve) => documents.listen(0, '127.0.0.1', resolve));
    const address = documents.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    documentUrl = `https://127.0.0.1:${address.port}/agent.json`;
    fakeClient = await startFakeClient();
    server = await startServer({
      OAUTH2_MCP: 'on',
      OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK: 'on',
      NODE_EXTRA_CA_CERTS: tls.certFile,
    });
  });

  test.afterAll(async () => {
    await server?.stop();
    await fakeClient?.close();
    await new Promise((resolve) => documents?.close(resolve));
  });

  for (const registration of ['dynamic registration (RFC 7591)', 'a client ID metadata document'] as const) {
    test(`registered by ${registration}: tool call, refresh, refusal after revocation`, async ({ browser }) => {
      const byDocument = registration === 'a client ID metadata document';
      const name = byDocument ? `${AGENT_NAME} (metadata document)` : AGENT_NAME;
      const provider = new MemoryProvider(name, byDocument ? documentUrl : undefined);
      const context = await browser.newContext({ baseURL: server.baseURL });
      const page = await context.newPage();

      await test.step('discovery, registration and the code flow in the browser', async () => {
        await authorizeAgent(page, server, provider);
        expect(provider.client?.client_id).toEqual(byDocument ? documentUrl : expect.any(String));
        if (!byDocument) expect(provider.client?.client_id).not.toBe(documentUrl);
        expect(provider.saved?.access_token).toBeTruthy();
        // Agents keep working past the first hour: a refresh token without asking for offline_access.
        expect(provider.saved?.refresh_token).toBeTruthy();
      });

      let client: Client;
      await test.step('a tool call with the token', async () => {
        ({ client } = await connect(server.mcpUrl, provider));
        const me = await whoami(client);
        expect(me.email).toBe(ALICE.email);
      });

      await test.step('a refresh (rotating the refresh token) and another call', async () => {
        const before = provider.saved!;
        expect(await auth(provider, { serverUrl: server.mcpUrl })).toBe('AUTHORIZED');
        expect(provider.saved!.access_token).not.toBe(before.access_token);
        expect(provider.saved!.refresh_token).not.toBe(before.refresh_token);
        await client.close();
        ({ client } = await connect(server.mcpUrl, provider));
        expect((await whoami(client)).email).toBe(ALICE.email);
      });

      await test.step('the person revokes the agent; its token and refresh token stop working', async () => {
        const { access_token: accessToken, refresh_token: refreshToken } = provider.saved!;
        await revokeOnAuthorizedTokens(page, name);
        // RFC 6750 §3.1 with RFC 9728 §5.1: refused, and told where to start again.
        const refused = await fetch(server.mcpUrl, {
          method: 'POST',
          headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        expect(refused.status).toBe(401);
        expect(refused.headers.get('www-authenticate')).toContain('resource_metadata="');
        const refresh = await fetch(`${server.baseURL}/o/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken!, client_id: provider.client!.client_id }),
        });
        expect(refresh.status).toBe(400);
        expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
        // The SDK sees the same: the call fails and it would have to send the person back to authorize.
        await expect(whoami(client)).rejects.toThrow();
        await client.close();
      });
      await context.close();
    });
  }
});
