/**
 * Issue 19 in the browser: the register form's scope checklist, a consent page that lists only
 * the scopes the application may have, and secret rotation with a 24-hour overlap: both
 * secrets work with client_credentials until "Revoke now" ends the old one.
 */
import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ALICE, authorizeUrl, createApplication, pkcePair, randomState, signIn } from './helpers';
import { shootBothWidths } from './shoot';

/** Patient assertions: the machine running these may be busy. */
const expect = baseExpect.configure({ timeout: 60_000 });

const shoot = (page: Page, name: string) => shootBothWidths(page, `policy-${name}`);

/** RFC 6749 §4.4 client_credentials with client_secret_basic: the status. */
async function clientCredentials(request: APIRequestContext, clientId: string, secret: string): Promise<number> {
  const res = await request.post('/o/token', {
    form: { grant_type: 'client_credentials' },
    headers: { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}` },
  });
  return res.status();
}

test.describe('per-application policy', () => {
  // The CLI registers the applications (a process each) and the machine may be busy.
  test.setTimeout(240_000);
  test.use({ actionTimeout: 60_000 });
  test('the register form offers the server scopes with descriptions, new applications start with the defaults plus openid profile email', async ({ page }) => {
    await page.goto('/o/applications/register');
    await signIn(page, ALICE);
    await expect(page.getByRole('heading', { name: 'Register an application' })).toBeVisible();
    for (const scope of ['read', 'write', 'openid', 'profile', 'email']) await expect(page.getByRole('checkbox', { name: scope, exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'introspection', exact: true })).toHaveCount(0);
    await expect(page.getByText('Your email address')).toBeVisible();
    await expect(page.getByLabel('Access token lifetime (seconds)')).toBeVisible();
    await page.getByLabel('Access token lifetime (seconds)').fill('5');
    await page.getByLabel('Name').fill('Policy app');
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByText(/access token lifetime must be a whole number of seconds from 60/)).toBeVisible();
    await shoot(page, 'register');
  });

  test('the consent page lists only allowed scopes; a scope outside the list goes back as invalid_scope', async ({ page }) => {
    const app = await createApplication({ scopes: 'openid read' });
    const { challenge } = pkcePair();
    await page.goto(authorizeUrl(app, challenge, randomState(), { scope: 'openid read' }));
    await signIn(page, ALICE);
    await expect(page).toHaveURL(/\/o\/consent\?request=/);
    await expect(page.getByText('Reading scope')).toBeVisible();
    await expect(page.getByText('Writing scope')).toHaveCount(0);
    await shoot(page, 'consent');

    // The browser's session, without following the redirect (nothing listens at the client here).
    const res = await page.request.get(authorizeUrl(app, challenge, randomState(), { scope: 'openid write' }), { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    const back = new URL(res.headers().location!);
    expect(back.origin + back.pathname).toBe(app.redirectUri);
    expect(back.searchParams.get('error')).toBe('invalid_scope');
  });

  test('rotate with a 24 hour overlap: both secrets work, "Revoke now" ends the old one', async ({ page, request }) => {
    const app = await createApplication({ grants: 'client-credentials', redirectUris: [] });
    const old = app.clientSecret!;
    await page.goto(`/o/applications/${app.id}`);
    await signIn(page, ALICE);
    await expect(page.getByRole('heading', { name: app.name })).toBeVisible();
    await page.getByText('Rotate secret', { exact: true }).click();
    await page.getByLabel('Keep the old secret working for').selectOption({ label: '24 hours' });
    await shoot(page, 'rotate-confirm');
    await page.getByRole('button', { name: 'Rotate secret now' }).click();
    await expect(page.getByRole('heading', { name: 'Secret rotated' })).toBeVisible();
    await expect(page.getByText('The previous secret keeps working for 24 hours')).toBeVisible();
    const fresh = await page.getByLabel('New client secret', { exact: true }).inputValue();
    expect(fresh).not.toBe(old);
    expect(await clientCredentials(request, app.clientId, old)).toBe(200);
    expect(await clientCredentials(request, app.clientId, fresh)).toBe(200);
    await shoot(page, 'rotated');

    await page.reload();
    await expect(page.getByText(/Previous secret expires in 2[34] hours/)).toBeVisible();
    await shoot(page, 'previous-secret');
    await page.getByRole('button', { name: 'Revoke now' }).click();
    await expect(page.getByText(/Previous secret expires/)).toHaveCount(0);
    expect(await clientCredentials(request, app.clientId, old)).toBe(401);
    expect(await clientCredentials(request, app.clientId, fresh)).toBe(200);
  });
});
