/**
 * Registering, changing, re-keying and deleting applications: the one place that does it, for
 * the dashboard's server actions (an owner, naming the application by id), the command line
 * (an operator, by client_id) and test factories. Server-only (node:crypto, lib/db).
 *
 * Every write runs the rules (rules.ts) on what the application will be, mints secrets here and
 * nowhere else (256 bits, shown once, stored as their SHA-256 digest), and leaves grant types
 * the caller does not choose (an explicit refresh_token) as they are. A refusal is an
 * ApplicationInputError naming the field; each caller words the field its own way.
 *
 * A caller that acts for someone passes `by` (the owner in the dashboard, an operator on the
 * command line): the change is then recorded in the audit trail (application.created, .updated,
 * .secret_rotated, .deleted) right after it is made. Test factories pass none.
 */
import type { ApplicationChanges, createApplicationStore, OperatorApplication, RevokedTokens, WhichApplication } from '@/lib/db/applications';
import { newClientId } from '@/lib/oauth/client-id';
import type { EventBus } from '@/lib/oauth/events';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { recordAudit, type AuditInput } from '@/lib/audit';
import { announceRevokedTokens } from '@/lib/server/revocation-events';
import type { JsonWebKeySet } from '@/lib/oauth/client-jwks';
import { KEY_AUTH_METHOD, SECRET_JWT_AUTH_METHOD, type TokenEndpointAuthMethod } from './key-rules';
import { clientSecretSealer } from './secret-sealing';
import { isGrantType, type ClientType, type GrantType } from './options';
import { applicationProblem, ApplicationInputError, type CheckedInput, type RedirectSettings } from './rules';
import { identityMetadataChanges } from './identity-rules';
import { policyProblem, type PolicyInput } from './policy';
import type { Settings } from '@/lib/oauth/settings';

/** What the rules need from the settings: redirect URI schemes and the offered scopes. */
export type ServiceSettings = RedirectSettings & Pick<Settings, 'scopes'>;

export type ApplicationStore = ReturnType<typeof createApplicationStore>;
export type { WhichApplication };

export interface ApplicationInput {
  name: string;
  clientType: ClientType;
  grantTypes: GrantType[];
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  allowedOrigins?: string[];
  /** Operators only (`createapplication --skip-authorization`): no consent page. */
  skipAuthorization?: boolean;
  /** OpenID Connect ID-token signing: '' (none), RS256 or ES256. */
  algorithm?: string;
  /** RFC 8707: resource URIs this application serves as a resource server (its tokens' audience). */
  resources?: string[];
  /** Requests per minute at token, introspect and revoke: null = the settings', 0 = no limit. */
  rateLimit?: number | null;
  /** Operators only (`createapplication --resource-server`): may introspect any token (RFC 7662 §4). */
  resourceServer?: boolean;
  /** RFC 8628: its device codes' lifetime in seconds (≥ 5; null = OAUTH2_DEVICE_CODE_EXPIRE_SECONDS). */
  deviceCodeLifetime?: number | null;
  /** RFC 9126 §5 "Require PAR": /o/authorize takes only its pushed requests. */
  requirePushedAuthorizationRequests?: boolean;
  /** RFC 7523: 'private_key_jwt' (no secret; its keys inline or by URL), 'client_secret_jwt' (a secret kept sealed) or null (a secret, as its type allows). */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  jwks?: JsonWebKeySet | null;
  jwksUri?: string | null;
  /** RFC 9068: 'jwt' access tokens, or 'opaque' (the default). */
  accessTokenFormat?: 'opaque' | 'jwt';
  /** Issue 22 "Require two-factor sign-in": its users sign in with two factors (a step-up when not). */
  requireMfa?: boolean;
  /** RFC 9449 "Require DPoP": token requests need a DPoP proof, so every token is bound to a key. */
  requireDpop?: boolean;
  /** OIDC Back-Channel Logout: where logout tokens go (null: none), and whether it needs sid in them. */
  backchannelLogoutUri?: string | null;
  backchannelLogoutSessionRequired?: boolean;
  ownerId: string | null;
  clientId?: string;
  clientSecret?: string;
  /** Issue 19 (lib/applications/policy.ts): scopes it may request (null = the server's non-privileged ones) and lifetimes (null = the settings'). */
  allowedScopes?: string[] | null;
  accessTokenLifetime?: number | null;
  refreshTokenLifetime?: number | null;
  idTokenLifetime?: number | null;
  /** DOT's refresh_token_allowed (default true). */
  issueRefreshTokens?: boolean;
  /**
   * Issue 23: who it is, shown on the consent page (RFC 7591 §2 logo_uri, client_uri, policy_uri,
   * tos_uri; identity-rules.ts). Kept in client_metadata, as dynamic registration keeps them; '' or null = none.
   */
  logoUri?: string | null;
  clientUri?: string | null;
  policyUri?: string | null;
  tosUri?: string | null;
}

