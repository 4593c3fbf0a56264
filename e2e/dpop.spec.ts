/**
 * RFC 9449 (DPoP) against the running app, over HTTP, with a real client library (oauth4webapi's
 * DPoP handle): a "Require DPoP" application (CLI --require-dpop) is refused tokens without a
 * proof, gets a DPoP-bound one with, and calls /api/hello and /api/me with `Authorization: DPoP`
 * and a proof; the same token as Bearer is refused. Then the dashboard's "Require DPoP" box:
 * its rule against the implicit grant, shown beside the field, and a screenshot.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import * as oauth from 'oauth4webapi';
import { ALICE, createApplication, signIn } from './helpers';
import { shootBothWidths } from './shoot';

const expect = baseExpect.configure({ timeout: 60_000 });
const shoot = (page: Page, name: string) => shootBothWidths(page, `dpop-${name}`);

test.describe('DPoP (RFC 9449)', () => {
  test.setTimeout(240_000);
  test.use({ actionTimeout: 60_000 });

  test('§5 and §7: a Require DPoP application gets a bound token and calls /api/hello and /api/me with proofs; Bearer is refused', async ({ baseURL }) => {
    const issuer = new URL(baseURL!);
    const opts = { [oauth.allowInsecureRequests]: true };
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...opts, algorithm: 'oauth2' }));
    expect(as.dpop_signing_alg_values_supported).toEqual(['ES256', 'RS256', 'PS256', 'EdDSA']);

    const app = await createApplication({ grants: 'client-credentials', redirectUris: [], extraArgs: ['--require-dpop'] });
    const client: oauth.Client = { client_id: app.clientId };
    const auth = oauth.ClientSecretBasic(app.clientSecret!);
    const params = new URLSearchParams({ scope: 'read profile' });

    // Without a proof: refused, and the challenge says why.
    const bare = await oauth.clientCredentialsGrantRequest(as, client, auth, params, opts);
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({ error: 'invalid_dpop_proof' });
    expect(bare.headers.get('www-authenticate')).toMatch(/^DPoP algs=.*error="invalid_dpop_proof"/);

    const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const tokens = await oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, params, { ...opts, DPoP }));
    expect(tokens.token_type).toBe('dpop');

    for (const path of ['/api/hello', '/api/me']) {
      const res = await oauth.protectedResourceRequest(tokens.access_token, 'GET', new URL(path, issuer), new Headers(), null, { ...opts, DPoP });
      // /api/me answers 403 for a token without a user, after the token and its proof were accepted.
      expect(res.status).toBe(path === '/api/hello' ? 200 : 403);
    }
    const asBearer = await fetch(new URL('/api/hello', issuer), { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(asBearer.status).toBe(401);
    expect(asBearer.headers.get('www-authenticate')).toMatch(/^DPoP .*error="invalid_token"/);
  });

  test('the dashboard: "Require DPoP" refuses the implicit grant beside the box, and is saved for a code-flow application', async ({ page }) => {
    await page.goto('/o/applications/register');
    await signIn(page, ALICE);
    await expect(page.getByRole('heading', { name: 'Register an application' })).toBeVisible();
    await page.getByLabel('Name').fill('DPoP app');
    await page.getByLabel('Redirect URIs', { exact: true }).fill('https://dpop.example/cb');
    await page.getByRole('checkbox', { name: /Implicit/ }).check();
    await page.getByRole('checkbox', { name: 'Require DPoP' }).check();
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByText('The implicit grant cannot issue DPoP-bound tokens; remove it or turn off Require DPoP')).toBeVisible();
    await shoot(page, 'register-refused');
    await page.getByRole('checkbox', { name: /Implicit/ }).uncheck();
    await page.getByRole('button', { name: 'Register application' }).click();
    await expect(page.getByText('DPoP app is registered')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the application' }).click();
    await page.getByRole('link', { name: 'Edit' }).first().click();
    await expect(page.getByRole('checkbox', { name: 'Require DPoP' })).toBeChecked();
    await shoot(page, 'edit');
  });
});
