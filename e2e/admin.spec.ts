/**
 * The operators' console and the audit trail, in Chromium: 404 for everyone but operators; an
 * operator finds a person and disables them (their open session in another browser stops
 * working and sign-in is refused), then enables them; disables an application (its client gets
 * invalid_client); filters the audit trail and exports what is on screen; a person sees their
 * own consent and revocation. Screenshots of every /admin page at desktop and phone widths.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ALICE, BOB, authorizeUrl, createApplication, pkcePair, randomState, signIn, startFakeClient, waitForCallback } from './helpers';
import { shootBothWidths } from './shoot';

// Several browser contexts and full-page screenshots at two widths per test: more than the default 30 s on a shared machine.
test.describe.configure({ timeout: 120_000 });

const shoot = (page: Page, name: string) => shootBothWidths(page, `admin-${name}`);

async function signedIn(browser: Browser, user: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signIn(page, user);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page };
}

/** A fresh account made through the sign-up page, signed in in its own browser context. */
async function newPerson(browser: Browser) {
  const person = { email: `person-${randomBytes(4).toString('hex')}@example.com`, password: 'a long enough password 1' };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { person, context, page };
}

let fakeClient: Awaited<ReturnType<typeof startFakeClient>>;
test.beforeAll(async () => {
  fakeClient = await startFakeClient();
});
test.afterAll(async () => {
  await fakeClient?.close();
});

test.describe('who may open /admin', () => {
  test('anyone but an operator gets 404 on every /admin page and the export; no Admin link', async ({ browser, request }) => {
    const paths = ['/admin', '/admin/users', '/admin/applications', '/admin/audit', '/admin/registration', '/admin/keys', '/admin/users/00000000-0000-4000-8000-000000000000', '/admin/audit/export?format=csv'];
    for (const p of paths) expect((await request.get(p, { maxRedirects: 0 })).status(), `anonymous ${p}`).toBe(404);
    const { context, page } = await signedIn(browser, BOB);
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    for (const p of paths) expect((await page.request.get(p, { maxRedirects: 0 })).status(), `bob ${p}`).toBe(404);
    const res = await page.goto('/admin/users');
    expect(res?.status()).toBe(404);
    await context.close();
  });
});

