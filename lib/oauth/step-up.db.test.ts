/**
 * Issue 22: amr and acr reach relying parties, and what a client asks for is what the server
 * asks of the person. OIDC Core §2 (amr, acr claims), §3.1.2.1 (acr_values, prompt=none), §12.2
 * (a refreshed ID token keeps them), Discovery §3 (acr_values_supported); the application's
 * "Require two-factor sign-in" and OAUTH2_REQUIRE_MFA (Deps.requireMfa).
 */
import { describe, expect, it } from 'vitest';
import * as client from 'openid-client';
import { BASE, createTestServer, engineFetch, get } from '@/lib/testing/oauth';
import type { SignedInUser } from './context';
import { ACR_MFA, ACR_PASSWORD } from './oidc/amr';

let signedIn: SignedInUser | null = null;
let requireMfaForEveryone = false;
const t = await createTestServer({}, { currentUser: async () => signedIn, requireMfa: () => requireMfaForEveryone });
const CB = 'https://rp.example/cb';
const fetchFn = engineFetch(t.server) as unknown as client.CustomFetch;
const PWD = ['pwd'];
const MFA = ['pwd', 'otp', 'mfa'];

async function relyingParty(input: Parameters<typeof t.application>[0] = {}) {
  const app = await t.application({ redirectUris: [CB], grantTypes: ['authorization_code'], skipAuthorization: true, ...input });
  const config = await client.discovery(new URL(BASE), app.clientId, app.clientSecret, undefined, { [client.customFetch]: fetchFn });
  config[client.customFetch] = fetchFn;
  return { app, config };
}

function authUrl(config: client.Configuration, extra: Record<string, string> = {}) {
  return client.buildAuthorizationUrl(config, { redirect_uri: CB, scope: 'openid', nonce: 'n-1', state: 's-1', ...extra });
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

async function signInAs(userId: string, authMethods: string[]) {
  signedIn = { userId, authTime: Math.floor(t.now().getTime() / 1000), emailVerified: true, authMethods };
}

describe('OIDC Core §2: amr and acr in the ID token', () => {
  it('Discovery §3: acr_values_supported lists both levels; amr and acr are supported claims', async () => {
    const res = await t.server.discovery(get('/.well-known/openid-configuration'));
    const meta = (await res.json()) as { acr_values_supported: string[]; claims_supported: string[] };
    expect(meta.acr_values_supported).toEqual([ACR_PASSWORD, ACR_MFA]);
    expect(meta.claims_supported).toEqual(expect.arrayContaining(['amr', 'acr']));
  });

  it('a password sign-in: amr [pwd], acr the one-factor level; a refresh keeps them (§12.2)', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, PWD);
    const res = await t.server.authorize(new Request(authUrl(config)));
    const tokens = await client.authorizationCodeGrant(config, new URL(res.headers.get('location')!), { expectedNonce: 'n-1', expectedState: 's-1' });
    expect(claimsOf(tokens.id_token!)).toMatchObject({ amr: ['pwd'], acr: ACR_PASSWORD });
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(claimsOf(refreshed.id_token!)).toMatchObject({ amr: ['pwd'], acr: ACR_PASSWORD });
  });

  it('password and code: amr [pwd, otp, mfa], acr the multi-factor level', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, MFA);
    const res = await t.server.authorize(new Request(authUrl(config)));
    const tokens = await client.authorizationCodeGrant(config, new URL(res.headers.get('location')!), { expectedNonce: 'n-1', expectedState: 's-1' });
    expect(claimsOf(tokens.id_token!)).toMatchObject({ amr: MFA, acr: ACR_MFA });
  });
});

describe('OIDC Core §3.1.2.1 acr_values: step-up, not refusal', () => {
  it('a password session asked for the multi-factor level goes through /login/verify and back', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, PWD);
    const res = await t.server.authorize(new Request(authUrl(config, { acr_values: ACR_MFA })));
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!, BASE);
    expect(to.pathname).toBe('/login/verify');
    const next = to.searchParams.get('next')!;
    expect(next).toMatch(/^\/o\/authorize\?pending=/);

    // The second step done, the pending request resumes and the ID token says so.
    await signInAs(user.id, MFA);
    const back = await t.server.authorize(get(next));
    const tokens = await client.authorizationCodeGrant(config, new URL(back.headers.get('location')!), { expectedNonce: 'n-1', expectedState: 's-1' });
    expect(claimsOf(tokens.id_token!)).toMatchObject({ amr: MFA, acr: ACR_MFA });
  });

  it('a two-factor session satisfies it directly; asking for the one-factor level never steps up', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, MFA);
    let res = await t.server.authorize(new Request(authUrl(config, { acr_values: ACR_MFA })));
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    await signInAs(user.id, PWD);
    res = await t.server.authorize(new Request(authUrl(config, { acr_values: `${ACR_PASSWORD} ${ACR_MFA}` })));
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('with prompt=none the client gets interaction_required instead of a page', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, PWD);
    const res = await t.server.authorize(new Request(authUrl(config, { acr_values: ACR_MFA, prompt: 'none' })));
    const back = new URL(res.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(CB);
    expect(back.searchParams.get('error')).toBe('interaction_required');
    expect(back.searchParams.get('state')).toBe('s-1');
  });
});

describe('who must use two factors', () => {
  it('"Require two-factor sign-in" on the application steps up any one-factor session', async () => {
    const { config } = await relyingParty({ requireMfa: true });
    const user = await t.user();
    await signInAs(user.id, PWD);
    const res = await t.server.authorize(new Request(authUrl(config)));
    expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/login/verify');
  });

  it('OAUTH2_REQUIRE_MFA (Deps.requireMfa) does the same for every application', async () => {
    const { config } = await relyingParty();
    const user = await t.user();
    await signInAs(user.id, PWD);
    requireMfaForEveryone = true;
    try {
      const res = await t.server.authorize(new Request(authUrl(config)));
      expect(new URL(res.headers.get('location')!, BASE).pathname).toBe('/login/verify');
      await signInAs(user.id, ['swk', 'user', 'mfa']);
      const ok = await t.server.authorize(new Request(authUrl(config)));
      expect(new URL(ok.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    } finally {
      requireMfaForEveryone = false;
    }
  });
});
