import { describe, expect, it } from 'vitest';
import { SettingsError } from '@/lib/config/env';
import { parseSettings } from '@/lib/config/settings';
import { parseRateLimitSettings } from './settings';

describe('rate-limit settings (OAUTH2_RATE_LIMIT*, OAUTH2_TRUSTED_PROXIES)', () => {
  it('are on by default, with the documented limits', () => {
    const s = parseRateLimitSettings({});
    expect(s.enabled).toBe(true);
    expect(s.trustedProxies).toBe(0);
    expect(s.limits).toEqual({
      signin_ip: { points: 30, duration: 60 },
      signin_account: { points: 10, duration: 900 },
      signup_ip: { points: 10, duration: 3600 },
      token_client: { points: 1200, duration: 60 },
      token_ip: { points: 6000, duration: 60 },
      client_auth_failures: { points: 10, duration: 300 },
      client_auth_failures_ip: { points: 30, duration: 300 },
      introspect_client: { points: 6000, duration: 60 },
      revoke_client: { points: 600, duration: 60 },
      authorize_ip: { points: 120, duration: 60 },
      register_ip: { points: 20, duration: 3600 },
      metadata_fetch_ip: { points: 30, duration: 3600 },
      account_email_ip: { points: 20, duration: 3600 },
      account_email_account: { points: 5, duration: 3600 },
      device_user_code_ip: { points: 20, duration: 600 },
    });
  });
  it('reads <count>/<seconds> and off for each limit', () => {
    const s = parseRateLimitSettings({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '2/10', OAUTH2_RATE_LIMIT_AUTHORIZE_IP: 'off', OAUTH2_TRUSTED_PROXIES: '2' });
    expect(s.limits.token_client).toEqual({ points: 2, duration: 10 });
    expect(s.limits.authorize_ip).toBeNull();
    expect(s.trustedProxies).toBe(2);
  });
  it('OAUTH2_RATE_LIMITS=off turns every limit off', () => {
    const s = parseRateLimitSettings({ OAUTH2_RATE_LIMITS: 'off' });
    expect(s.enabled).toBe(false);
    expect(Object.values(s.limits).every((l) => l === null)).toBe(true);
  });
  it.each(['30', '30/0', '0/60', 'thirty/60', '30/60s', '-1/60'])('refuses "%s" with one line naming the variable', (raw) => {
    expect(() => parseRateLimitSettings({ OAUTH2_RATE_LIMIT_SIGNIN_IP: raw })).toThrow(SettingsError);
    expect(() => parseRateLimitSettings({ OAUTH2_RATE_LIMIT_SIGNIN_IP: raw })).toThrow(
      `OAUTH2_RATE_LIMIT_SIGNIN_IP: expected <count>/<seconds> (e.g. 30/60) or off, got "${raw}"`,
    );
  });
  it('checks a limit even while limits are off, so a typo is found first', () => {
    expect(() => parseRateLimitSettings({ OAUTH2_RATE_LIMITS: 'off', OAUTH2_RATE_LIMIT_TOKEN_IP: '1/x' })).toThrow('OAUTH2_RATE_LIMIT_TOKEN_IP');
  });
  it('refuses a bad OAUTH2_RATE_LIMITS and OAUTH2_TRUSTED_PROXIES', () => {
    expect(() => parseRateLimitSettings({ OAUTH2_RATE_LIMITS: 'sometimes' })).toThrow('OAUTH2_RATE_LIMITS');
    expect(() => parseRateLimitSettings({ OAUTH2_TRUSTED_PROXIES: 'one' })).toThrow('OAUTH2_TRUSTED_PROXIES');
  });
  it('are AppSettings.rateLimits', () => {
    expect(parseSettings({ OAUTH2_RATE_LIMIT_REVOKE_CLIENT: '5/5' }).rateLimits.limits.revoke_client).toEqual({ points: 5, duration: 5 });
  });
});
