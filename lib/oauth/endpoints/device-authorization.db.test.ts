import { describe, expect, it } from 'vitest';
import { DEVICE_CODE_GRANT_TYPE } from '@/lib/oauth/device/grant-type';
import { createApplicationStore } from '@/lib/db/applications';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { digest } from '@/lib/oauth/secrets';
import { ACR_MFA } from '@/lib/oauth/oidc/amr';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer();
const IP = '203.0.113.9';

async function deviceApp(input: Parameters<typeof t.application>[0] = {}) {
  return t.application({ clientType: 'public', grantTypes: [DEVICE_CODE_GRANT_TYPE], redirectUris: [], ...input });
}

async function authorizeDevice(clientId: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const res = await t.server.deviceAuthorization(form('/o/device_authorization', { client_id: clientId, ...extra }, headers));
  return { res, json: await body(res) };
}

async function poll(clientId: string, deviceCode: string, headers: Record<string, string> = {}) {
  const res = await t.server.token(form('/o/token', { grant_type: DEVICE_CODE_GRANT_TYPE, device_code: deviceCode, client_id: clientId }, headers));
  return { res, json: await body(res) };
}

async function approve(userCode: string, userId: string, allow = true) {
  return t.server.decideDeviceAuthorization(userCode, { userId, authTime: Math.floor(t.now().getTime() / 1000), sessionId: null }, allow ? { allow: true } : { allow: false });
}

