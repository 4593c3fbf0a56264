/**
 * RFC 7009 token revocation at /o/revoke_token, as a client sees it (status, headers, body),
 * then the stored state.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { digest } from '@/lib/oauth/secrets';
import { s256 } from '@/lib/oauth/pkce';
import { basic, body, createTestServer, form, jsonPost } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
type App = Awaited<ReturnType<T['application']>>;

let t: T;
let app: App;
let other: App;
let user: Awaited<ReturnType<T['user']>>;

beforeAll(async () => {
  t = await createTestServer();
  app = await t.application({ name: 'Revoker' });
  other = await t.application({ name: 'Someone else' });
  user = await t.user();
});

/** RFC 6749 §4.3: an access token and a refresh token of a new family. */
async function passwordTokens(client: App = app) {
  const res = await t.server.token(
    form('/o/token', { grant_type: 'password', username: user.email, password: user.password }, basic(client.clientId, client.clientSecret)),
  );
  expect(res.status).toBe(200);
  const b = await body(res);
  return { access: b.access_token as string, refresh: b.refresh_token as string };
}

function revoke(client: App, params: Record<string, string>) {
  return t.server.revoke(form('/o/revoke_token', params, basic(client.clientId, client.clientSecret)));
}

const accessRow = async (token: string) => (await t.store.findAccessToken(digest(token)))!;
const refreshRow = async (token: string) => (await t.store.findRefreshToken(digest(token)))!;

/** What a resource server would learn: introspection by the token's own client. */
async function active(token: string, owner: App = app): Promise<boolean> {
  const res = await t.server.introspect(form('/o/introspect', { token }, basic(owner.clientId, owner.clientSecret)));
  return (await body(res)).active as boolean;
}

async function expectRevokedResponse(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.text()).toBe('');
}

describe('RFC 7009 §2.1 revocation request', () => {
  it.each([
    ['no token_type_hint', {}],
    ['token_type_hint=access_token', { token_type_hint: 'access_token' }],
    ['the wrong token_type_hint=refresh_token', { token_type_hint: 'refresh_token' }],
    ['an unknown token_type_hint', { token_type_hint: 'id_token' }],
  ])('revokes an access token sent with %s', async (_label, hint) => {
    const { access, refresh } = await passwordTokens();
    expect(await active(access)).toBe(true);

    await expectRevokedResponse(await revoke(app, { token: access, ...hint }));

    expect(await active(access)).toBe(false);
    expect((await accessRow(access)).revokedAt).toEqual(t.now());
    // Only the access token was named: its refresh token still works.
    expect((await refreshRow(refresh)).revokedAt).toBeNull();
  });

  it.each([
    ['no token_type_hint', {}],
    ['token_type_hint=refresh_token', { token_type_hint: 'refresh_token' }],
    ['the wrong token_type_hint=access_token', { token_type_hint: 'access_token' }],
  ])('revokes a refresh token sent with %s, and the access token issued with it', async (_label, hint) => {
    const { access, refresh } = await passwordTokens();

    await expectRevokedResponse(await revoke(app, { token: refresh, ...hint }));

    expect((await refreshRow(refresh)).revokedAt).toEqual(t.now());
    expect((await accessRow(access)).revokedAt).toEqual(t.now());
    expect(await active(access)).toBe(false);
    // The client sees the refresh token refused.
    const again = await t.server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: refresh }, basic(app.clientId, app.clientSecret)));
    expect(again.status).toBe(400);
    expect((await body(again)).error).toBe('invalid_grant');
  });

  it('revoking a rotated refresh token revokes its whole family, and no other grant', async () => {
    const first = await passwordTokens();
    const unrelated = await passwordTokens();
    const rotated = await t.server.token(
      form('/o/token', { grant_type: 'refresh_token', refresh_token: first.refresh }, basic(app.clientId, app.clientSecret)),
    );
    expect(rotated.status).toBe(200);
    const second = await body(rotated);
    expect(await active(second.access_token as string)).toBe(true);

    t.advance(5);
    await expectRevokedResponse(await revoke(app, { token: second.refresh_token as string, token_type_hint: 'refresh_token' }));

    expect((await refreshRow(second.refresh_token as string)).revokedAt).toEqual(t.now());
    expect((await refreshRow(first.refresh)).revokedAt).toEqual(t.now());
    expect((await accessRow(second.access_token as string)).revokedAt).toEqual(t.now());
    expect(await active(second.access_token as string)).toBe(false);
    // Another grant of the same user and client is untouched.
    expect(await active(unrelated.access)).toBe(true);
    expect((await refreshRow(unrelated.refresh)).revokedAt).toBeNull();
  });

  it('accepts a JSON body as well as a form', async () => {
    const { access } = await passwordTokens();
    await expectRevokedResponse(await t.server.revoke(jsonPost('/o/revoke_token', { token: access }, basic(app.clientId, app.clientSecret))));
    expect(await active(access)).toBe(false);
  });

  it('accepts client_secret_post client authentication', async () => {
    const { access } = await passwordTokens();
    const res = await t.server.revoke(form('/o/revoke_token', { token: access, client_id: app.clientId, client_secret: app.clientSecret }));
    await expectRevokedResponse(res);
    expect(await active(access)).toBe(false);
  });

  it('a public client authenticates with its client_id alone', async () => {
    const spa = await t.application({ name: 'SPA', clientType: 'public', grantTypes: ['authorization_code'] });
    const verifier = 'v'.repeat(43);
    const code = await t.authorizeCode(spa, user.id, { code_challenge: s256(verifier), code_challenge_method: 'S256' });
    const issued = await t.server.token(
      form('/o/token', { grant_type: 'authorization_code', code, client_id: spa.clientId, code_verifier: verifier, redirect_uri: 'https://client.example/cb' }),
    );
    expect(issued.status).toBe(200);
    const tokens = await body(issued);

    const res = await t.server.revoke(form('/o/revoke_token', { token: tokens.refresh_token as string, client_id: spa.clientId }));

    await expectRevokedResponse(res);
    expect((await refreshRow(tokens.refresh_token as string)).revokedAt).toEqual(t.now());
    expect((await accessRow(tokens.access_token as string)).revokedAt).toEqual(t.now());
  });
});

