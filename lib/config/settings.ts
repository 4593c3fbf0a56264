/**
 * process.env → validated, frozen Settings, once. Names follow DOT's OAUTH2_PROVIDER keys with
 * an OAUTH2_ prefix. A bad value throws one line naming the variable and what it accepts.
 */
import { defaultSettings, type Settings } from '@/lib/oauth/settings';
import { bool, int, list, optionalInt, SettingsError, type Env } from '@/lib/config/env';
import { resourcesSetting } from '@/lib/resource-server/settings';
import { parseClientRegistrationSettings } from '@/lib/agents/settings';
import { parseObservabilitySettings, type ObservabilitySettings } from '@/lib/observability/settings';
import { parseRateLimitSettings, type RateLimitSettings } from '@/lib/rate-limit/settings';
import { parseMailSettings, type MailSettings } from '@/lib/mail/settings';
import { parseAccountSettings, type AccountSettings } from '@/lib/accounts/verification-settings';
import { parseAuditSettings, type AuditSettings } from '@/lib/audit/settings';
import { parseFactorSettings, type FactorSettings } from '@/lib/factors/settings';
import { parseBrandingSettings, type BrandingSettings } from '@/lib/config/branding';
import { LOCALES } from '@/lib/i18n/locales';
import { parseLogoutSettings, type LogoutSettings } from '@/lib/logout/settings';

export { SettingsError } from '@/lib/config/env';

/** The engine's settings plus what only this app's other parts read (the resource-server toolkit). */
export interface AppSettings extends Settings {
  /** OAUTH2_ALLOW_TOKEN_IN_QUERY: accept ?access_token= on protected APIs (RFC 6750 §2.3; off: URLs leak). */
  allowTokenInQuery: boolean;
  /** Remote mode (DOT's OAUTH2_RESOURCE_SERVER_*): check tokens at another server's introspection endpoint. */
  resourceServer: {
    introspectionUrl: string;
    authToken: string | null;
    credentials: { clientId: string; clientSecret: string } | null;
    cachingSeconds: number;
  } | null;
  /** Logs, metrics and shutdown (lib/observability/settings.ts): OAUTH2_METRICS_TOKEN, LOG_LEVEL, OAUTH2_ACCESS_LOG, OAUTH2_SHUTDOWN_TIMEOUT_SECONDS. */
  observability: ObservabilitySettings;
  /** OAUTH2_RATE_LIMITS, OAUTH2_RATE_LIMIT_*, OAUTH2_TRUSTED_PROXIES (lib/rate-limit/settings.ts). */
  rateLimits: RateLimitSettings;
  /** EMAIL_SERVER, EMAIL_FROM (lib/mail/settings.ts). */
  mail: MailSettings;
  /** OAUTH2_SIGNUP, OAUTH2_RESET_KEEPS_TOKENS (lib/accounts/verification-settings.ts). */
  accounts: AccountSettings;
  /** OAUTH2_AUDIT_RETENTION_DAYS, OAUTH2_UNUSED_CLIENT_DAYS (lib/audit/settings.ts). */
  audit: AuditSettings;
  /** OAUTH2_REQUIRE_MFA, OAUTH2_ENCRYPTION_KEY (lib/factors/settings.ts). */
  factors: FactorSettings;
  /** OAUTH2_BRAND_*, OAUTH2_SUPPORT_URL, OAUTH2_PRIVACY_URL, OAUTH2_TERMS_URL, OAUTH2_DEFAULT_LOCALE, OAUTH2_CLIENT_LOGO_HOSTS (lib/config/branding.ts). */
  branding: BrandingSettings;
  /** OAUTH2_SCOPES descriptions given per language: scope → language → text (the consent page's). */
  scopeTranslations: Record<string, Record<string, string>>;
  /** OAUTH2_LOGOUT_REVOKES_TOKENS (lib/logout/settings.ts). */
  logout: LogoutSettings;
}

