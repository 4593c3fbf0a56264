import { test, expect } from '@playwright/test';
test('authorize sees the session', async ({ page, request }) => {
  const q = new URLSearchParams({ response_type: 'code', client_id: 'probe-client', redirect_uri: 'https://client.example/cb', scope: 'read', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256', state: 'xyz' });
  const authz = `/o/authorize?${q}`;
  const r0 = await page.request.get(authz, { maxRedirects: 0 });
  console.log('signed out:', r0.status(), r0.headers()['location']);
  await page.goto('/login');
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByLabel('Password').fill('alice-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL('/');
  const r1 = await page.request.get(authz, { maxRedirects: 0 });
  console.log('signed in:', r1.status(), r1.headers()['location']);
  const r2 = await page.request.get(authz + '&prompt=login', { maxRedirects: 0 });
  console.log('prompt=login:', r2.status(), r2.headers()['location']);
  // full browser flow from signed-out
  await page.context().clearCookies();
  await page.route('https://client.example/**', (route) => route.fulfill({ status: 200, body: 'client' }));
  await page.goto(authz);
  console.log('landed at', page.url());
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByLabel('Password').fill('alice-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/client\.example/);
  console.log('back at', page.url());
});
