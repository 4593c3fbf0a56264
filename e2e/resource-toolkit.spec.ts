/**
 * The resource-server toolkit from a real browser: /api/notes used with nothing but the signed-in
 * session (DRF's IsAuthenticatedOrTokenHasScope, withOAuth allowSession) and refused to another
 * site's Origin; and a server action calling verifyAccessToken on a pasted token (Authlib's
 * ResourceProtector.acquire_token), answering as the API would (RFC 6750 §3.1 codes).
 * Screenshots of /examples/notes at both widths go to e2e/screenshots/.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ALICE, createApplication, signIn, type TestApplication } from './helpers';
import { shootBothWidths } from './shoot';

// Sign-in, a page and several API calls each: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const basicOf = (app: TestApplication) => `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;

async function clientToken(request: APIRequestContext, app: TestApplication, scope: string): Promise<string> {
  const res = await request.post('/o/token', { form: { grant_type: 'client_credentials', scope }, headers: { Authorization: basicOf(app) } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

test('DRF IsAuthenticatedOrTokenHasScope: /api/notes from the signed-in browser session; another Origin, or none, is refused', async ({ page }) => {
  await page.goto('/examples/notes');
  await signIn(page, ALICE);
  await expect(page).toHaveURL(/\/examples\/notes$/);
  await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();

  // The page's own fetch: the session cookie and this site's Origin, no token.
  const text = `Buy milk ${Date.now()}`;
  await page.getByLabel('Note').fill(text);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/notes') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Add note' }).click();
  expect((await saved).status()).toBe(201);
  await expect(page.getByRole('list', { name: 'Your notes' })).toContainText(text);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Your notes' })).toContainText(text);

  // The same cookie sent by a request from another site (CSRF), and with no Origin at all.
  const forged = await page.request.post('/api/notes', { data: { text: 'forged' }, headers: { Origin: 'https://evil.example' } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toBe('access_denied');
  const noOrigin = await page.request.post('/api/notes', { data: { text: 'forged' } });
  expect(noOrigin.status()).toBe(403);
  // Reading is a safe method: the session alone is enough.
  const listed = await page.request.get('/api/notes');
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { notes: { text: string }[]; via: string; user: string };
  expect(body).toMatchObject({ via: 'session', user: ALICE.email });
  expect(body.notes.map((n) => n.text)).toContain(text);
  expect(body.notes.map((n) => n.text)).not.toContain('forged');

  await shootBothWidths(page, 'examples-notes');
});

test('/api/notes without a session or token is 401 with the RFC 6750 challenge', async ({ request }) => {
  const res = await request.get('/api/notes');
  expect(res.status()).toBe(401);
  expect(res.headers()['www-authenticate']).toMatch(/^Bearer resource_metadata="/);
});

test('Authlib acquire_token: a server action calls verifyAccessToken on a pasted token', async ({ page, request }) => {
  const app = await createApplication({ grants: 'client-credentials', redirectUris: [], name: 'Token check client' });
  await page.goto('/examples/notes');
  await signIn(page, ALICE);
  await expect(page).toHaveURL(/\/examples\/notes$/);

  const check = async (token: string) => {
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Check token' }).click();
  };

  const read = await clientToken(request, app, 'read');
  await check(read);
  const valid = page.getByRole('status').filter({ hasText: 'Valid for the example APIs' });
  await expect(valid).toBeVisible();
  await expect(valid).toContainText(app.clientId);
  await expect(valid).toContainText('read');
  await shootBothWidths(page, 'examples-notes-token-valid');

  // RFC 6750 §3.1: the read scope is required.
  await check(await clientToken(request, app, 'write'));
  await expect(page.getByRole('alert').filter({ hasText: 'insufficient_scope' })).toBeVisible();

  // Revoked: invalid_token, as /api/notes would answer.
  expect((await request.post('/o/revoke_token', { form: { token: read }, headers: { Authorization: basicOf(app) } })).status()).toBe(200);
  await check(read);
  await expect(page.getByRole('alert').filter({ hasText: 'invalid_token' })).toBeVisible();
  await shootBothWidths(page, 'examples-notes-token-refused');
});

test('DOT ClientProtectedResourceView: /api/client-info over HTTP with Basic, a token, and neither', async ({ request }) => {
  const app = await createApplication({ grants: 'client-credentials', redirectUris: [], name: 'Client info caller' });
  const viaBasic = await request.get('/api/client-info', { headers: { Authorization: basicOf(app) } });
  expect(viaBasic.status()).toBe(200);
  expect(await viaBasic.json()).toMatchObject({ client_id: app.clientId, name: 'Client info caller', authenticated_with: 'client_secret_basic' });
  const token = await clientToken(request, app, 'read');
  const viaToken = await request.get('/api/client-info', { headers: { Authorization: `Bearer ${token}` } });
  expect(await viaToken.json()).toMatchObject({ client_id: app.clientId, authenticated_with: 'access_token', scope: 'read' });
  const neither = await request.get('/api/client-info');
  expect(neither.status()).toBe(401);
  expect(neither.headers()['www-authenticate']).toContain('Basic realm="oauth"');
  expect(neither.headers()['www-authenticate']).toContain('Bearer');
});
