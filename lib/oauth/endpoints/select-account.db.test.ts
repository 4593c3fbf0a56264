/**
 * OIDC Core §3.1.2.1 prompt=select_account (advertised in discovery): with someone signed in,
 * the browser is shown who it is, with "Continue" and "Use another account" (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { BASE, createTestServer, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { SELECT_ACCOUNT_PATH } from './select-account';

const t = await createTestServer();

async function authorize(params: Record<string, string>) {
  return new URL((await t.server.authorize(get('/o/authorize', params))).headers.get('location')!, BASE);
}

describe(`OIDC Core §3.1.2.1 prompt=select_account on ${testDatabaseKind}`, () => {
  it('a signed-in person is asked which account; "Continue" goes on to consent as them', async () => {
    const app = await t.application();
    const alice = await t.user();
    t.signIn(alice.id);
    const choose = await authorize({ response_type: 'code', client_id: app.clientId, scope: 'openid read', prompt: 'select_account', nonce: 'n' });
    expect(choose.pathname).toBe(SELECT_ACCOUNT_PATH);
    const requestId = choose.searchParams.get('request')!;
    expect(await t.server.loadAccountChoice(requestId)).toEqual({ clientName: 'Test app' });

    expect(await t.server.continueWithAccount(requestId, alice.id)).toBe(true);
    const next = await authorize({ pending: requestId });
    expect(next.pathname).toBe('/o/consent');
    expect(await t.server.loadConsent(next.searchParams.get('request')!, alice.id)).not.toBeNull();
  });

  it('even remembered consent waits for the choice', async () => {
    const app = await t.application({ skipAuthorization: true });
    const alice = await t.user();
    t.signIn(alice.id);
    expect((await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'select_account' })).pathname).toBe(SELECT_ACCOUNT_PATH);
    expect((await authorize({ response_type: 'code', client_id: app.clientId })).searchParams.get('code')).toBeTruthy();
  });

  it('"Use another account" restarts the request for whoever signs in next, who is not asked again', async () => {
    const app = await t.application();
    const alice = await t.user();
    const bob = await t.user();
    t.signIn(alice.id);
    const choose = await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'select_account', state: 'st' });
    const restarted = await t.server.restartForAnotherAccount(choose.searchParams.get('request')!);
    expect(restarted).toBeTruthy();
    t.signIn(bob.id); // signed out, then signed in as Bob on the sign-in page
    const next = await authorize({ pending: restarted! });
    expect(next.pathname).toBe('/o/consent');
    const view = await t.server.loadConsent(next.searchParams.get('request')!, bob.id);
    expect(view?.state).toBe('st');
  });

  it('nobody signed in: the sign-in page is the choice, and no second question follows', async () => {
    const app = await t.application();
    t.signIn(null);
    const login = await authorize({ response_type: 'code', client_id: app.clientId, prompt: 'select_account' });
    expect(login.pathname).toBe('/login');
    const pending = new URLSearchParams(login.searchParams.get('next')!.split('?')[1]).get('pending')!;
    t.signIn((await t.user()).id);
    expect((await authorize({ pending })).pathname).toBe('/o/consent');
  });

  it('an unknown request shows nothing', async () => {
    expect(await t.server.loadAccountChoice('nope')).toBeNull();
    expect(await t.server.continueWithAccount('nope', 'x')).toBe(false);
    expect(await t.server.restartForAnotherAccount('nope')).toBeNull();
  });
});
