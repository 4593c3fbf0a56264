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
import { isGrantType, type ClientType, type GrantType } from './options';
import { applicationProblem, ApplicationInputError, type CheckedInput, type RedirectSettings } from './rules';

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
  /** Issue 22 "Require two-factor sign-in": its users sign in with two factors (a step-up when not). */
  requireMfa?: boolean;
  ownerId: string | null;
  clientId?: string;
  clientSecret?: string;
}

/** What an update changes; absent keys stay. An owner's update never reaches owner, skip authorization or resource server (the store drops them). */
export type ApplicationUpdate = Partial<Omit<ApplicationInput, 'clientId' | 'clientSecret'>>;

/** Who made a change, for the audit trail. */
export type ApplicationActor = AuditInput['actor'];

function audit(by: ApplicationActor | undefined, type: string, app: { clientId: string; ownerId?: string | null }, detail: Record<string, unknown>): Promise<void> {
  return by ? recordAudit({ type, actor: by, clientId: app.clientId, userId: app.ownerId ?? null, detail }) : Promise.resolve();
}

function check(input: CheckedInput, settings: RedirectSettings): void {
  const problem = applicationProblem(input, settings);
  if (problem) throw ApplicationInputError.of(problem);
}

export async function registerApplication(store: ApplicationStore, input: ApplicationInput, settings: RedirectSettings, by?: ApplicationActor) {
  check(input, settings);
  const clientSecret = input.clientType === 'confidential' ? (input.clientSecret ?? randomToken()) : null;
  const app = await store.createApplication({
    clientId: input.clientId ?? newClientId(),
    clientSecretDigest: clientSecret ? digest(clientSecret) : null,
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
    requireMfa: input.requireMfa ?? false,
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
  settings: RedirectSettings,
  by?: ApplicationActor,
): Promise<{ application: OperatorApplication; clientSecret: string | null } | null> {
  const app = await store.findApplication(which);
  if (!app) return null;
  // Grant types the caller does not choose (e.g. an explicit refresh_token) stay.
  const grantTypes = update.grantTypes ? [...update.grantTypes, ...app.grantTypes.filter((g) => !isGrantType(g))] : undefined;
  const clientType = update.clientType ?? app.clientType;
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
    },
    settings,
  );

  let clientSecret: string | null = null;
  let clientSecretDigest: string | null | undefined;
  if (clientType === 'public') clientSecretDigest = null;
  else if (!app.hasSecret) {
    clientSecret = randomToken();
    clientSecretDigest = digest(clientSecret);
  }
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
    requireMfa: update.requireMfa,
    clientSecretDigest,
  };
  if (!(await store.updateApplication(which, changes))) return null;
  const application = await store.findApplication(which);
  if (!application) return null;
  // What changed, by name only (values may be long; never a secret).
  const changed = Object.keys(update).filter((k) => update[k as keyof ApplicationUpdate] !== undefined);
  await audit(by, 'application.updated', application, { application: application.name, changed, ...(clientSecret && { secretIssued: true }) });
  return { application, clientSecret };
}

/**
 * A new client secret for a confidential application: the old one stops working with the next
 * request (only the new digest is stored). Null for a public client or when `which` names none.
 */
export async function rotateSecret(store: ApplicationStore, which: WhichApplication, by?: ApplicationActor): Promise<string | null> {
  const clientSecret = randomToken();
  if (!(await store.rotateSecret(which, digest(clientSecret)))) return null;
  if (by) {
    const app = await store.findApplication(which);
    if (app) await audit(by, 'application.secret_rotated', app, { application: app.name });
  }
  return clientSecret;
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
