import { describe, expect, it } from 'vitest';
import { s256 } from '@/lib/oauth/pkce';
import { parseUiLocales } from '@/lib/oauth/oidc/ui-locales';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const CALLBACK = 'https://client.example/cb';
const request = { response_type: 'code', redirect_uri: CALLBACK, scope: 'read', state: 's', code_challenge: s256('v'.repeat(43)), code_challenge_method: 'S256' };

/** The ui_locales cookie the response sets (its whole Set-Cookie line), or null. */
function uiLocalesCookie(res: Response): string | null {
  return res.headers.getSetCookie().find((c) => c.startsWith('oauth_ui_locales=')) ?? null;
}

describe(`OIDC Core §3.1.2.1 ui_locales on ${testDatabaseKind}`, () => {
  it('§3.1.2.1: a GET request hands its ui_locales to the sign-in and consent pages (cookie for the pending request only, HttpOnly, Lax)', async () => {
    const app = await t.application();
    t.signIn(null);
    const res = await t.server.authorize(get('/o/authorize', { ...request, client_id: app.clientId, ui_locales: 'fr-CA en' }));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
    // The test issuer is https, so the cookie is Secure too.
    expect(uiLocalesCookie(res)).toBe('oauth_ui_locales=fr-CA%20en; Max-Age=600; Path=/; SameSite=Lax; HttpOnly; Secure');
  });

  it('§3.1.2.1 (POST, §3.1.2.1 allows it): a form-encoded request counts as much as a query string', async () => {
    const app = await t.application();
    t.signIn(null);
    const res = await t.server.authorize(form('/o/authorize', { ...request, client_id: app.clientId, ui_locales: 'de' }));
    expect(res.status).toBe(303);
    expect(uiLocalesCookie(res)).toMatch(/^oauth_ui_locales=de; /);
  });

  it('RFC 9126 §4 with §3.1.2.1: a pushed request carries its ui_locales to the browser that uses its request_uri', async () => {
    const app = await t.application();
    const pushed = await t.server.par(form('/o/par', { ...request, ui_locales: 'ja' }, basic(app.clientId, app.clientSecret)));
    expect(pushed.status).toBe(201);
    t.signIn(null);
    const res = await t.server.authorize(get('/o/authorize', { client_id: app.clientId, request_uri: String((await body(pushed)).request_uri), ui_locales: 'de' }));
    expect(res.status).toBe(302);
    // §4: the pushed parameters only, not what the URL adds.
    expect(uiLocalesCookie(res)).toMatch(/^oauth_ui_locales=ja; /);
  });

  it('a new request without ui_locales clears what an earlier one left; one that is not a list of tags is ignored, not an error', async () => {
    const app = await t.application();
    t.signIn(null);
    const cleared = await t.server.authorize(get('/o/authorize', { ...request, client_id: app.clientId }, { cookie: 'oauth_ui_locales=de' }));
    expect(uiLocalesCookie(cleared)).toMatch(/^oauth_ui_locales=; Max-Age=0; /);
    const fresh = await t.server.authorize(get('/o/authorize', { ...request, client_id: app.clientId }));
    expect(uiLocalesCookie(fresh)).toBeNull();
    const junk = await t.server.authorize(get('/o/authorize', { ...request, client_id: app.clientId, ui_locales: 'de;q=1 <script>' }));
    expect(junk.status).toBe(302);
    expect(junk.headers.get('location')).toMatch(/^\/login\?next=/);
    expect(uiLocalesCookie(junk)).toBeNull();
  });

  it('parseUiLocales: BCP 47 tags separated by spaces, at most 10', () => {
    expect(parseUiLocales('fr-CA  en')).toEqual(['fr-CA', 'en']);
    expect(parseUiLocales('zh-Hant-TW')).toEqual(['zh-Hant-TW']);
    expect(parseUiLocales('')).toBeUndefined();
    expect(parseUiLocales('de,en')).toBeUndefined();
    expect(parseUiLocales(Array(11).fill('en').join(' '))).toBeUndefined();
  });
});