describe(`device authorization grant (RFC 8628) on ${testDatabaseKind}`, () => {
  describe('RFC 8628 §3.1-3.2 device authorization request and response', () => {
    it('answers device_code, user_code, verification_uri(_complete), expires_in and interval, with no-store', async () => {
      const app = await deviceApp();
      const { res, json } = await authorizeDevice(app.clientId, { scope: 'read' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(String(json.device_code)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
      expect(String(json.user_code)).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
      expect(json.verification_uri).toBe('https://as.example/o/device');
      expect(json.verification_uri_complete).toBe(`https://as.example/o/device?user_code=${json.user_code}`);
      expect(json.expires_in).toBe(600);
      expect(json.interval).toBe(5);
    });

    it('stores only the digests of both codes', async () => {
      const app = await deviceApp();
      const { json } = await authorizeDevice(app.clientId);
      const rows = JSON.stringify(await t.db.execute('select * from device_authorizations'));
      expect(rows).not.toContain(String(json.device_code));
      expect(rows).not.toContain(String(json.user_code).replace('-', ''));
      expect(rows).toContain(digest(String(json.device_code)));
    });

    it("uses the application's own device code lifetime", async () => {
      const app = await deviceApp({ deviceCodeLifetime: 30 });
      expect((await authorizeDevice(app.clientId)).json.expires_in).toBe(30);
    });

    it('authenticates confidential clients as the token endpoint does (invalid_client for a wrong secret)', async () => {
      const app = await t.application({ grantTypes: [DEVICE_CODE_GRANT_TYPE], redirectUris: [] });
      const ok = await t.server.deviceAuthorization(form('/o/device_authorization', {}, basic(app.clientId, app.clientSecret)));
      expect(ok.status).toBe(200);
      const bad = await t.server.deviceAuthorization(form('/o/device_authorization', {}, basic(app.clientId, 'wrong')));
      expect(bad.status).toBe(401);
      expect((await body(bad)).error).toBe('invalid_client');
      // client_id alone does not authenticate a confidential client.
      expect((await authorizeDevice(app.clientId)).json.error).toBe('invalid_client');
    });

    it('answers unauthorized_client for an application not registered for the device code grant', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      const { res, json } = await authorizeDevice(app.clientId);
      expect(res.status).toBe(400);
      expect(json.error).toBe('unauthorized_client');
    });

    it('answers invalid_scope for an unknown scope, and for openid without ID tokens', async () => {
      const app = await deviceApp();
      expect((await authorizeDevice(app.clientId, { scope: 'read nope' })).json.error).toBe('invalid_scope');
      const oauthOnly = await deviceApp({ algorithm: '' });
      expect((await authorizeDevice(oauthOnly.clientId, { scope: 'openid' })).json.error).toBe('invalid_scope');
    });

    it('answers GET with invalid_request', async () => {
      const res = await t.server.deviceAuthorization(new Request('https://as.example/o/device_authorization'));
      expect(res.status).toBe(400);
    });
  });

  describe('RFC 8628 §3.3 user interaction', () => {
    it('finds the request by the user code typed in any case, with or without the dash', async () => {
      const app = await deviceApp();
      const { json } = await authorizeDevice(app.clientId, { scope: 'read' });
      const code = String(json.user_code);
      for (const typed of [code, code.toLowerCase(), code.replace('-', ''), ` ${code.toLowerCase().replace('-', ' ')} `]) {
        const found = await t.server.lookUpDeviceCode(typed, IP);
        expect(found.ok, typed).toBe(true);
        if (found.ok) {
          expect(found.view.userCode).toBe(code);
          expect(found.view.client.clientId).toBe(app.clientId);
          expect(found.view.scopes.map((s) => s.name)).toEqual(['read']);
        }
      }
    });

    it('says a wrong or malformed code is not one', async () => {
      expect(await t.server.lookUpDeviceCode('BCDF-GHJK', IP)).toEqual({ ok: false, problem: 'unknown' });
      expect(await t.server.lookUpDeviceCode('AEIO-1234', IP)).toEqual({ ok: false, problem: 'malformed' });
    });

    it('RFC 8628 §5.1: wrong codes are limited per address; right ones do not count, other addresses are not affected', async () => {
      const app = await deviceApp();
      const { json } = await authorizeDevice(app.clientId);
      // The engine reads deps.limits on each call: switched on for this test only.
      t.deps.limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_DEVICE_USER_CODE_IP: '3/600' }), { kind: 'memory' })!;
      try {
        for (let i = 0; i < 5; i++) expect((await t.server.lookUpDeviceCode(String(json.user_code), '198.51.100.1')).ok).toBe(true);
        for (let i = 0; i < 3; i++) expect(await t.server.lookUpDeviceCode('BCDF-GHJK', '198.51.100.1')).toEqual({ ok: false, problem: 'unknown' });
        const locked = await t.server.lookUpDeviceCode(String(json.user_code), '198.51.100.1');
        expect(locked).toMatchObject({ ok: false, problem: 'rate_limited' });
        expect(locked.ok === false && locked.retryAfter).toBeGreaterThan(0);
        expect((await t.server.lookUpDeviceCode(String(json.user_code), '198.51.100.2')).ok).toBe(true);
      } finally {
        delete t.deps.limits;
      }
    });

    it('a decided code cannot be decided again', async () => {
      const app = await deviceApp();
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId);
      expect(await approve(String(json.user_code), user.id)).toBe('approved');
      expect(await approve(String(json.user_code), user.id, false)).toBeNull();
      expect((await t.server.lookUpDeviceCode(String(json.user_code), IP)).ok).toBe(false);
    });
  });

  describe('RFC 8628 §3.4-3.5 device access token request and response', () => {
    it('authorization_pending until approved, then tokens once (refresh token, ID token for openid), then invalid_grant', async () => {
      const app = await deviceApp();
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId, { scope: 'openid read' });
      const pending = await poll(app.clientId, String(json.device_code));
      expect(pending.res.status).toBe(400);
      expect(pending.json.error).toBe('authorization_pending');

      expect(await approve(String(json.user_code), user.id)).toBe('approved');
      t.advance(5);
      const ok = await poll(app.clientId, String(json.device_code));
      expect(ok.res.status).toBe(200);
      expect(ok.res.headers.get('cache-control')).toBe('no-store');
      expect(ok.json).toMatchObject({ token_type: 'Bearer', scope: 'openid read' });
      expect(ok.json.refresh_token).toBeTruthy();
      expect(ok.json.id_token).toBeTruthy();
      const introspected = await t.introspect(await t.application({ resourceServer: true }), String(ok.json.access_token));
      expect(introspected).toMatchObject({ active: true, client_id: app.clientId, scope: 'openid read' });

      t.advance(5);
      const again = await poll(app.clientId, String(json.device_code));
      expect(again.res.status).toBe(400);
      expect(again.json.error).toBe('invalid_grant');
    });

    it('OIDC Core §2 amr/acr: the device\'s ID token says how the approving person signed in (two factors here)', async () => {
      const app = await deviceApp();
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId, { scope: 'openid read' });
      const approver = { userId: user.id, authTime: Math.floor(t.now().getTime() / 1000), authMethods: ['pwd', 'otp', 'mfa'] };
      expect(await t.server.decideDeviceAuthorization(String(json.user_code), approver, { allow: true })).toBe('approved');
      t.advance(5);
      const ok = await poll(app.clientId, String(json.device_code));
      expect(ok.res.status).toBe(200);
      const claims = JSON.parse(Buffer.from(String(ok.json.id_token).split('.')[1]!, 'base64url').toString());
      expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
      expect(claims.acr).toBe(ACR_MFA);
      // Not tied to the approving browser's session: signing out there does not sign the device out.
      expect(claims.sid).toBeUndefined();
    });

    it('redeems an approved code once when two polls race (atomic, like codes)', async () => {
      const app = await deviceApp();
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId);
      await approve(String(json.user_code), user.id);
      const results = await Promise.all([poll(app.clientId, String(json.device_code)), poll(app.clientId, String(json.device_code))]);
      expect(results.map((r) => r.res.status).sort()).toEqual([200, 400]);
    });

    it('slow_down adds 5 seconds to the interval when polled too fast, and keeps it', async () => {
      const app = await deviceApp();
      const { json } = await authorizeDevice(app.clientId);
      const code = String(json.device_code);
      expect((await poll(app.clientId, code)).json.error).toBe('authorization_pending');
      t.advance(2);
      const slow = await poll(app.clientId, code);
      expect(slow.json.error).toBe('slow_down');
      expect(String(slow.json.error_description)).toContain('10 seconds');
      // Now 10 s apply: 6 s later is still too fast (and adds 5 more), 15 s later is not.
      t.advance(6);
      expect((await poll(app.clientId, code)).json.error).toBe('slow_down');
      t.advance(15);
      expect((await poll(app.clientId, code)).json.error).toBe('authorization_pending');
    });

    it('access_denied when the person denied it', async () => {
      const app = await deviceApp();
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId);
      expect(await approve(String(json.user_code), user.id, false)).toBe('denied');
      const { res, json: err } = await poll(app.clientId, String(json.device_code));
      expect(res.status).toBe(400);
      expect(err.error).toBe('access_denied');
    });

    it('expired_token once the device code has expired (approved or not)', async () => {
      const app = await deviceApp({ deviceCodeLifetime: 10 });
      const user = await t.user();
      const { json } = await authorizeDevice(app.clientId);
      t.advance(11);
      expect(await approve(String(json.user_code), user.id)).toBeNull(); // too late to approve
      expect((await poll(app.clientId, String(json.device_code))).json.error).toBe('expired_token');
    });

    it("invalid_grant for an unknown device code, and for another client's", async () => {
      const app = await deviceApp();
      const other = await deviceApp();
      const { json } = await authorizeDevice(app.clientId);
      expect((await poll(app.clientId, 'made-up')).json.error).toBe('invalid_grant');
      expect((await poll(other.clientId, String(json.device_code))).json.error).toBe('invalid_grant');
      // The other client's attempt did not count as the owner's poll.
      expect((await poll(app.clientId, String(json.device_code))).json.error).toBe('authorization_pending');
    });

    it('unauthorized_client when the application is not registered for the grant', async () => {
      const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
      expect((await poll(app.clientId, 'x')).json.error).toBe('unauthorized_client');
    });
  });

  describe('RFC 8628 §4 metadata', () => {
    it('lists device_authorization_endpoint and the grant type', async () => {
      const meta = await body(await t.server.metadata(new Request('https://as.example/.well-known/oauth-authorization-server')));
      expect(meta.device_authorization_endpoint).toBe('https://as.example/o/device_authorization');
      expect(meta.grant_types_supported).toContain(DEVICE_CODE_GRANT_TYPE);
    });
  });

  describe('cleartokens', () => {
    it('removes expired device authorizations', async () => {
      const app = await deviceApp({ deviceCodeLifetime: 5 });
      await authorizeDevice(app.clientId);
      t.advance(6);
      const removed = await createApplicationStore(t.db).clearExpired(t.now(), null);
      expect(removed.deviceAuthorizations).toBeGreaterThanOrEqual(1);
    });
  });
});