describe('RFC 7009 §2.2 revocation response', () => {
  it('answers 200 for an unknown token', async () => {
    await expectRevokedResponse(await revoke(app, { token: 'no-such-token' }));
    await expectRevokedResponse(await revoke(app, { token: 'no-such-token', token_type_hint: 'refresh_token' }));
  });

  it("answers 200 for another client's token but leaves it active", async () => {
    const theirs = await passwordTokens(other);

    await expectRevokedResponse(await revoke(app, { token: theirs.access }));
    await expectRevokedResponse(await revoke(app, { token: theirs.refresh, token_type_hint: 'refresh_token' }));

    expect((await accessRow(theirs.access)).revokedAt).toBeNull();
    expect((await refreshRow(theirs.refresh)).revokedAt).toBeNull();
    expect(await active(theirs.access, other)).toBe(true);
  });

  it('answers 200 again for a token already revoked, keeping the first revocation time', async () => {
    const { access } = await passwordTokens();
    await expectRevokedResponse(await revoke(app, { token: access }));
    const first = (await accessRow(access)).revokedAt;
    t.advance(60);
    await expectRevokedResponse(await revoke(app, { token: access }));
    expect((await accessRow(access)).revokedAt).toEqual(first);
  });
});

describe('RFC 7009 §2.2.1 error response', () => {
  it("answers invalid_request when the 'token' parameter is missing", async () => {
    const res = await revoke(app, { token_type_hint: 'access_token' });
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await body(res)).toEqual({ error: 'invalid_request', error_description: "missing required parameter 'token'" });
  });

  it('answers 401 invalid_client with a Basic challenge for a wrong secret sent with Basic, and revokes nothing', async () => {
    const { access } = await passwordTokens();
    const res = await t.server.revoke(form('/o/revoke_token', { token: access }, basic(app.clientId, 'wrong-secret')));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await body(res)).error).toBe('invalid_client');
    expect((await accessRow(access)).revokedAt).toBeNull();
  });

  it('answers 401 invalid_client for an unknown client, a wrong client_secret_post, or no client authentication', async () => {
    const { access } = await passwordTokens();
    for (const req of [
      form('/o/revoke_token', { token: access }, basic('no-such-client', 'secret')),
      form('/o/revoke_token', { token: access, client_id: app.clientId, client_secret: 'wrong-secret' }),
      form('/o/revoke_token', { token: access }),
    ]) {
      const res = await t.server.revoke(req);
      expect(res.status).toBe(401);
      expect((await body(res)).error).toBe('invalid_client');
    }
    expect(await active(access)).toBe(true);
  });

  it('answers 401 invalid_client when a confidential client sends its client_id alone', async () => {
    const { access } = await passwordTokens();
    const res = await t.server.revoke(form('/o/revoke_token', { token: access, client_id: app.clientId }));
    expect(res.status).toBe(401);
    expect((await body(res)).error).toBe('invalid_client');
    expect(await active(access)).toBe(true);
  });
});
