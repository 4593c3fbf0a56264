/**
 * Every storage call the engine makes, as types only. lib/db/engine-store.ts implements it with
 * Drizzle; there is no in-memory fake: integration tests (*.db.test.ts) run that real
 * implementation on PGlite or PostgreSQL. Methods say the intent, not the SQL.
 */

export type ClientType = 'confidential' | 'public';

export interface ClientRecord {
  id: string;
  clientId: string;
  clientSecretDigest: string | null;
  clientType: ClientType;
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  /** RFC 8707: the resource URIs it serves as a resource server; it may introspect tokens for them (absent in fakes: none). */
  resources?: string[];
  name: string;
  ownerId: string | null;
  skipAuthorization: boolean;
  algorithm: string;
  /** How it became a client (absent in fakes: 'dashboard'). */
  registeredVia?: RegisteredVia;
  /** Client ID metadata documents: when the document was last fetched. */
  metadataFetchedAt?: Date | null;
  /** Its own limit, requests per minute at each of token, introspect and revoke: null = the settings', 0 = none. */
  rateLimit: number | null;
  /** Marked by an operator: may introspect any token (RFC 7662 §4); absent in fakes = false. */
  resourceServer?: boolean;
  /** RFC 7591 token_endpoint_auth_method as registered; null or absent = any method its type allows. */
  tokenEndpointAuthMethod?: string | null;
  /**
   * Set by an operator (or its owner): the client fails authentication (RFC 6749 §5.2
   * invalid_client), /o/authorize shows the error page, and its tokens are inactive. Absent in fakes = enabled.
   */
  disabledAt?: Date | null;
  /** RFC 8628: its own device code lifetime in seconds (null or absent: the setting's). */
  deviceCodeLifetime?: number | null;
  /** RFC 9126 §5: /o/authorize takes only its pushed requests. Absent in fakes = false. */
  requirePushedAuthorizationRequests?: boolean;
  /** RFC 7523 private_key_jwt: its public keys, inline (a JWK Set) or by URL; absent in fakes = none. */
  jwks?: unknown;
  jwksUri?: string | null;
  /** RFC 9068: 'jwt' access tokens, or opaque ones (absent = 'opaque'). */
  accessTokenFormat?: 'opaque' | 'jwt';
  /** Issue 19: the scopes it may request; null or absent = every offered scope but `introspection` (lib/oauth/client-scopes.ts). */
  allowedScopes?: string[] | null;
  /** Issue 19: lifetimes in seconds replacing the settings'; null or absent = the setting. */
  accessTokenLifetime?: number | null;
  refreshTokenLifetime?: number | null;
  idTokenLifetime?: number | null;
  /** DOT's refresh_token_allowed: false = the code and password grants issue no refresh token. Absent = true. */
  issueRefreshTokens?: boolean;
  /** Secret rotation with overlap: the previous secret's digest, accepted until previousSecretExpiresAt. */
  previousSecretDigest?: string | null;
  previousSecretExpiresAt?: Date | null;
  /** RFC 7523 client_secret_jwt only: the secret (and during an overlap the previous one) sealed, to check HMACs. */
  clientSecretSealed?: string | null;
  previousSecretSealed?: string | null;
  /** Issue 22 "Require two-factor sign-in": its users must have signed in with two factors. Absent = false. */
  requireMfa?: boolean;
  /** RFC 9449 "Require DPoP" (RFC 7591 dpop_bound_access_tokens): token requests need a DPoP proof. Absent = false. */
  requireDpop?: boolean;
  /** OIDC Back-Channel Logout 1.0 §2.2; absent in fakes = none. */
  backchannelLogoutUri?: string | null;
  backchannelLogoutSessionRequired?: boolean;
}

export type RegisteredVia = 'dashboard' | 'dynamic' | 'metadata_document';

/** RFC 7591 §2 client metadata as registered (wire names), kept in applications.client_metadata. */
export type ClientMetadata = Record<string, unknown>;

/** A client that registered itself (RFC 7591) with what its configuration endpoint (RFC 7592) needs. */
export interface RegisteredClientRecord {
  client: ClientRecord;
  registrationAccessTokenDigest: string | null;
  metadata: ClientMetadata;
  createdAt: Date;
}

