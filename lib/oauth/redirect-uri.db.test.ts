/**
 * RFC 8252 and RFC 9700 §4.1 redirect URI rules where a client meets them: the dashboard and
 * CLI registration path, and /o/authorize (a dangerous URI stored before these rules is still
 * never redirected to).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ApplicationInputError } from '@/lib/applications/rules';
import { createApplicationStore } from '@/lib/db/applications';
import { BASE, createTestServer, get } from '@/lib/testing/oauth';
import { pkcePair } from '@/lib/testing/pkce';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
});

const publicApp = (redirectUris: string[]) => t.application({ clientType: 'public', grantTypes: ['authorization_code'], redirectUris });

describe('RFC 8252 §7.1 and RFC 9700 §4.1 in the dashboard and createapplication', () => {
  it('a public (native) application may register private-use schemes; a confidential one may not unless listed', async () => {
    await expect(publicApp(['cursor://anysphere.cursor-retrieval/oauth/callback', 'com.example.app:/cb'])).resolves.toBeTruthy();
    await expect(t.application({ redirectUris: ['cursor://anysphere.cursor-retrieval/oauth/callback'] })).rejects.toThrow(/only native \(public\) clients/);
  });
  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', 'about:blank', 'blob:https://a.example/1'])('%s is refused for every kind of client', async (uri) => {
    await expect(publicApp([uri])).rejects.toBeInstanceOf(ApplicationInputError);
    await expect(t.application({ redirectUris: [uri] })).rejects.toThrow(/never allowed/);
  });
});

describe('RFC 6749 §3.1.2.4 / RFC 9700 §4.1 at /o/authorize', () => {
  it('a dangerous redirect URI stored before these rules shows the error page, never a redirect to it', async () => {
    const app = await createApplicationStore(t.db).createApplication({
      clientId: `legacy-${Date.now()}`,
      clientSecretDigest: null,
      clientType: 'public',
      grantTypes: ['authorization_code'],
      redirectUris: ['javascript:alert(document.cookie)'],
      name: 'Legacy',
      ownerId: null,
    });
    const { challenge } = pkcePair();
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app!.clientId, code_challenge: challenge, code_challenge_method: 'S256' }));
    const location = new URL(res.headers.get('location')!, BASE);
    expect(location.origin + location.pathname).toBe(`${BASE}/o/error`);
    expect(location.searchParams.get('error_description')).toMatch(/javascript: scheme, which is never allowed/);
  });
  it('RFC 8252 §7.3: http://localhost registered without a port matches any port', async () => {
    const app = await publicApp(['http://localhost/callback']);
    const user = await t.user();
    const { challenge } = pkcePair();
    const code = await t.authorizeCode(app, user.id, { redirect_uri: 'http://localhost:61234/callback', code_challenge: challenge, code_challenge_method: 'S256' });
    expect(code).toEqual(expect.any(String));
  });
});
