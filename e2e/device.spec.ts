/**
 * RFC 8628 in the browser: a device (here, the test's HTTP client) asks for a code, a person
 * enters it at /o/device, signs in, approves or denies on the consent page, and the polling
 * device gets its tokens or its refusal. Screenshots of every device page at 1280 and 390
 * pixels wide go to e2e/screenshots/.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ALICE, createApplication, signIn, type TestApplication } from './helpers';

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `e2e/screenshots/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `e2e/screenshots/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function deviceApp(extraArgs: string[] = []): Promise<TestApplication> {
  return createApplication({ clientType: 'public', grants: 'device-code', redirectUris: [], name: 'Living room TV', extraArgs });
}

async function startDevice(request: APIRequestContext, app: TestApplication, scope = 'openid read') {
  const res = await request.post('/o/device_authorization', { form: { client_id: app.clientId, scope } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_in: number; interval: number };
}

async function poll(request: APIRequestContext, app: TestApplication, deviceCode: string) {
  const res = await request.post('/o/token', { form: { grant_type: GRANT, device_code: deviceCode, client_id: app.clientId } });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

/** Polls as a well-behaved device does (waiting `interval` between polls) until the answer is not authorization_pending. */
async function pollUntilDecided(request: APIRequestContext, app: TestApplication, deviceCode: string, interval: number) {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, interval * 1000 + 200));
    const answer = await poll(request, app, deviceCode);
    if (answer.body.error !== 'authorization_pending') return answer;
  }
  throw new Error('still pending');
}

/** Enters the code at /o/device, signs in on the way, and ends on the device consent page. */
async function reachDeviceConsent(page: Page, typed: string) {
  await page.goto('/o/device');
  await page.getByLabel('Code').fill(typed);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fo%2Fconsent%3Fuser_code%3D/);
  await signIn(page, ALICE);
  await expect(page).toHaveURL(/\/o\/consent\?user_code=/);
  await expect(page.getByText('Only approve a device in front of you')).toBeVisible();
}

test.describe('RFC 8628 device authorization grant in the browser', () => {
  // Registering through the CLI, sign-in and polling at the real interval take a while on a busy machine.
  test.setTimeout(120_000);
  test('enter the code, sign in, approve: the polling device gets tokens', async ({ page, request }) => {
    const app = await deviceApp();
    const device = await startDevice(request, app);
    expect(device.verification_uri).toMatch(/\/o\/device$/);
    expect((await poll(request, app, device.device_code)).body.error).toBe('authorization_pending');

    await page.goto('/o/device');
    await expect(page.getByRole('heading', { name: 'Connect a device' })).toBeVisible();
    await screenshots(page, 'device-enter-code');
    // Lower case and without the dash: the code is case- and dash-insensitive.
    await reachDeviceConsent(page, device.user_code.toLowerCase().replace('-', ''));
    await expect(page.getByRole('heading', { name: /Living room TV/ })).toBeVisible();
    await expect(page.getByText(device.user_code)).toBeVisible();
    await screenshots(page, 'device-consent');
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect(page).toHaveURL(/\/o\/device\?result=connected/);
    await expect(page.getByRole('heading', { name: 'Your device is connected' })).toBeVisible();
    await screenshots(page, 'device-connected');

    const answer = await pollUntilDecided(request, app, device.device_code, device.interval);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', scope: 'openid read' });
    expect(answer.body.id_token).toBeTruthy();
    expect(answer.body.refresh_token).toBeTruthy();
    // Once only.
    await new Promise((r) => setTimeout(r, device.interval * 1000));
    expect((await poll(request, app, device.device_code)).body.error).toBe('invalid_grant');
  });

  test('verification_uri_complete fills the code in; Cancel denies and the device hears access_denied', async ({ page, request }) => {
    const app = await deviceApp();
    const device = await startDevice(request, app, 'read');
    await page.goto(new URL(device.verification_uri_complete).pathname + new URL(device.verification_uri_complete).search);
    await expect(page.getByLabel('Code')).toHaveValue(device.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await signIn(page, ALICE);
    await expect(page).toHaveURL(/\/o\/consent\?user_code=/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/\/o\/device\?result=denied/);
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
    await screenshots(page, 'device-denied');
    const answer = await pollUntilDecided(request, app, device.device_code, device.interval);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('access_denied');
  });

  test('a wrong code says so', async ({ page }) => {
    await page.goto('/o/device');
    await page.getByLabel('Code').fill('BCDF-GHJK');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#user_code-error')).toHaveText(/That code is wrong or has expired/);
    await screenshots(page, 'device-wrong-code');
    await page.getByLabel('Code').fill('hello');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#user_code-error')).toHaveText(/Codes are eight letters/);
  });

  test('an expired code: the page says so and the device hears expired_token', async ({ page, request }) => {
    const app = await deviceApp(['--device-code-lifetime', '5']);
    const device = await startDevice(request, app);
    expect(device.expires_in).toBe(5);
    await new Promise((r) => setTimeout(r, 6000));
    await page.goto('/o/device');
    await page.getByLabel('Code').fill(device.user_code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#user_code-error')).toHaveText(/wrong or has expired/);
    expect((await poll(request, app, device.device_code)).body.error).toBe('expired_token');
  });

  test('slow_down when the device polls faster than the interval', async ({ request }) => {
    const app = await deviceApp();
    const device = await startDevice(request, app);
    expect((await poll(request, app, device.device_code)).body.error).toBe('authorization_pending');
    const fast = await poll(request, app, device.device_code);
    expect(fast.status).toBe(400);
    expect(fast.body.error).toBe('slow_down');
  });
});
