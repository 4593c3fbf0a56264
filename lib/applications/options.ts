/**
 * What an application can be: the one grant table, client types, ID-token algorithms and
 * rate-limit modes. Browser-safe (no imports): the form, the badges, the zod schema, the CLI,
 * the service and dynamic registration (lib/oauth/registration) all read these lists, so adding
 * a grant type here is what makes every one of them offer it.
 */

interface GrantOption {
  /** RFC 6749 grant_type as stored and sent on the wire. */
  value: string;
  /** The form's title and the list's badge. */
  label: string;
  /** Shorter, for badges where the label is long. */
  badge: string;
  description: string;
  /** RFC 9700 §2.1.2, §2.4: kept for DOT parity, marked legacy, off by default. */
  legacy: boolean;
  /** DOT's name (Application.GRANT_*), as `manage createapplication` takes it. */
  dotName: string;
  /** Sends the browser back to the client: at least one redirect URI is required. */
  needsRedirect: boolean;
  /** Only a client that can keep a secret may use it. */
  confidentialOnly: boolean;
  /** May a client that registers itself (RFC 7591, client ID metadata documents) ask for it. */
  selfRegistration: boolean;
  /** As DOT: a client with this grant may also use refresh_token (RFC 6749 §6). */
  refreshTokens: boolean;
}

/** In the order the form shows them: recommended first, legacy last. */
export const GRANTS = [
  {
    value: 'authorization_code',
    label: 'Authorization code',
    badge: 'Authorization code',
    description: 'Recommended. People sign in here and approve; your app exchanges a one-time code (with PKCE) for tokens.',
    legacy: false,
    dotName: 'authorization-code',
    needsRedirect: true,
    confidentialOnly: false,
    selfRegistration: true,
    refreshTokens: true,
  },
  {
    value: 'client_credentials',
    label: 'Client credentials',
    badge: 'Client credentials',
    description: 'Machine to machine: your app calls APIs as itself, with no person involved. Confidential clients only.',
    legacy: false,
    dotName: 'client-credentials',
    needsRedirect: false,
    confidentialOnly: true,
    selfRegistration: true,
    refreshTokens: false,
  },
  {
    // RFC 8628: the grant_type a device polls with (lib/oauth/device/grant-type.ts).
    value: 'urn:ietf:params:oauth:grant-type:device_code',
    label: 'Device code',
    badge: 'Device code',
    description: 'For TVs, command-line tools and other devices without a browser: people approve on their phone or computer by entering a short code.',
    legacy: false,
    dotName: 'device-code',
    needsRedirect: false,
    confidentialOnly: false,
    selfRegistration: true,
    refreshTokens: true,
  },
  {
    // RFC 8693: an API (an MCP server, an agent) trades a token it received for a narrower one to the next API.
    value: 'urn:ietf:params:oauth:grant-type:token-exchange',
    label: 'Token exchange',
    badge: 'Token exchange',
    description: 'For APIs and agents that call other APIs on a person’s behalf: trade a token sent to this application for a narrower one to the next API. Confidential clients only.',
    legacy: false,
    dotName: 'token-exchange',
    needsRedirect: false,
    confidentialOnly: true,
    selfRegistration: false,
    refreshTokens: false,
  },
  {
    value: 'implicit',
    label: 'Implicit',
    badge: 'Implicit',
    description: 'Returns tokens in the redirect URL, where browser history and referrers can leak them.',
    legacy: true,
    dotName: 'implicit',
    needsRedirect: true,
    confidentialOnly: false,
    selfRegistration: false,
    refreshTokens: false,
  },
  {
    value: 'password',
    label: 'Resource owner password',
    badge: 'Password',
    description: 'Your app collects people’s passwords and sends them here.',
    legacy: true,
    dotName: 'password',
    needsRedirect: false,
    confidentialOnly: false,
    selfRegistration: false,
    refreshTokens: true,
  },
] as const satisfies readonly GrantOption[];

export type GrantType = (typeof GRANTS)[number]['value'];
/** The grant types an application chooses (zod's enum wants the literal tuple). */
export const GRANT_TYPES = GRANTS.map((g) => g.value) as [GrantType, ...GrantType[]];
export const LEGACY_GRANT_TYPES: readonly GrantType[] = GRANTS.filter((g) => g.legacy).map((g) => g.value);