/** What a dynamic registration or a metadata document sets on the application row. */
export interface SelfRegisteredClient {
  clientType: ClientType;
  clientSecretDigest: string | null;
  /** client_secret_jwt: the secret sealed (Deps.clientSecretSealer); null otherwise. */
  clientSecretSealed?: string | null;
  /** RFC 7591 token_endpoint_auth_method as registered: the one method client authentication accepts. */
  tokenEndpointAuthMethod: string;
  /** RFC 7523 private_key_jwt: its public keys (absent = none). */
  jwks?: unknown;
  jwksUri?: string | null;
  grantTypes: string[];
  redirectUris: string[];
  name: string;
  metadata: ClientMetadata;
  /** RFC 9126 §6 require_pushed_authorization_requests (absent = false). */
  requirePushedAuthorizationRequests?: boolean;
  /** RFC 7591 §2 `scope` as registered: the scopes it may request (null = the server's non-privileged ones). */
  allowedScopes?: string[] | null;
  /** RFC 9449 §5.2 dpop_bound_access_tokens (absent = false). */
  requireDpop?: boolean;
  /** OIDC Back-Channel Logout 1.0 §2.2 (absent = none). */
  backchannelLogoutUri?: string | null;
  backchannelLogoutSessionRequired?: boolean;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  passwordHash: string | null;
  /** Set by an operator: no sign-in, no password grant, tokens inactive. Absent in fakes = active. */
  disabledAt?: Date | null;
  /** The operator role (users.operator); the app's pages read it, the engine does not. */
  operator?: boolean;
  /** Operator-managed role names (issue 19), released with the `roles` scope. Absent in fakes = none. */
  roles?: string[];
}

export interface NewAuthorizationCode {
  codeDigest: string;
  applicationId: string;
  userId: string;
  redirectUri: string | null;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  nonce: string | null;
  authTime: Date | null;
  expiresAt: Date;
  /** RFC 8707: the resources the authorization request named; null or absent = not restricted. */
  resources?: string[] | null;
  /** How the person signed in (RFC 8176 amr) and the acr it earned, for the ID token (issue 22). */
  authMethods?: string[] | null;
  acr?: string | null;
  /** RFC 9449 §10: the DPoP key thumbprint the authorization request bound the code to (null: none). */
  dpopJkt?: string | null;
  /** The browser session that approved it (user_sessions.id, the ID token's sid); absent: none. */
  sessionId?: string | null;
}

export interface AuthorizationCodeRecord extends NewAuthorizationCode {
  id: number;
  consumedAt: Date | null;
}

export interface NewAccessToken {
  tokenDigest: string;
  applicationId: string;
  userId: string | null;
  scope: string;
  expiresAt: Date;
  authorizationCodeId: number | null;
  familyId: string | null;
  /** From the engine's clock, so iat and expiry arithmetic agree with exp (house rule 9). */
  createdAt: Date;
  /** RFC 8707: the resources the token is for (introspection's aud); null or absent = not restricted. */
  audience?: string[] | null;
  /** RFC 9449: the DPoP key thumbprint it is bound to (cnf.jkt); null or absent = a bearer token. */
  jkt?: string | null;
  /** RFC 8693 §4.1: who acts on the subject's behalf (exchanged tokens); absent = nobody. */
  actor?: Actor | null;
  /** RFC 8693: the access token this one was exchanged from; absent = not exchanged. */
  subjectTokenId?: number | null;
  /** The browser session it was issued in (OAUTH2_LOGOUT_REVOKES_TOKENS); absent = none. */
  sessionId?: string | null;
}

/**
 * RFC 8693 §4.1 `act`: the party acting for the token's subject, its own earlier actors nested
 * inside (the most recent actor outermost). Wire names, stored as they are emitted.
 */
export interface Actor {
  sub: string;
  client_id?: string;
  act?: Actor;
}

export interface NewRefreshToken {
  tokenDigest: string;
  applicationId: string;
  userId: string | null;
  scope: string;
  familyId: string;
  authorizationCodeId: number | null;
  authTime: Date | null;
  /** From the engine's clock: OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS counts from it. */
  createdAt: Date;
  /** RFC 8707 §2.2: the grant's resources, kept across rotation; each access token may narrow them. */
  resources?: string[] | null;
  /** The sign-in's amr and acr, kept across rotation for refreshed ID tokens (issue 22). */
  authMethods?: string[] | null;
  acr?: string | null;
  /** RFC 9449 §5: a public client's refresh token is bound to its DPoP key (null or absent = not bound). */
  jkt?: string | null;
  /** The browser session of the sign-in, carried to every token the family issues. */
  sessionId?: string | null;
}

