/**
 * The operators' console, in Chromium: the Tokens page finds an application's tokens and revokes
 * one, then all shown (introspection says inactive, RFC 7662 §2.2); an operator edits an
 * application nobody owns with the dashboard's form, and deletes it with its name typed.
 * Screenshots of the Tokens page and the edit page at desktop and phone widths. No listener of
 * its own (the fake client on 3199 is left to the specs that need it).
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { ALICE, createApplication, signIn, type TestApplication } from './helpers';
import { shootBothWidths } from './shoot';

test.describe.configure({ timeout: 240_000 });

const shoot = (page: Page, name: string) => shootBothWidths(page, `admin-${name}`);

async function operator(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, ALICE);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page };
}

const basic = (app: TestApplication) => ({ Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` });

async function clientToken(request: APIRequestContext, app: TestApplication): Promise<string> {
  const res = await request.post('/o/token', { form: { grant_type: 'client_credentials' }, headers: basic(app) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function active(request: APIRequestContext, app: TestApplication, token: string): Promise<boolean> {
  const res = await request.post('/o/introspect', { form: { token }, headers: basic(app) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { active: boolean }).active;
}

test('an operator finds an application’s tokens and revokes one, then all shown: introspection says inactive', async ({ browser, request }) => {
  const app = await createApplication({ name: `Token Holder ${randomBytes(2).toString('hex')}`, grants: 'client-credentials', owner: null });
  const older = await clientToken(request, app);
  const newer = await clientToken(request, app);
  const { context, page } = await operator(browser);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/users/);
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Tokens', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Name a person or an application' })).toBeVisible();
  await page.getByLabel('Application').fill(app.clientId);
  await page.getByRole('button', { name: 'Find' }).click();
  const rows = page.getByRole('list', { name: 'Tokens' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(app.name);
  await expect(rows.first()).toContainText('No person (client credentials)');
  await expect(page.locator('body')).not.toContainText(newer);
  await shoot(page, 'tokens');

  // Newest first: the first row is the newer token.
  await rows.first().getByRole('button', { name: /Revoke/ }).click();
  await expect(page.getByText('The token was revoked')).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-status', 'revoked');
  expect(await active(request, app, newer)).toBe(false);
  expect(await active(request, app, older)).toBe(true);

  await page.getByRole('button', { name: 'Revoke all shown' }).click();
  await expect(page.getByText('Every token shown was revoked')).toBeVisible();
  expect(await active(request, app, older)).toBe(false);
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('heading', { name: 'No tokens match' })).toBeVisible();

  // A person who does not exist: the reason, not an error.
  const res = await page.goto('/admin/tokens?user=nobody%40example.com');
  expect(res?.status()).toBe(200);
  await expect(page.getByText('No account has the email “nobody@example.com”.')).toBeVisible();
  await context.close();
});

test('an operator edits an application nobody owns with the dashboard’s form, then deletes it with its name typed', async ({ browser, request }) => {
  const app = await createApplication({ name: `Ownerless ${randomBytes(2).toString('hex')}`, grants: 'client-credentials', owner: null });
  const { context, page } = await operator(browser);
  await page.goto(`/admin/applications/${app.id}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Edit ${app.name}` })).toBeVisible();
  await shoot(page, 'application-edit');
  const renamed = `${app.name} renamed`;
  await page.getByLabel('Name').fill(renamed);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: renamed })).toBeVisible();
  await expect(page.locator('[data-event-type="application.updated"]').first()).toContainText(ALICE.email);

  await page.getByLabel(/Type .* to confirm/).fill(renamed);
  await page.getByRole('button', { name: 'Delete application' }).click();
  await expect(page).toHaveURL(/\/admin\/applications\?notice=application_deleted/);
  const refused = await request.post('/o/token', { form: { grant_type: 'client_credentials' }, headers: basic(app) });
  expect(refused.status()).toBe(401);
  await context.close();
});