function resourceServer(env: Env): AppSettings['resourceServer'] {
  const url = env.OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL?.trim();
  const cachingSeconds = int(env, 'OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS', 0);
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw new SettingsError(`OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: expected an http(s) URL, got "${url}"`);
  }
  const authToken = env.OAUTH2_RESOURCE_SERVER_AUTH_TOKEN?.trim() || null;
  const rawCreds = env.OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS?.trim();
  let credentials: { clientId: string; clientSecret: string } | null = null;
  if (rawCreds) {
    const colon = rawCreds.indexOf(':');
    if (colon < 1) throw new SettingsError('OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: expected client_id:client_secret');
    credentials = { clientId: rawCreds.slice(0, colon), clientSecret: rawCreds.slice(colon + 1) };
  }
  if (!authToken && !credentials) {
    throw new SettingsError(
      'OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: also set OAUTH2_RESOURCE_SERVER_AUTH_TOKEN or OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS',
    );
  }
  return { introspectionUrl: url, authToken, credentials, cachingSeconds };
}

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/; // RFC 6749 §3.3 scope-token

/**
 * OAUTH2_SCOPES: a JSON object {"read": "Reading scope", ...} or a list "read write". A
 * description may also be an object of translations, {"photos": {"en": "Your photos",
 * "de": "Ihre Fotos"}}: the consent page shows the one for its language, else the English
 * ("en", or the first given) one, which is also what the engine and the dashboard use.
 */
function scopes(env: Env): { descriptions: Record<string, string>; translations: Record<string, Record<string, string>> } {
  const raw = env.OAUTH2_SCOPES;
  if (raw === undefined || raw.trim() === '') return { descriptions: defaultSettings.scopes, translations: {} };
  let parsed: Record<string, unknown>;
  if (raw.trim().startsWith('{')) {
    try {
      parsed = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      throw new SettingsError('OAUTH2_SCOPES: expected a JSON object of scope → description, or a space-separated list');
    }
  } else {
    parsed = Object.fromEntries(raw.split(/[\s,]+/).filter(Boolean).map((s) => [s, s]));
  }
  const descriptions: Record<string, string> = {};
  const translations: Record<string, Record<string, string>> = {};
  for (const [name, description] of Object.entries(parsed)) {
    if (!SCOPE_TOKEN.test(name)) throw new SettingsError(`OAUTH2_SCOPES: "${name}" is not a valid scope name (RFC 6749 §3.3)`);
    if (typeof description === 'string') {
      descriptions[name] = description;
      continue;
    }
    const byLocale = description && typeof description === 'object' ? Object.entries(description as Record<string, unknown>) : [];
    if (!byLocale.length || byLocale.some(([locale, text]) => typeof text !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale))) {
      throw new SettingsError(`OAUTH2_SCOPES: the description of "${name}" must be a string or an object of language → string such as {"en": "...", "de": "..."}`);
    }
    translations[name] = Object.fromEntries(byLocale) as Record<string, string>;
    descriptions[name] = translations[name].en ?? (byLocale[0]![1] as string);
  }
  return { descriptions, translations };
}