/** What an update changes; absent keys stay. An owner's update never reaches owner, skip authorization or resource server (the store drops them). */
export type ApplicationUpdate = Partial<Omit<ApplicationInput, 'clientId' | 'clientSecret'>>;

/** Who made a change, for the audit trail. */
export type ApplicationActor = AuditInput['actor'];

function audit(by: ApplicationActor | undefined, type: string, app: { clientId: string; ownerId?: string | null }, detail: Record<string, unknown>): Promise<void> {
  return by ? recordAudit({ type, actor: by, clientId: app.clientId, userId: app.ownerId ?? null, detail }) : Promise.resolve();
}

function check(input: CheckedInput & PolicyInput, settings: ServiceSettings): void {
  const problem = applicationProblem(input, settings) ?? policyProblem(input, settings);
  if (problem) throw ApplicationInputError.of(problem);
}

/** RFC 7523 client_secret_jwt keeps its secret sealed (to check HMACs); every other method only its digest. */
function sealedFor(method: string | null | undefined, clientSecret: string | null): string | null {
  return method === SECRET_JWT_AUTH_METHOD && clientSecret ? clientSecretSealer().seal(clientSecret) : null;
}

export async function registerApplication(store: ApplicationStore, input: ApplicationInput, settings: ServiceSettings, by?: ApplicationActor) {
  check(input, settings);
  // A client that signs with its key has no secret: one it never uses could only leak.
  const usesSecret = input.clientType === 'confidential' && input.tokenEndpointAuthMethod !== KEY_AUTH_METHOD;
  const clientSecret = usesSecret ? (input.clientSecret ?? randomToken()) : null;
  const app = await store.createApplication({
    clientId: input.clientId ?? newClientId(),
    clientSecretDigest: clientSecret ? digest(clientSecret) : null,
    clientSecretSealed: sealedFor(input.tokenEndpointAuthMethod, clientSecret),
    clientType: input.clientType,
    grantTypes: [...input.grantTypes],
    redirectUris: input.redirectUris,
    postLogoutRedirectUris: input.postLogoutRedirectUris ?? [],
    allowedOrigins: input.allowedOrigins ?? [],
    name: input.name.trim(),
    ownerId: input.ownerId,
    skipAuthorization: input.skipAuthorization ?? false,
    algorithm: input.algorithm ?? '',
    resources: input.resources ?? [],
    rateLimit: input.rateLimit ?? null,
    resourceServer: input.resourceServer ?? false,
    deviceCodeLifetime: input.deviceCodeLifetime ?? null,
    requirePushedAuthorizationRequests: input.requirePushedAuthorizationRequests ?? false,
    tokenEndpointAuthMethod: input.tokenEndpointAuthMethod ?? null,
    jwks: input.jwks ?? null,
    jwksUri: input.jwksUri ?? null,
    accessTokenFormat: input.accessTokenFormat ?? 'opaque',
    allowedScopes: input.allowedScopes ?? null,
    accessTokenLifetime: input.accessTokenLifetime ?? null,
    refreshTokenLifetime: input.refreshTokenLifetime ?? null,
    idTokenLifetime: input.idTokenLifetime ?? null,
    issueRefreshTokens: input.issueRefreshTokens ?? true,
    requireMfa: input.requireMfa ?? false,
    requireDpop: input.requireDpop ?? false,
    backchannelLogoutUri: input.backchannelLogoutUri || null,
    backchannelLogoutSessionRequired: input.backchannelLogoutSessionRequired ?? false,
    clientMetadata: identityMetadata(input),
  });
  if (!app) throw new ApplicationInputError('clientId', `client_id "${input.clientId}" is already taken`);
  await audit(by, 'application.created', { clientId: app.clientId, ownerId: input.ownerId }, { application: app.name, clientType: input.clientType, grantTypes: input.grantTypes });
  return { application: app, clientSecret };
}

/**
 * Applies `update` to the application `which` names, after checking what it becomes. Changing
 * the client type changes the secret: a public client loses it (it could not keep it), a
 * confidential one without a secret gets one, returned to be shown once. Null when `which`
 * names no application (another owner's included).
 */