test.describe('an operator', () => {
  test('disables a person: their open session ends and sign-in is refused; enabling lets them back in', async ({ browser }) => {
    const { person, context: theirs, page: them } = await newPerson(browser);
    const { context, page } = await signedIn(browser, ALICE);
    await page.getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await page.getByRole('searchbox', { name: 'Search by email or name' }).fill(person.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: new RegExp(person.email) }).click();
    await expect(page.getByRole('heading', { name: person.email })).toBeVisible();
    await page.getByRole('button', { name: 'Send password reset' }).click();
    await expect(page.getByText('A password reset link was emailed to this account')).toBeVisible();
    await page.getByRole('button', { name: 'Disable account' }).click();
    await expect(page.getByText('Disabled. Sessions ended and tokens revoked')).toBeVisible();
    await expect(page.getByText('Disabled', { exact: true })).toBeVisible();

    // Their open session in the other browser stops working at once.
    await them.goto('/o/authorized-tokens');
    await expect(them).toHaveURL(/\/login/);
    await signIn(them, person);
    await expect(them.getByText('This account has been disabled')).toBeVisible();

    await page.getByRole('button', { name: 'Enable account' }).click();
    await expect(page.getByText('Enabled again.', { exact: true })).toBeVisible();
    // The form does not keep the password after a refusal: type it again.
    await signIn(them, person);
    await expect(them.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await shoot(page, 'user');
    await context.close();
    await theirs.close();
  });

  test('issue 19: gives a person roles on their page; a bad name changes nothing', async ({ browser }) => {
    const { person, context: theirs } = await newPerson(browser);
    const { context, page } = await signedIn(browser, ALICE);
    await page.goto(`/admin/users?q=${encodeURIComponent(person.email)}`);
    await page.getByRole('link', { name: new RegExp(person.email) }).click();
    await page.getByLabel('Roles').fill('billing admin');
    await page.getByRole('button', { name: 'Save roles' }).click();
    await expect(page.getByText('Roles saved.')).toBeVisible();
    await expect(page.getByLabel('Roles')).toHaveValue('billing admin');
    await page.getByLabel('Roles').fill('billing bad/role');
    await page.getByRole('button', { name: 'Save roles' }).click();
    await expect(page.getByText('Role names are 1 to 64 letters')).toBeVisible();
    await expect(page.getByLabel('Roles')).toHaveValue('billing admin');
    await expect(page.getByText('user.roles_changed').first()).toBeVisible();
    await shoot(page, 'user-roles');
    await context.close();
    await theirs.close();
  });

  test('disables an application: its client gets invalid_client (RFC 6749 §5.2) until enabled', async ({ browser, request }) => {
    const app = await createApplication({ name: `Misbehaving ${randomBytes(2).toString('hex')}`, grants: 'client-credentials', owner: null });
    const basic = { Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` };
    const token = () => request.post('/o/token', { form: { grant_type: 'client_credentials' }, headers: basic });
    expect((await token()).status()).toBe(200);
    const { context, page } = await signedIn(browser, ALICE);
    await page.goto('/admin/applications');
    await page.getByRole('searchbox').fill(app.name);
    await page.getByRole('button', { name: 'Search' }).click();
    await shoot(page, 'applications');
    await page.getByRole('link', { name: new RegExp(app.name) }).click();
    await page.getByRole('button', { name: 'Disable application' }).click();
    await expect(page.getByText('Disabled. Sessions ended')).toBeVisible();
    const refused = await token();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toBe('invalid_client');
    await shoot(page, 'application');
    await page.getByRole('button', { name: 'Enable application' }).click();
    await expect(page.getByText('Enabled again.', { exact: true })).toBeVisible();
    expect((await token()).status()).toBe(200);
    await context.close();
  });

  test('filters the audit trail by person and exports exactly the rows on screen', async ({ browser }) => {
    const { person, context: theirs } = await newPerson(browser);
    const { context, page } = await signedIn(browser, ALICE);
    await page.goto('/admin/audit');
    await page.getByLabel('User').fill(person.email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.locator('[data-event-type]').first()).toBeVisible();
    const onScreen = await page.locator('[data-event-type]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-type')));
    expect(onScreen).toContain('sign_in.succeeded');
    await shoot(page, 'audit');

    const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await page.request.get(csvHref!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="audit-.*\.csv"/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,type,actor_type,actor_id,actor_label,user_id,client_id,ip,user_agent,request_id,detail');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(onScreen);

    const jsonHref = await page.getByRole('link', { name: 'Export JSON lines' }).getAttribute('href');
    const jsonl = (await (await page.request.get(jsonHref!)).text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; user_id: string });
    expect(jsonl.map((r) => r.type)).toEqual(onScreen);

    // A nonsense filter: the reason, an empty result, never a 500.
    const res = await page.goto('/admin/audit?from=yesterday&user=nobody');
    expect(res?.status()).toBe(200);
    await expect(page.getByText('This filter cannot be used')).toBeVisible();
    await context.close();
    await theirs.close();
  });

  test('screenshots of the users list, registration (a token shown once) and signing keys', async ({ browser }) => {
    const { context, page } = await signedIn(browser, ALICE);
    await page.goto('/admin/users');
    await shoot(page, 'users');
    await page.goto('/admin/registration');
    await page.getByLabel('Description').fill('CI for the mobile team');
    await page.getByLabel('Maximum registrations').fill('3');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByText('shown only this once')).toBeVisible();
    await shoot(page, 'registration');
    await page.goto('/admin/keys');
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await expect(page.getByText('New signing keys are active')).toBeVisible();
    await shoot(page, 'keys');
    await context.close();
  });
});

test.describe('a person’s own activity', () => {
  test('shows the consent they gave and the access they revoked', async ({ browser }) => {
    const app = await createApplication({ name: `Photo Printer ${randomBytes(2).toString('hex')}`, owner: null });
    const { page, context } = await newPerson(browser);
    const { challenge } = pkcePair();
    await page.goto(authorizeUrl(app, challenge, randomState()));
    await page.getByRole('button', { name: 'Authorize' }).click();
    await waitForCallback(page);
    await page.goto('/o/authorized-tokens');
    await page.getByRole('link', { name: /Revoke/ }).first().click();
    await page.getByRole('button', { name: /Revoke/ }).click();
    await expect(page).toHaveURL(/revoked=1/);
    await page.goto('/account/activity');
    await expect(page.locator('[data-event-type="consent.granted"]')).toContainText(app.name);
    await expect(page.locator('[data-event-type="token.revoked"]')).toBeVisible();
    await expect(page.locator('[data-event-type="sign_in.succeeded"]').first()).toBeVisible();
    await shoot(page, 'account-activity');
    await context.close();
  });
});