export function parseSettings(env: Env): Readonly<AppSettings> {
  const { descriptions: scopeMap, translations: scopeTranslations } = scopes(env);
  const known = (name: string, values: string[]) => {
    for (const v of values) {
      if (v !== '__all__' && !(v in scopeMap)) throw new SettingsError(`${name}: "${v}" is not in OAUTH2_SCOPES`);
    }
    return values.includes('__all__') ? Object.keys(scopeMap) : values;
  };
  const approval = env.OAUTH2_REQUEST_APPROVAL_PROMPT || defaultSettings.requestApprovalPrompt;
  if (approval !== 'force' && approval !== 'auto') {
    throw new SettingsError(`OAUTH2_REQUEST_APPROVAL_PROMPT: expected force or auto, got "${approval}"`);
  }
  const issuer = env.OAUTH2_ISSUER?.trim() || null;
  if (issuer) {
    let u: URL | null = null;
    try {
      u = new URL(issuer);
    } catch {
      /* reported below */
    }
    // RFC 8414 §2: https, no query or fragment.
    if (!u || (u.protocol !== 'https:' && u.hostname !== 'localhost' && u.hostname !== '127.0.0.1') || u.search || u.hash) {
      throw new SettingsError(`OAUTH2_ISSUER: expected an https URL with no query or fragment, got "${issuer}"`);
    }
  }
  const schemes = list(env, 'OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES', defaultSettings.allowedRedirectUriSchemes).map((s) => s.toLowerCase());
  for (const s of schemes) {
    if (!/^[a-z][a-z0-9+.-]*$/.test(s) || ['javascript', 'data', 'file', 'vbscript'].includes(s)) {
      throw new SettingsError(`OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES: "${s}" is not an allowed scheme`);
    }
  }
  const settings: AppSettings = {
    accessTokenExpireSeconds: int(env, 'OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS', defaultSettings.accessTokenExpireSeconds, 1),
    authorizationCodeExpireSeconds: int(env, 'OAUTH2_AUTHORIZATION_CODE_EXPIRE_SECONDS', defaultSettings.authorizationCodeExpireSeconds, 1),
    refreshTokenExpireSeconds: optionalInt(env, 'OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS', defaultSettings.refreshTokenExpireSeconds),
    refreshTokenGracePeriodSeconds: int(env, 'OAUTH2_REFRESH_TOKEN_GRACE_PERIOD_SECONDS', defaultSettings.refreshTokenGracePeriodSeconds),
    rotateRefreshToken: bool(env, 'OAUTH2_ROTATE_REFRESH_TOKEN', defaultSettings.rotateRefreshToken),
    scopes: scopeMap,
    defaultScopes: known('OAUTH2_DEFAULT_SCOPES', list(env, 'OAUTH2_DEFAULT_SCOPES', defaultSettings.defaultScopes.filter((s) => s in scopeMap))),
    readScope: env.OAUTH2_READ_SCOPE || defaultSettings.readScope,
    writeScope: env.OAUTH2_WRITE_SCOPE || defaultSettings.writeScope,
    allowedRedirectUriSchemes: schemes,
    requestApprovalPrompt: approval,
    pkceRequired: bool(env, 'OAUTH2_PKCE_REQUIRED', defaultSettings.pkceRequired),
    pkceAllowPlain: bool(env, 'OAUTH2_PKCE_ALLOW_PLAIN', defaultSettings.pkceAllowPlain),
    errorResponseWithScopes: bool(env, 'OAUTH2_ERROR_RESPONSE_WITH_SCOPES', defaultSettings.errorResponseWithScopes),
    issuer: issuer ? issuer.replace(/\/$/, '') : null,
    idTokenExpireSeconds: int(env, 'OAUTH2_ID_TOKEN_EXPIRE_SECONDS', defaultSettings.idTokenExpireSeconds, 1),
    keyRotationGraceSeconds: int(env, 'OAUTH2_KEY_ROTATION_GRACE_SECONDS', defaultSettings.keyRotationGraceSeconds),
    pendingAuthorizationExpireSeconds: defaultSettings.pendingAuthorizationExpireSeconds,
    resources: resourcesSetting(env),
    deviceCodeExpireSeconds: int(env, 'OAUTH2_DEVICE_CODE_EXPIRE_SECONDS', defaultSettings.deviceCodeExpireSeconds, 5),
    requirePushedAuthorizationRequests: bool(env, 'OAUTH2_REQUIRE_PUSHED_AUTHORIZATION_REQUESTS', defaultSettings.requirePushedAuthorizationRequests),
    dpopNonce: bool(env, 'OAUTH2_DPOP_NONCE', defaultSettings.dpopNonce),
    allowTokenInQuery: bool(env, 'OAUTH2_ALLOW_TOKEN_IN_QUERY', false),
    resourceServer: resourceServer(env),
    clients: parseClientRegistrationSettings(env),
    observability: parseObservabilitySettings(env),
    rateLimits: parseRateLimitSettings(env),
    mail: parseMailSettings(env),
    accounts: parseAccountSettings(env),
    audit: parseAuditSettings(env),
    factors: parseFactorSettings(env),
    branding: parseBrandingSettings(env),
    scopeTranslations,
    uiLocalesSupported: [...LOCALES],
    logout: parseLogoutSettings(env),
  };
  return Object.freeze(settings);
}

let cached: Readonly<AppSettings> | undefined;

/** The process's settings, parsed on first use (the server parses them at start, so a bad value stops it). */
export function getSettings(): Readonly<AppSettings> {
  cached ??= parseSettings(process.env);
  return cached;
}