export async function updateApplication(
  store: ApplicationStore,
  which: WhichApplication,
  update: ApplicationUpdate,
  settings: ServiceSettings,
  by?: ApplicationActor,
): Promise<{ application: OperatorApplication; clientSecret: string | null } | null> {
  const app = await store.findApplication(which);
  if (!app) return null;
  // Grant types the caller does not choose (e.g. an explicit refresh_token) stay.
  const grantTypes = update.grantTypes ? [...update.grantTypes, ...app.grantTypes.filter((g) => !isGrantType(g))] : undefined;
  const clientType = update.clientType ?? app.clientType;
  const authMethod = update.tokenEndpointAuthMethod === undefined ? app.tokenEndpointAuthMethod : update.tokenEndpointAuthMethod;
  // A public client has no keys; leaving private_key_jwt drops them.
  const keyed = authMethod === KEY_AUTH_METHOD && clientType === 'confidential';
  check(
    {
      name: update.name ?? app.name,
      clientType,
      grantTypes: grantTypes ?? app.grantTypes,
      redirectUris: update.redirectUris ?? app.redirectUris,
      postLogoutRedirectUris: update.postLogoutRedirectUris ?? app.postLogoutRedirectUris,
      allowedOrigins: update.allowedOrigins ?? app.allowedOrigins,
      resources: update.resources ?? app.resources,
      rateLimit: update.rateLimit === undefined ? app.rateLimit : update.rateLimit,
      resourceServer: update.resourceServer ?? app.resourceServer,
      deviceCodeLifetime: update.deviceCodeLifetime,
      requireDpop: update.requireDpop ?? app.requireDpop,
      tokenEndpointAuthMethod: authMethod,
      jwks: keyed ? (update.jwks === undefined ? app.jwks : update.jwks) : null,
      jwksUri: keyed ? (update.jwksUri === undefined ? app.jwksUri : update.jwksUri) : null,
      allowedScopes: update.allowedScopes === undefined ? app.allowedScopes : update.allowedScopes,
      accessTokenLifetime: update.accessTokenLifetime === undefined ? app.accessTokenLifetime : update.accessTokenLifetime,
      refreshTokenLifetime: update.refreshTokenLifetime === undefined ? app.refreshTokenLifetime : update.refreshTokenLifetime,
      idTokenLifetime: update.idTokenLifetime === undefined ? app.idTokenLifetime : update.idTokenLifetime,
      backchannelLogoutUri: update.backchannelLogoutUri,
      // Only the links given are checked: one stored before the rule existed does not block other edits.
      logoUri: update.logoUri,
      clientUri: update.clientUri,
      policyUri: update.policyUri,
      tosUri: update.tosUri,
    },
    settings,
  );

  let clientSecret: string | null = null;
  let clientSecretDigest: string | null | undefined;
  const secretJwt = authMethod === SECRET_JWT_AUTH_METHOD && clientType === 'confidential';
  if (clientType === 'public' || keyed) clientSecretDigest = null;
  // A secret from before client_secret_jwt exists only as a digest, useless for an HMAC: a new one, shown once.
  else if (!app.hasSecret || (secretJwt && !app.hasSealedSecret)) {
    clientSecret = randomToken();
    clientSecretDigest = digest(clientSecret);
  }
  // Sealed only while the method needs it; leaving client_secret_jwt drops the sealed copy.
  const clientSecretSealed = !secretJwt ? null : clientSecret ? sealedFor(SECRET_JWT_AUTH_METHOD, clientSecret) : undefined;
  const changes: ApplicationChanges = {
    name: update.name?.trim(),
    clientType: update.clientType,
    grantTypes,
    redirectUris: update.redirectUris,
    postLogoutRedirectUris: update.postLogoutRedirectUris,
    allowedOrigins: update.allowedOrigins,
    resources: update.resources,
    algorithm: update.algorithm,
    rateLimit: update.rateLimit,
    ownerId: update.ownerId,
    skipAuthorization: update.skipAuthorization,
    resourceServer: update.resourceServer,
    deviceCodeLifetime: update.deviceCodeLifetime,
    requirePushedAuthorizationRequests: update.requirePushedAuthorizationRequests,
    allowedScopes: update.allowedScopes,
    accessTokenLifetime: update.accessTokenLifetime,
    refreshTokenLifetime: update.refreshTokenLifetime,
    idTokenLifetime: update.idTokenLifetime,
    issueRefreshTokens: update.issueRefreshTokens,
    requireMfa: update.requireMfa,
    requireDpop: update.requireDpop,
    // '' (a cleared form field or flag) removes it.
    backchannelLogoutUri: update.backchannelLogoutUri === undefined ? undefined : update.backchannelLogoutUri || null,
    backchannelLogoutSessionRequired: update.backchannelLogoutSessionRequired,
    clientSecretDigest,
    clientSecretSealed,
    tokenEndpointAuthMethod: update.tokenEndpointAuthMethod,
    ...(keyed ? { jwks: update.jwks, jwksUri: update.jwksUri } : { jwks: null, jwksUri: null }),
    accessTokenFormat: update.accessTokenFormat,
    // '' (a cleared form field or flag) removes a link; the rest of client_metadata stays.
    identity: identityMetadataChanges(update),
  };
  if (!(await store.updateApplication(which, changes))) return null;
  const application = await store.findApplication(which);
  if (!application) return null;
  // What changed, by name only (values may be long; never a secret).
  const changed = Object.keys(update).filter((k) => update[k as keyof ApplicationUpdate] !== undefined);
  await audit(by, 'application.updated', application, { application: application.name, changed, ...(clientSecret && { secretIssued: true }) });
  return { application, clientSecret };
}

