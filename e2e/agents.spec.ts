/**
 * AI agents become clients with no set-up (issue 10), in Chromium against the real server with
 * OAUTH2_MCP=on: once through a client ID metadata document the fake client serves on
 * http://127.0.0.1:3199 (OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK=on), once through RFC 7591
 * dynamic registration; each completes the code flow with PKCE through sign-in and consent.
 */
import { expect, test, type Page } from '@playwright/test';
import { ALICE, CALLBACK, CLIENT_ORIGIN, fakeClientDocuments, pkcePair, randomState, signIn, startFakeClient, waitForCallback } from './helpers';

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient.close();
});

function authorizePath(clientId: string, challenge: string, state: string): string {
  const params = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, scope: 'read', state, code_challenge: challenge, code_challenge_method: 'S256' });
  return `/o/authorize?${params}`;
}

async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `test-results/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('RFC 8414: discovery advertises registration and client ID metadata documents; CORS preflights answer any origin', async ({ request }) => {
  const meta = (await (await request.get('/.well-known/oauth-authorization-server')).json()) as Record<string, unknown>;
  expect(meta.registration_endpoint).toMatch(/\/o\/register$/);
  expect(meta.client_id_metadata_document_supported).toBe(true);
  for (const path of ['/o/register', '/o/token', '/.well-known/oauth-authorization-server']) {
    const res = await request.fetch(path, { method: 'OPTIONS', headers: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status(), path).toBe(204);
    expect(res.headers()['access-control-allow-origin'], path).toBe('*');
  }
});

test('client ID metadata document: the code flow in Chromium for a client_id that is a URL', async ({ page, request }) => {
  const path = `/agent-${randomState()}/client.json`;
  const clientId = CLIENT_ORIGIN + path;
  fakeClientDocuments.set(path, {
    client_id: clientId,
    client_name: 'Document Agent',
    redirect_uris: [CALLBACK],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });
  const { verifier, challenge } = pkcePair();
  const state = randomState();
  await page.goto(authorizePath(clientId, challenge, state));
  await signIn(page, ALICE);

  await expect(page.getByRole('heading', { name: /Document Agent/ })).toBeVisible();
  await expect(page.getByText('Identified by a published document')).toBeVisible();
  await expect(page.getByText(clientId)).toBeVisible();
  await expect(page.getByText('Sends you back to an app on this device')).toBeVisible();
  await screenshots(page, 'consent-metadata-document');

  await page.getByRole('button', { name: 'Authorize' }).click();
  const params = await waitForCallback(page);
  expect(params.get('state')).toBe(state);
  const res = await request.post('/o/token', {
    form: { grant_type: 'authorization_code', code: params.get('code')!, redirect_uri: CALLBACK, code_verifier: verifier, client_id: clientId },
  });
  expect(res.status()).toBe(200);
  expect(((await res.json()) as Record<string, unknown>).access_token).toEqual(expect.any(String));
  // The server fetched the document itself; the browser never asked for it.
  expect(fakeClient.requests.filter((r) => r === path).length).toBeGreaterThanOrEqual(1);
});

test('RFC 7591: a client registers at /o/register, then completes the code flow; the user and the operator see it', async ({ page, request }) => {
  const reg = await request.post('/o/register', {
    data: { client_name: 'Registered Agent', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], token_endpoint_auth_method: 'none' },
  });
  expect(reg.status()).toBe(201);
  const client = (await reg.json()) as Record<string, string>;
  expect(client.registration_access_token).toEqual(expect.any(String));

  const { verifier, challenge } = pkcePair();
  const state = randomState();
  await page.goto(authorizePath(client.client_id!, challenge, state));
  await signIn(page, ALICE);
  await expect(page.getByRole('heading', { name: /Registered Agent/ })).toBeVisible();
  await expect(page.getByText('Registered by the application itself · not verified by the operator')).toBeVisible();
  await screenshots(page, 'consent-dynamic');
  await page.getByRole('button', { name: 'Authorize' }).click();
  const params = await waitForCallback(page);
  const res = await request.post('/o/token', {
    form: { grant_type: 'authorization_code', code: params.get('code')!, redirect_uri: CALLBACK, code_verifier: verifier, client_id: client.client_id! },
  });
  expect(res.status()).toBe(200);

  await page.goto('/o/authorized-tokens');
  const card = page.getByRole('listitem').filter({ hasText: 'Registered Agent' });
  await expect(card.getByText('Registered itself')).toBeVisible();
  await expect(card.getByText('Registered by the client itself, not by a person on this server.')).toBeVisible();
  await screenshots(page, 'authorized-tokens-self-registered');

  await page.goto('/o/applications');
  const section = page.getByRole('region', { name: 'Registered by clients themselves' });
  await expect(section.getByText('Registered Agent')).toBeVisible();
  await screenshots(page, 'applications-operator');

  // RFC 7592 §2.3: the client deletes itself; its registration is gone.
  const del = await request.delete(client.registration_client_uri!.replace(/^https?:\/\/[^/]+/, ''), { headers: { Authorization: `Bearer ${client.registration_access_token}` } });
  expect(del.status()).toBe(204);
});
