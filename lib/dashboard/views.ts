/**
 * What the dashboard shows, as plain data: lib/db's queries return these, and components take
 * them as props without knowing where they came from (components never import lib/db).
 */

export interface ApplicationSummary {
  id: string;
  name: string;
  clientId: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  createdAt: Date;
  /** People who authorized it (consents). */
  userCount: number;
  /** Access tokens neither revoked nor expired. */
  activeTokenCount: number;
}

/** An application that registered itself (RFC 7591 or a client ID metadata document): operators see these. */
export interface SelfRegisteredSummary extends ApplicationSummary {
  registeredVia: 'dynamic' | 'metadata_document';
  redirectUris: string[];
}

export interface ApplicationDetails extends ApplicationSummary {
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  /** RFC 8707: resource URIs it serves as a resource server. */
  resources: string[];
  skipAuthorization: boolean;
  algorithm: string;
  updatedAt: Date;
  /** Whether a secret is set (its digest never leaves this module). */
  hasSecret: boolean;
  /** Requests per minute at token, introspect and revoke: null = the settings', 0 = no limit. */
  rateLimit: number | null;
  /** RFC 9126 §5 "Require PAR". */
  requirePushedAuthorizationRequests: boolean;
  /** RFC 7523: 'private_key_jwt', or null/another RFC 7591 method (a secret); its public keys. */
  tokenEndpointAuthMethod: string | null;
  jwks: unknown;
  jwksUri: string | null;
  /** RFC 9068: 'jwt' or 'opaque' access tokens. */
  accessTokenFormat: 'opaque' | 'jwt';
  /** Issue 19 policy (lib/applications/policy.ts): null = the server's defaults. */
  allowedScopes: string[] | null;
  accessTokenLifetime: number | null;
  refreshTokenLifetime: number | null;
  idTokenLifetime: number | null;
  issueRefreshTokens: boolean;
  resourceServer: boolean;
  /** Secret rotation with overlap: when the previous secret stops working (null = none is kept). */
  previousSecretExpiresAt: Date | null;
  /** Set when the owner or an operator disabled it. */
  disabledAt: Date | null;
  /** Issue 22 "Require two-factor sign-in". */
  requireMfa: boolean;
  /** RFC 9449 "Require DPoP". */
  requireDpop: boolean;
  /** OIDC Back-Channel Logout. */
  backchannelLogoutUri: string | null;
  backchannelLogoutSessionRequired: boolean;
  /** Issue 23: who it is, as stored (RFC 7591 logo_uri, client_uri, policy_uri, tos_uri); null = none. */
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
}

export interface DailyCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  count: number;
}

export interface AuthorizationSummary {
  /** The consent's id: what /o/authorized-tokens/[id] names. */
  id: string;
  applicationId: string;
  applicationName: string;
  /** 'dynamic' and 'metadata_document' clients registered themselves (the page says so). */
  registeredVia: 'dashboard' | 'dynamic' | 'metadata_document';
  scopes: string[];
  createdAt: Date;
  updatedAt: Date;
  /** When the application last got an access token for this user; null if never. */
  lastUsedAt: Date | null;
  activeTokenCount: number;
  /** Issue 23: the application's logo when the operator allows its host (set by the page, lib/consent/client-logos.ts). */
  logoUri?: string | null;
}
