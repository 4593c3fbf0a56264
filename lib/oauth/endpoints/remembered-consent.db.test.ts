/**
 * Remembered consent (approval_prompt=auto, prompt=none) must not approve on its own when the
 * client's identity cannot be assured (RFC 8252 §8.6) or when it asks for an API the person
 * never approved (RFC 8707): issue 15 item 13.
 */
import { describe, expect, it } from 'vitest';
import { BASE, createTestServer } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const API_A = 'https://api-a.example/';
const API_B = 'https://api-b.example/';

async function authorize(params: Record<string, string | string[]>) {
  const url = new URL(BASE + '/o/authorize');
  for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) url.searchParams.append(k, value);
  const res = await t.server.authorize(new Request(url));
  return new URL(res.headers.get('location') ?? '', BASE);
}

/** Signs a new user in, approves one request on the consent page, and returns the user. */
async function approveOnce(params: Record<string, string | string[]>) {
  const user = await t.user();
  t.signIn(user.id);
  const consent = await authorize(params);
  expect(consent.pathname).toBe('/o/consent');
  await t.server.decideAuthorization(consent.searchParams.get('request')!, { userId: user.id, authTime: 0 }, { allow: true });
  return user;
}

describe(`remembered consent on ${testDatabaseKind}`, () => {
  describe('RFC 8252 §8.6: a public client on a loopback or private-use redirect is asked every time', () => {
    it.each([
      ['a loopback redirect', 'http://127.0.0.1:8765/cb'],
      ['a private-use-scheme redirect', 'com.example.app:/oauth2redirect'],
    ])('%s: approval_prompt=auto shows the consent page again, prompt=none is consent_required', async (_, redirectUri) => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'], redirectUris: [redirectUri] });
      const request = { response_type: 'code', client_id: app.clientId, redirect_uri: redirectUri, scope: 'read', code_challenge: CHALLENGE, code_challenge_method: 'S256' };
      await approveOnce(request);
      const again = await authorize({ ...request, approval_prompt: 'auto' });
      expect(again.pathname).toBe('/o/consent');
      expect(again.searchParams.has('code')).toBe(false);
      const silent = await authorize({ ...request, prompt: 'none', state: 's' });
      expect(silent.searchParams.get('error')).toBe('consent_required');
      expect(silent.searchParams.get('state')).toBe('s');
    });

    it('a confidential web client is still approved from memory', async () => {
      const app = await t.application();
      const request = { response_type: 'code', client_id: app.clientId, scope: 'read' };
      await approveOnce(request);
      expect((await authorize({ ...request, approval_prompt: 'auto' })).searchParams.get('code')).toBeTruthy();
    });
  });

  describe('RFC 8707: consent covers the resources it was given for', () => {
    it('a new resource asks again; approved ones (and their union) do not', async () => {
      await t.application({ resources: [API_A, API_B], grantTypes: ['client_credentials'], redirectUris: [] });
      const app = await t.application();
      const request = { response_type: 'code', client_id: app.clientId, scope: 'read', approval_prompt: 'auto' };
      await approveOnce({ ...request, resource: API_A });
      expect((await authorize({ ...request, resource: API_A })).searchParams.get('code')).toBeTruthy();
      expect((await authorize(request)).searchParams.get('code')).toBeTruthy();
      const other = await authorize({ ...request, resource: API_B });
      expect(other.pathname).toBe('/o/consent');
      const both = await authorize({ ...request, resource: [API_A, API_B] });
      expect(both.pathname).toBe('/o/consent');

      // Approving B adds it to what was approved (a union, as scopes are): A and B together now go through.
      const user = (await t.deps.currentUser(new Request(BASE)))!;
      await t.server.decideAuthorization(other.searchParams.get('request')!, user, { allow: true });
      expect((await authorize({ ...request, resource: [API_A, API_B] })).searchParams.get('code')).toBeTruthy();
      expect(await t.store.findConsent(user.userId, app.id)).toEqual({ scope: 'read', resources: [API_A, API_B] });
    });
  });
});
