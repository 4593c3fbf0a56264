/**
 * OAUTH2_RATE_LIMIT* and OAUTH2_TRUSTED_PROXIES → the limits, validated once at start. One limit
 * reads "<count>/<seconds>" (30/60: thirty per minute) or "off".
 */
import { bool, int, SettingsError, type Env } from '@/lib/config/env';
import type { LimitName } from '@/lib/oauth/rate-limit';

export interface Limit {
  /** Requests (or failures) allowed per window. */
  points: number;
  /** The window, in seconds, from the first request counted in it. */
  duration: number;
}

export interface RateLimitSettings {
  /** OAUTH2_RATE_LIMITS (default on): off turns every limit off. */
  enabled: boolean;
  /** OAUTH2_TRUSTED_PROXIES (default 0): reverse proxies in front that append to X-Forwarded-For (lib/http/client-ip.ts). */
  trustedProxies: number;
  /** Each limit, or null when off. */
  limits: Record<LimitName, Limit | null>;
}

/** Every limit: its variable and default, so the README and the parser cannot disagree. */
export const LIMIT_DEFAULTS: Record<LimitName, { env: string; value: string; what: string }> = {
  signin_ip: { env: 'OAUTH2_RATE_LIMIT_SIGNIN_IP', value: '30/60', what: 'sign-in attempts per IP' },
  signin_account: { env: 'OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT', value: '10/900', what: 'failed sign-ins per account (pages and the password grant)' },
  signup_ip: { env: 'OAUTH2_RATE_LIMIT_SIGNUP_IP', value: '10/3600', what: 'sign-ups per IP' },
  token_client: { env: 'OAUTH2_RATE_LIMIT_TOKEN_CLIENT', value: '1200/60', what: 'token requests per client' },
  token_ip: { env: 'OAUTH2_RATE_LIMIT_TOKEN_IP', value: '6000/60', what: 'token requests per IP' },
  client_auth_failures: {
    env: 'OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES',
    value: '10/300',
    what: 'failed client authentications per client_id from one IP (then even correct credentials from that IP wait; other addresses are not affected)',
  },
  client_auth_failures_ip: {
    env: 'OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES_IP',
    value: '30/300',
    what: 'failed client authentications per IP, whatever the client_id (then every client authentication from that IP waits)',
  },
  introspect_client: { env: 'OAUTH2_RATE_LIMIT_INTROSPECT_CLIENT', value: '6000/60', what: 'introspection requests per client' },
  revoke_client: { env: 'OAUTH2_RATE_LIMIT_REVOKE_CLIENT', value: '600/60', what: 'revocation requests per client' },
  authorize_ip: { env: 'OAUTH2_RATE_LIMIT_AUTHORIZE_IP', value: '120/60', what: 'authorization requests per IP' },
  // Open registration (OAUTH2_DYNAMIC_REGISTRATION=public) lets anyone add rows: an agent registers once per install.
  register_ip: { env: 'OAUTH2_RATE_LIMIT_REGISTER_IP', value: '20/3600', what: 'dynamic client registrations (RFC 7591) per IP' },
  // Each fetch is an outbound request and may add an applications row; cached documents do not count.
  metadata_fetch_ip: {
    env: 'OAUTH2_RATE_LIMIT_METADATA_FETCH_IP',
    value: '30/3600',
    what: 'client ID metadata document fetches (new or stale documents, at /o/authorize) per IP',
  },
  // Password reset and verification mail (lib/accounts): each request sends mail to someone.
  account_email_ip: {
    env: 'OAUTH2_RATE_LIMIT_ACCOUNT_EMAIL_IP',
    value: '20/3600',
    what: 'password reset requests, reset submissions and verification resends per IP',
  },
  account_email_account: {
    env: 'OAUTH2_RATE_LIMIT_ACCOUNT_EMAIL_ACCOUNT',
    value: '5/3600',
    what: 'reset and verification mails per email address (over it, the page answers the same and no mail is sent)',
  },
  // RFC 8628 §5.1: wrong user codes entered at /o/device, per address (right ones do not count).
  device_user_code_ip: {
    env: 'OAUTH2_RATE_LIMIT_DEVICE_USER_CODE_IP',
    value: '20/600',
    what: 'wrong device user codes entered at /o/device per IP (then every code from that IP waits)',
  },
};

/** "<count>/<seconds>" or "off". */
export function parseLimit(name: string, raw: string): Limit | null {
  const value = raw.trim();
  if (/^off$/i.test(value)) return null;
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(value);
  const points = Number(m?.[1]);
  const duration = Number(m?.[2]);
  if (!m || points < 1 || duration < 1 || !Number.isSafeInteger(points) || !Number.isSafeInteger(duration)) {
    throw new SettingsError(`${name}: expected <count>/<seconds> (e.g. 30/60) or off, got "${raw}"`);
  }
  return { points, duration };
}

export function parseRateLimitSettings(env: Env): RateLimitSettings {
  const enabled = bool(env, 'OAUTH2_RATE_LIMITS', true);
  const trustedProxies = int(env, 'OAUTH2_TRUSTED_PROXIES', 0);
  const limits = {} as Record<LimitName, Limit | null>;
  for (const [name, d] of Object.entries(LIMIT_DEFAULTS) as [LimitName, (typeof LIMIT_DEFAULTS)[LimitName]][]) {
    const raw = env[d.env];
    // Parsed even when OAUTH2_RATE_LIMITS=off, so a typo is found before limits are turned on.
    const limit = parseLimit(d.env, raw === undefined || raw.trim() === '' ? d.value : raw);
    limits[name] = enabled ? limit : null;
  }
  return { enabled, trustedProxies, limits };
}
