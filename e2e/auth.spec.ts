import { expect, test, type Page } from '@playwright/test';

const ALICE = { email: 'alice@example.com', password: 'alice-password' };

const uniqueEmail = () => `user-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const header = (page: Page) => page.getByRole('banner');

test.describe('home page', () => {
  test('says what this server is and lists its endpoints', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('OAuth 2.0 authorization server and OpenID Connect provider')).toBeVisible();
    for (const path of ['/o/authorize', '/o/token', '/o/revoke_token', '/o/introspect', '/.well-known/oauth-authorization-server']) {
      await expect(page.getByText(path, { exact: true })).toBeVisible();
    }
    await expect(page.getByRole('link', { name: 'Open the dashboard' })).toHaveAttribute('href', '/o/applications');
  });
});

test.describe('sign-up, sign-out, sign-in', () => {
  test('a new account is signed in, can sign out and sign in again', async ({ page }) => {
    const email = uniqueEmail();
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await expect(page).toHaveURL('/');
    await expect(header(page).getByText(email)).toBeVisible();
    await expect(header(page).getByRole('link', { name: 'Applications' })).toBeVisible();

    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(header(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
    await expect(header(page).getByText(email)).toHaveCount(0);

    await page.goto('/login');
    await signIn(page, email.toUpperCase(), 'a-good-password'); // emails are case-insensitive
    await expect(page).toHaveURL('/');
    await expect(header(page).getByText(email)).toBeVisible();
  });

  test('a wrong password shows an error and stays on /login', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, ALICE.email, 'not-alice-password');
    await expect(page.getByText('Email or password is incorrect')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(header(page).getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, uniqueEmail(), 'whatever-password');
    await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  });

  test('a short password on sign-up is refused beside the field, and no account is made', async ({ page }) => {
    const email = uniqueEmail();
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/signup/);

    await page.goto('/login');
    await signIn(page, email, 'short');
    await expect(page.getByText(/Password must be at least 8 characters|Email or password is incorrect/)).toBeVisible();
  });

  test('an invalid email on sign-up is refused', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByText('Enter a valid email address')).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);
  });

  test('a taken email on sign-up is refused beside the field', async ({ page }) => {
    await page.goto('/signup');
    await page.getByLabel('Email').fill(ALICE.email);
    await page.getByLabel('Password').fill('another-password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByText('An account with this email already exists')).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);

    // Alice's password is unchanged.
    await page.goto('/login');
    await signIn(page, ALICE.email, ALICE.password);
    await expect(header(page).getByText(ALICE.email)).toBeVisible();
  });

  test('without JavaScript the forms still work and show the server’s errors', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.getByLabel('Email').fill(ALICE.email);
    await page.getByLabel('Password').fill('another-password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByText('An account with this email already exists')).toBeVisible();

    await page.goto('/login');
    await signIn(page, ALICE.email, 'wrong-password');
    await expect(page.getByText('Email or password is incorrect')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(ALICE.email);

    await signIn(page, ALICE.email, ALICE.password);
    await expect(page).toHaveURL('/');
    await expect(header(page).getByText(ALICE.email)).toBeVisible();
    await context.close();
  });
});

test.describe('where sign-in leads', () => {
  test('the dashboard sends a visitor to sign in and back', async ({ page }) => {
    await page.goto('/o/authorized-tokens');
    await expect(page).toHaveURL('/login?next=%2Fo%2Fauthorized-tokens');
    await expect(page.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', '/signup?next=%2Fo%2Fauthorized-tokens');
    await signIn(page, ALICE.email, ALICE.password);
    await expect(page).toHaveURL('/o/authorized-tokens');
    await expect(page.getByRole('heading', { level: 1, name: /Authorized/ })).toBeVisible();
  });

  test('next must be a path on this site', async ({ page }) => {
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/']) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await signIn(page, ALICE.email, ALICE.password);
      await expect(page).toHaveURL('/');
    }
  });

  test('a signed-in visitor skips /login unless asked to sign in again', async ({ page }) => {
    await page.goto('/login');
    await signIn(page, ALICE.email, ALICE.password);
    await expect(page).toHaveURL('/');

    await page.goto('/login?next=%2Fo%2Fapplications');
    await expect(page).toHaveURL('/o/applications');

    await page.goto('/login?prompt=login&next=%2Fo%2Fapplications');
    await expect(page.getByText('Please sign in again to continue')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(ALICE.email);
    await page.getByLabel('Password').fill(ALICE.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL('/o/applications');
  });

  test('login_hint fills in the email', async ({ page }) => {
    await page.goto('/login?login_hint=bob%40example.com');
    await expect(page.getByLabel('Email')).toHaveValue('bob@example.com');
  });
});

test.describe('dashboard', () => {
  test('a new user sees empty applications and authorized tokens', async ({ page }) => {
    const email = uniqueEmail();
    await page.goto('/signup?next=%2Fo%2Fapplications');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a-good-password');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL('/o/applications');
    await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Register an application' })).toHaveAttribute('href', '/o/applications/register');
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Authorized tokens' }).click();
    await expect(page).toHaveURL('/o/authorized-tokens');
    await expect(page.getByRole('heading', { level: 1, name: /Authorized/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Revoke' })).toHaveCount(0);
  });

  test('an unknown page answers a friendly 404', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

test.describe('screenshots', () => {
  const viewports = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ];
  for (const vp of viewports) {
    test(`pages at ${vp.name} width`, async ({ page }) => {
      await page.setViewportSize({ width: vp.width, height: vp.height });
      const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${name}-${vp.name}.png`, fullPage: true });

      await page.goto('/');
      await shot('home');

      await page.goto('/login');
      await shot('login');

      await page.goto('/signup');
      await page.getByLabel('Email').fill(ALICE.email);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await expect(page.getByText('Password must be at least 8 characters')).toBeVisible();
      await shot('signup-error');

      await page.goto('/login?next=%2Fo%2Fapplications');
      await signIn(page, ALICE.email, ALICE.password);
      await expect(page.getByRole('heading', { level: 1, name: 'Your applications' })).toBeVisible();
      await shot('applications');

      await page.goto('/o/authorized-tokens');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await shot('authorized-tokens');

      await page.goto('/');
      await shot('home-signed-in');

      await page.goto('/login?prompt=login');
      await shot('login-reauth');
    });
  }
});