/** A new application's client_metadata: the identity links it was given, or null (none, as before issue 23). */
function identityMetadata(input: ApplicationInput): Record<string, string> | null {
  const links = Object.entries(identityMetadataChanges(input)).filter((e): e is [string, string] => !!e[1]);
  return links.length ? Object.fromEntries(links) : null;
}

/** How long the previous secret may keep working after a rotation (issue 19): at most 7 days. */
export const MAX_SECRET_OVERLAP_SECONDS = 7 * 86400;

/**
 * A new client secret for a confidential application. With `overlapSeconds` the old one keeps
 * working that long (both are accepted, so a deployed service is re-keyed without downtime);
 * without, it stops with the next request. Null for a public client or when `which` names none.
 */
export async function rotateSecret(store: ApplicationStore, which: WhichApplication, by?: ApplicationActor, overlapSeconds = 0, now = new Date()): Promise<string | null> {
  if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_SECRET_OVERLAP_SECONDS) {
    throw new ApplicationInputError('clientSecret', `the overlap must be from 0 to ${MAX_SECRET_OVERLAP_SECONDS} seconds (7 days)`);
  }
  const clientSecret = randomToken();
  const until = overlapSeconds > 0 ? new Date(now.getTime() + overlapSeconds * 1000) : null;
  const app = await store.findApplication(which);
  if (!app) return null;
  if (!(await store.rotateSecret(which, digest(clientSecret), now, until, sealedFor(app.tokenEndpointAuthMethod, clientSecret)))) return null;
  if (by) await audit(by, 'application.secret_rotated', app, { application: app.name, overlapSeconds, ...(until && { previousExpiresAt: until.toISOString() }) });
  return clientSecret;
}

/** "Revoke now": the previous secret a rotation kept stops working at once. False when none was kept (or `which` names none). */
export async function revokePreviousSecret(store: ApplicationStore, which: WhichApplication, by?: ApplicationActor): Promise<boolean> {
  if (!(await store.revokePreviousSecret(which))) return false;
  if (by) {
    const app = await store.findApplication(which);
    if (app) await audit(by, 'application.previous_secret_revoked', app, { application: app.name });
  }
  return true;
}

/**
 * The owner's disable/enable switch (issue 19 item 4): the operators' disabled_at, so the same
 * enforcement (invalid_client, the error page at authorize, its tokens inactive). An owner may
 * not enable an application an operator disabled. 'refused' then; null when `which` names none.
 */
export async function setApplicationDisabledByOwner(
  store: ApplicationStore,
  which: { id: string; ownerId: string },
  disabled: boolean,
  by: ApplicationActor,
): Promise<'ok' | 'refused' | null> {
  const app = await store.findApplication(which);
  if (!app) return null;
  if (!disabled) {
    const last = await store.lastDisabledBy(app.clientId);
    if (last?.type === 'application.disabled' && last.actorType === 'operator') return 'refused';
  }
  if (!(await store.setDisabled(which, disabled))) return null;
  await audit(by, disabled ? 'application.disabled' : 'application.enabled', app, { application: app.name, by: 'owner' });
  return 'ok';
}

/**
 * Deletes the application; the database cascades to its tokens, codes, consents and pending
 * requests. `events` hears token_revoked for each token that was still live.
 */
export async function deleteApplication(store: ApplicationStore, which: WhichApplication, events?: EventBus, by?: ApplicationActor): Promise<RevokedTokens | null> {
  // The name and owner for the audit row, read before they are gone.
  const app = by ? await store.findApplication(which) : null;
  const deleted = await store.deleteApplication(which);
  if (deleted && events) announceRevokedTokens(events, deleted);
  if (deleted) await audit(by, 'application.deleted', { clientId: deleted.clientId, ownerId: app?.ownerId }, { application: app?.name ?? null, accessTokens: deleted.accessTokens, refreshTokens: deleted.refreshTokens });
  return deleted;
}
