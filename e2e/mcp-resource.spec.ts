/**
 * The resource side of MCP against the running app, over HTTP: the RFC 9728 route files, the
 * /api/mcp route's 401, and resources declared in the dashboard. The agent's whole journey with
 * the MCP SDK client is e2e/mcp.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { ALICE, createApplication, signIn } from './helpers';

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