/**
 * What new tokens are issued from: an authorization code, or a refresh token. `repoint` (a
 * refresh token that is not rotated): the refresh token now names the new access token.
 */
export type IssuedFrom = { authorizationCodeId: number } | { refreshTokenId: number; repoint?: boolean };

export interface RefreshTokenRecord extends NewRefreshToken {
  id: number;
  accessTokenId: number | null;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** An access token with what introspection and resource servers need, from one indexed query. */
export interface AccessTokenRecord {
  id: number;
  applicationId: string;
  clientId: string;
  userId: string | null;
  username: string | null;
  /** Whether the user confirmed that email (introspection returns it only then); null without a user. */
  emailVerified: boolean | null;
  scope: string;
  expiresAt: Date;
  createdAt: Date;
  revokedAt: Date | null;
  familyId: string | null;
  /** RFC 8707: from the same row, so tokens without an audience cost nothing extra. */
  audience: string[] | null;
  /** RFC 9449: the DPoP key thumbprint it is bound to (cnf.jkt); null = a bearer token. Absent in fakes = null. */
  jkt?: string | null;
  /** From the same query (the joined application and user): a disabled one makes the token inactive. Absent in fakes = false. */
  applicationDisabled?: boolean;
  userDisabled?: boolean;
  /**
   * RFC 8693: the delegation chain of an exchanged token, and the token it came from. An exchanged
   * token whose subject (or any token up its chain) is revoked or gone comes back with revokedAt set.
   */
  actor?: Actor | null;
  subjectTokenId?: number | null;
  /** The browser session it was issued in (absent: none). */
  sessionId?: string | null;
  /** The user's roles, from the same join (introspection releases them with the `roles` scope). */
  userRoles?: string[] | null;
}

export interface PendingAuthorizationRecord {
  id: string;
  applicationId: string;
  userId: string | null;
  request: AuthorizationRequest;
  expiresAt: Date;
  createdAt: Date;
}

/** A validated authorization request (RFC 6749 §4.1.1 / OIDC Core §3.1.2.1), kept server-side. */
export interface AuthorizationRequest {
  clientId: string;
  responseType: string;
  /** The redirect URI the response goes to (after defaulting). */
  redirectUri: string;
  /** Whether redirect_uri was sent: then the token request must repeat it (§4.1.3). */
  redirectUriSent: boolean;
  scope: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  nonce: string | null;
  prompt: string[];
  maxAge: number | null;
  loginHint: string | null;
  approvalPrompt: 'force' | 'auto';
  responseMode: 'query' | 'fragment';
  /** RFC 9207: the issuer this request was made to, returned as `iss` with the response. */
  issuer: string;
  /** RFC 8707: the resources named (absent in requests stored before resource indicators). */
  resources?: string[];
  /** OIDC Core §3.1.2.1 acr_values, in order of preference (absent: none asked for). */
  acrValues?: string[];
  /** RFC 9449 §10: dpop_jkt (or, through PAR, the key of the DPoP proof sent there); the code is bound to it. */
  dpopJkt?: string;
  /** OIDC Core §3.1.2.1 ui_locales, in order of preference (absent: the pages follow the browser). */
  uiLocales?: string[];
}

export interface SigningKeyRecord {
  kid: string;
  alg: string;
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
  createdAt: Date;
  retiredAt: Date | null;
  expiresAt: Date | null;
}

export type { DeviceAuthorizationRecord, DeviceAuthorizationStore, NewDeviceAuthorization, DevicePoll } from './device/store';
export type { PushedRequestStore } from './par/store';
import type { DeviceAuthorizationStore } from './device/store';
import type { PushedRequestStore } from './par/store';

export interface Store extends DeviceAuthorizationStore, PushedRequestStore {
  findApplicationByClientId(clientId: string): Promise<ClientRecord | null>;
  /** CORS preflight: does any application list this origin? */
  isAllowedOrigin(origin: string): Promise<boolean>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  /** RFC 8707: which of these resource URIs some application declares it serves. */
  findDeclaredResources(resources: string[]): Promise<string[]>;

  createAuthorizationCode(code: NewAuthorizationCode): Promise<void>;
  /**
   * Atomically marks this client's code used. `firstUse` is false when it had been exchanged
   * before (a replay). Null for an unknown code or another client's (which stays unused).
   */
  consumeAuthorizationCode(codeDigest: string, applicationId: string, now: Date): Promise<{ code: AuthorizationCodeRecord; firstUse: boolean } | null>;
  /**
   * RFC 6749 §4.1.2: tokens issued from a replayed code are revoked, and the code tombstoned
   * (authorization_codes.revoked_at), so an issuance racing the revocation inserts nothing.
   */
  revokeTokensFromCode(authorizationCodeId: number, now: Date): Promise<void>;

