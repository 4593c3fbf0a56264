/** What every endpoint receives: storage, settings, clock, signals, and the few framework hooks. */
import type { EventBus } from './events';
import type { Settings } from './settings';
import type { Store } from './store';

export interface SignedInUser {
  userId: string;
  /** Epoch seconds of the sign-in (OIDC auth_time, max_age, prompt=login). */
  authTime: number;
  /** Whether the account's email address is proved (for accountHold, read with the session; absent = not proved). */
  emailVerified?: boolean;
  /** RFC 8176 amr values the sign-in earned (issue 22); absent = none recorded. */
  authMethods?: string[];
  /** The operator role, for OAUTH2_REQUIRE_MFA=operators; absent = false. */
  operator?: boolean;
  /**
   * The browser session (user_sessions.id): the ID token's `sid`, kept with codes and tokens so
   * a sign-out reaches the applications it signed into (OIDC Back-Channel Logout). Absent: none.
   */
  sessionId?: string;
}

/** OIDC Core §2: signs id_tokens (lib/oauth/oidc); absent until OpenID Connect is configured. */
export interface IdTokenSigner {
  sign(input: {
    client: import('./store').ClientRecord;
    userId: string;
    nonce: string | null;
    authTime: Date | null;
    /** OIDC Core §2 amr and acr (issue 22); absent or empty: not claimed. */
    authMethods?: string[] | null;
    acr?: string | null;
    /** OIDC Back-Channel Logout §2.1: the session's `sid`; absent or null: not claimed. */
    sessionId?: string | null;
    accessToken?: string;
    scope: string[];
    /** The issuer the request was made to (RFC 8414 §2; the setting, or the request's origin). */
    issuer: string;
  }): Promise<string>;
}

export interface Deps {
  store: Store;
  settings: Readonly<Settings>;
  clock: () => Date;
  events: EventBus;
  /**
   * Whether a thrown error means the storage is away for now (database restarting, connection
   * lost, statement timeout): answered 503 temporarily_unavailable with Retry-After, not 500.
   */
  isUnavailable?: (e: unknown) => boolean;
  /** Who is signed in to this server in the browser making the request (authorize only). */
  currentUser: (req: Request) => Promise<SignedInUser | null>;
  /**
   * argon2 verification. A null hash (no such account, or one without a password) must still
   * cost one verification against a dummy hash and answer false: the time must not tell.
   */
  verifyPassword: (hash: string | null, password: string) => Promise<boolean>;
  /**
   * A page the signed-in person must visit before any authorization completes (e.g. an
   * unverified email under OAUTH2_SIGNUP=verified → '/verify-email'), or null. Absent: none.
   * It reads the account as the caller already loaded it (the session's user, the password
   * grant's row): no query of its own.
   */
  accountHold?: (account: { id: string; emailVerified: boolean }) => string | null;
  /** Where the browser signs in, and the consent and error pages (paths on this server). */
  paths: { login: string; consent: string; error: string; /** prompt=select_account (default /o/select-account). */ selectAccount?: string; /** The second sign-in step (default /login/verify). */ secondFactor?: string };
  idTokens?: IdTokenSigner;
  /** OIDC signing keys (JWKS, id_token_hint verification). */
  keys?: import('./oidc/keys').KeyRing;
  /** RFC 8707: resource identifiers of this app's own protected APIs, for the issuer a request was made to. */
  protectedResources?: (issuer: string) => string[];
  /** Fetches a client ID metadata document (SSRF-safe; lib/agents/fetch-metadata-document.ts); absent: documents are not fetched. */
  fetchMetadataDocument?: import('./client-id-metadata-document').MetadataDocumentFetcher;
  /** Fetches a client's jwks_uri for private_key_jwt (SSRF-safe, as metadata documents); absent: only inline jwks work. */
  fetchJwks?: import('./client-assertion').JwksFetcher;
  /** Signs the browser out of this server (RP-initiated logout). */
  signOut?: (req: Request) => Promise<void>;
  /**
   * Issue 22, OAUTH2_REQUIRE_MFA: whether this signed-in person must have used two factors before
   * any authorization completes (besides acr_values and the application's requireMfa). Absent: no.
   */
  requireMfa?: (user: SignedInUser) => boolean;
  /**
   * RFC 9449 §8 / §9: server-provided DPoP nonces (OAUTH2_DPOP_NONCE, lib/oauth/dpop/nonce.ts).
   * Present: every DPoP proof must carry a current one. Absent: nonces are not used.
   */
  dpopNonces?: import('./dpop/nonce').DpopNonces;
  /**
   * Issue 19: the deployer's custom claims (lib/extensions/claims.ts or OAUTH2_CLAIMS_MODULE) for
   * ID tokens, userinfo, introspection and JWT access tokens; absent: none, and no lookup is made.
   */
  extraClaims?: import('./claims-extension').ExtraClaims;
  /**
   * RFC 7523 client_secret_jwt: seals a client secret for storage and opens it to check an HMAC
   * assertion (lib/applications/secret-sealing.ts). Absent: client_secret_jwt is not offered.
   */
  clientSecretSealer?: import('./client-secret-jwt').ClientSecretSealer;
  /** Rate limits (lib/rate-limit); absent when they are off, and then nothing is counted. */
  limits?: import('./rate-limit').RateLimits;
}

/** RFC 8414 §2 issuer: the setting, or the request's origin in development. */
export function issuerFor(req: Request, settings: Pick<Settings, 'issuer'>): string {
  if (settings.issuer) return settings.issuer;
  // Development default: the origin the client used (the Host header; frameworks may rewrite req.url's host).
  const url = new URL(req.url);
  const host = req.headers.get('host');
  return host ? `${url.protocol}//${host}` : url.origin;
}