/**
 * RFC 6749 §6: not chosen on its own. The code and password grants issue refresh tokens; a stored
 * list may still name it (RFC 7591 clients register it, older rows and the CLI kept it).
 */
export const REFRESH_TOKEN = { value: 'refresh_token', badge: 'Refresh token' } as const;

/** What the token endpoint advertises (RFC 8414 grant_types_supported): every grant in the table, and refresh_token. */
export const SUPPORTED_GRANT_TYPES: readonly string[] = [...GRANTS.map((g) => g.value), REFRESH_TOKEN.value];

/** The grants refresh tokens come with (worked out once: the token endpoint asks on every request). */
const WITH_REFRESH_TOKENS: readonly string[] = GRANTS.filter((g) => g.refreshTokens).map((g) => g.value);

/** As DOT: refresh tokens come with the grants marked so (authorization code, password). */
export function mayUseGrant(clientGrants: readonly string[], grantType: string): boolean {
  if (clientGrants.includes(grantType)) return true;
  return grantType === REFRESH_TOKEN.value && WITH_REFRESH_TOKENS.some((g) => clientGrants.includes(g));
}

export function isGrantType(value: string): value is GrantType {
  return (GRANT_TYPES as readonly string[]).includes(value);
}

function grantOption(value: string): GrantOption | undefined {
  return GRANTS.find((g) => g.value === value);
}

/** What a badge says for a stored grant type (unknown ones as stored). */
export function grantBadge(value: string): string {
  if (value === REFRESH_TOKEN.value) return REFRESH_TOKEN.badge;
  return grantOption(value)?.badge ?? value;
}

export type ClientType = 'confidential' | 'public';
export const CLIENT_TYPES = [
  { value: 'confidential', label: 'Confidential', description: 'Runs on a server that can keep a secret. Gets a client secret.' },
  { value: 'public', label: 'Public', description: 'A browser or mobile app that can’t keep a secret. Uses PKCE, no secret.' },
] as const satisfies readonly { value: ClientType; label: string; description: string }[];
export const CLIENT_TYPE_VALUES = CLIENT_TYPES.map((t) => t.value) as [ClientType, ...ClientType[]];

/** OpenID Connect ID-token signing; '' = no ID tokens (OAuth 2.0 only). */
export const ALGORITHMS = [
  { value: '', label: 'None (OAuth 2.0 only)', cli: 'none' },
  { value: 'RS256', label: 'RS256 (RSA)', cli: 'RS256' },
  { value: 'ES256', label: 'ES256 (elliptic curve)', cli: 'ES256' },
] as const;
export type Algorithm = (typeof ALGORITHMS)[number]['value'];
export const ALGORITHM_VALUES = ALGORITHMS.map((a) => a.value) as [Algorithm, ...Algorithm[]];

/** An application's rate limit: the server's settings (stored null), its own requests per minute, or none (stored 0). */
export const RATE_LIMIT_MODES = [
  { value: 'default', label: 'Default', description: 'This server’s limits, the same for every application.' },
  { value: 'custom', label: 'Custom', description: 'Your own number of requests per minute.' },
  { value: 'none', label: 'No limit', description: 'Only for trusted, well-behaved clients.' },
] as const;
export type RateLimitMode = (typeof RATE_LIMIT_MODES)[number]['value'];
export const RATE_LIMIT_MODE_VALUES = RATE_LIMIT_MODES.map((r) => r.value) as [RateLimitMode, ...RateLimitMode[]];
export const MAX_RATE_LIMIT = 1_000_000;

/** The stored rate_limit column: null = the settings', 0 = no limit, else requests per minute. */
export function rateLimitMode(rateLimit: number | null): RateLimitMode {
  return rateLimit === null ? 'default' : rateLimit === 0 ? 'none' : 'custom';
}

export const NAME_MAX = 255;
/** How many entries each list may hold (the form, the CLI and the service check the same numbers). */
export const LIST_MAX = { redirectUris: 50, postLogoutRedirectUris: 50, allowedOrigins: 50, resources: 20 } as const;