  /**
   * Inserts an access token and, when given, its refresh token (linked), in one round trip.
   * With `from` (a code or a refresh token) they are inserted only while that parent is not
   * revoked, under its row lock; false when it was (nothing inserted).
   */
  issueTokens(access: NewAccessToken, refresh: NewRefreshToken | null, from?: IssuedFrom): Promise<boolean>;
  findAccessToken(tokenDigest: string): Promise<AccessTokenRecord | null>;
  findRefreshToken(tokenDigest: string): Promise<RefreshTokenRecord | null>;
  /** Marks this client's unrotated, unrevoked refresh token rotated; null when another request got there first (or it is not this client's). */
  claimRefreshToken(tokenDigest: string, applicationId: string, now: Date): Promise<RefreshTokenRecord | null>;
  revokeAccessToken(id: number, now: Date): Promise<void>;
  /** Revokes a refresh token, its whole rotation family and their access tokens (RFC 7009 §2.1, RFC 9700 §4.14.2). */
  revokeTokenFamily(familyId: string, now: Date): Promise<void>;

  createPendingAuthorization(p: Omit<PendingAuthorizationRecord, 'createdAt'>): Promise<void>;
  findPendingAuthorization(id: string, now: Date): Promise<PendingAuthorizationRecord | null>;
  /** Binds a pending request to the user now signed in in that browser; only they can decide it. */
  bindPendingAuthorization(id: string, userId: string): Promise<void>;
  /** Single use: deletes and returns the request if it belongs to this user and has not expired. */
  consumePendingAuthorization(id: string, userId: string, now: Date): Promise<PendingAuthorizationRecord | null>;

  /** OIDC signing keys not yet expired (active and retired-but-published), newest first. */
  listSigningKeys(now: Date): Promise<SigningKeyRecord[]>;
  addSigningKey(key: Omit<SigningKeyRecord, 'createdAt' | 'retiredAt' | 'expiresAt'>, now: Date): Promise<void>;
  /** Stops every active key of `alg` signing (except `keepKid`); they stay published until `expiresAt`. */
  retireSigningKeys(alg: string, keepKid: string, now: Date, expiresAt: Date): Promise<void>;

  /** What the user approved for the application: scopes (space-separated) and RFC 8707 resources. */
  findConsent(userId: string, applicationId: string): Promise<{ scope: string; resources: string[] } | null>;
  /** Adds to what the user approved (a union of scopes and of resources), so auto approval covers both. */
  recordConsent(userId: string, applicationId: string, scope: string[], now: Date, resources?: string[]): Promise<void>;

  /** RFC 7591 §3: spends one use of an initial access token; false when unknown, revoked, expired or used up. */
  useInitialAccessToken(tokenDigest: string, now: Date): Promise<boolean>;
  /** RFC 7591 §3.2.1: a new owner-less application registered by the client itself. */
  createRegisteredClient(clientId: string, c: SelfRegisteredClient, registrationAccessTokenDigest: string, now: Date): Promise<ClientRecord>;
  /** RFC 7592: a dynamically registered client (null for any other kind). */
  findRegisteredClient(clientId: string): Promise<RegisteredClientRecord | null>;
  updateRegisteredClient(id: string, c: SelfRegisteredClient, now: Date): Promise<void>;
  deleteRegisteredClient(id: string): Promise<void>;
  /**
   * Client ID metadata documents: creates or refreshes the application whose client_id is the
   * document's URL. Null when that client_id belongs to an application registered another way.
   */
  saveMetadataDocumentClient(clientId: string, c: SelfRegisteredClient, now: Date): Promise<ClientRecord | null>;

  /**
   * RFC 7523 §3 (and RFC 9449 §11.1): records a JWT id as used until `expiresAt`, shared by
   * every instance. False when it was already used and has not expired (a replay).
   */
  useJti(key: string, expiresAt: Date, now: Date): Promise<boolean>;

  /** RFC 9068 per resource: whether an application serving one of these resources wants JWT access tokens. */
  resourcesWantJwtAccessTokens(resources: string[]): Promise<boolean>;

  /** OIDC Back-Channel Logout: this browser session signed into this application (kept once per pair). */
  recordSessionApplication(sessionId: string, applicationId: string, now: Date): Promise<void>;
}
