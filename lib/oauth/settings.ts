/** The settings the engine consumes. Values are built (with DOT's defaults) in lib/config/settings.ts. */
import { defaultClientRegistrationSettings, type ClientRegistrationSettings } from './registration-settings';

export interface Settings {
  /** OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS (DOT default 36000). */
  accessTokenExpireSeconds: number;
  /** OAUTH2_AUTHORIZATION_CODE_EXPIRE_SECONDS (DOT default 60). */
  authorizationCodeExpireSeconds: number;
  /** OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS: refresh tokens older than this stop working; null = never (DOT). */
  refreshTokenExpireSeconds: number | null;
  /** OAUTH2_REFRESH_TOKEN_GRACE_PERIOD_SECONDS: a rotated refresh token still works this long (DOT default 0). */
  refreshTokenGracePeriodSeconds: number;
  /** OAUTH2_ROTATE_REFRESH_TOKEN (DOT default true). */
  rotateRefreshToken: boolean;
  /** OAUTH2_SCOPES: name → description. */
  scopes: Record<string, string>;
  /** OAUTH2_DEFAULT_SCOPES: granted when a request names none. */
  defaultScopes: string[];
  /** OAUTH2_READ_SCOPE / OAUTH2_WRITE_SCOPE: used by the resource-server read/write rule. */
  readScope: string;
  writeScope: string;
  /** OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES: beyond https; `http` restores DOT's old behaviour for non-loopback hosts. */
  allowedRedirectUriSchemes: string[];
  /** OAUTH2_REQUEST_APPROVAL_PROMPT: DOT's approval_prompt default (force | auto). */
  requestApprovalPrompt: 'force' | 'auto';
  /** OAUTH2_PKCE_REQUIRED: PKCE for every client, not only public ones. */
  pkceRequired: boolean;
  /** OAUTH2_PKCE_ALLOW_PLAIN (default off): accept code_challenge_method=plain (and an omitted method, which RFC 7636 §4.3 makes plain) for old clients. */
  pkceAllowPlain: boolean;
  /** OAUTH2_ERROR_RESPONSE_WITH_SCOPES: 403s name the scopes required. */
  errorResponseWithScopes: boolean;
  /** OAUTH2_ISSUER: the issuer identifier; null derives it from the request's origin (development). */
  issuer: string | null;
  /** OAUTH2_ID_TOKEN_EXPIRE_SECONDS (DOT default 36000). */
  idTokenExpireSeconds: number;
  /** How long a retired signing key stays in the JWKS after `manage rotatekeys` (OAUTH2_KEY_ROTATION_GRACE_SECONDS). */
  keyRotationGraceSeconds: number;
  /** How long a pending authorization request waits for sign-in and consent. */
  pendingAuthorizationExpireSeconds: number;
  /** OAUTH2_RESOURCES: resource indicators (RFC 8707) accepted besides this app's APIs and those applications declare. */
  resources: string[];
  /** OAUTH2_DEVICE_CODE_EXPIRE_SECONDS: RFC 8628 device codes (an application may shorten it). */
  deviceCodeExpireSeconds: number;
  /** OAUTH2_REQUIRE_PUSHED_AUTHORIZATION_REQUESTS: RFC 9126 §5, /o/authorize takes only pushed requests. */
  requirePushedAuthorizationRequests: boolean;
  /** Dynamic registration, client ID metadata documents and any-origin CORS (OAUTH2_MCP; lib/agents/settings.ts). */
  clients: ClientRegistrationSettings;
}

export const defaultSettings: Settings = {
  accessTokenExpireSeconds: 36000,
  authorizationCodeExpireSeconds: 60,
  refreshTokenExpireSeconds: null,
  refreshTokenGracePeriodSeconds: 0,
  rotateRefreshToken: true,
  scopes: {
    read: 'Reading scope',
    write: 'Writing scope',
    introspection: 'Introspect token scope',
    openid: 'Sign you in with your account (OpenID Connect)',
    profile: 'Your name',
    email: 'Your email address',
    roles: 'Your roles in this organisation',
  },
  defaultScopes: ['read', 'write'],
  readScope: 'read',
  writeScope: 'write',
  allowedRedirectUriSchemes: ['https'],
  requestApprovalPrompt: 'force',
  pkceRequired: false,
  pkceAllowPlain: false,
  errorResponseWithScopes: false,
  issuer: null,
  idTokenExpireSeconds: 36000,
  keyRotationGraceSeconds: 86400,
  pendingAuthorizationExpireSeconds: 600,
  resources: [],
  deviceCodeExpireSeconds: 600,
  requirePushedAuthorizationRequests: false,
  clients: defaultClientRegistrationSettings,
};
