/**
 * Applications as the application service (lib/applications/service.ts) writes them, for the
 * dashboard, the command line and operators: create, find, change, rotate the secret, delete.
 * Each write names its application one of two ways (`WhichApplication`): an operator by
 * client_id (any application, owned or not), an owner by id AND owner id in the WHERE clause,
 * so another account's id finds nothing and changes nothing (DOT's ApplicationOwnerIsUserMixin).
 * The dashboard's read-only views (lists, counts, the chart) are in dashboard.ts.
 */
import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { accessTokens, applications, auditEvents, initialAccessTokens, refreshTokens, users } from '@/drizzle/schema';
import type { ClientRecord } from '@/lib/oauth/store';
import type { IdentityMetadataName } from '@/lib/applications/identity-rules';
import { clearExpired } from './clear-expired';
import { applicationColumns, clientColumns, hasSecretColumn, identityColumns, isUuid, pgTextArray } from './sql-helpers';
import type { Db } from './types';

export { UNUSED_METADATA_DOCUMENT_SECONDS } from './clear-expired';

/** An operator names any application by client_id; an owner names one of theirs by id (another owner's finds nothing). */
export type WhichApplication = { clientId: string } | { id: string; ownerId: string };

/** The WHERE clause for `which`; null when an owner's id is malformed (it names nothing, and must not reach a query). */
function whereOf(which: WhichApplication) {
  if ('clientId' in which) return eq(applications.clientId, which.clientId);
  if (!isUuid(which.id) || !isUuid(which.ownerId)) return null;
  return and(eq(applications.id, which.id), eq(applications.ownerId, which.ownerId));
}

interface NewApplication {
  clientId: string;
  clientSecretDigest: string | null;
  /** client_secret_jwt only: the secret sealed (lib/applications/secret-sealing.ts). */
  clientSecretSealed?: string | null;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  allowedOrigins?: string[];
  name: string;
  ownerId: string | null;
  skipAuthorization?: boolean;
  algorithm?: string;
  resources?: string[];
  rateLimit?: number | null;
  /** Operators only (CLI): may introspect any token (RFC 7662 §4). */
  resourceServer?: boolean;
  deviceCodeLifetime?: number | null;
  requirePushedAuthorizationRequests?: boolean;
  /** private_key_jwt (RFC 7523) or null (secrets as its type allows); its keys inline or by URL. */
  tokenEndpointAuthMethod?: string | null;
  jwks?: unknown;
  jwksUri?: string | null;
  /** RFC 9068: 'jwt' access tokens, or 'opaque'. */
  accessTokenFormat?: 'opaque' | 'jwt';
  /** Issue 19 policy; absent = the server's defaults. */
  allowedScopes?: string[] | null;
  accessTokenLifetime?: number | null;
  refreshTokenLifetime?: number | null;
  idTokenLifetime?: number | null;
  issueRefreshTokens?: boolean;
  /** Issue 22: its users must sign in with two factors. */
  requireMfa?: boolean;
  /** RFC 9449: token requests need a DPoP proof. */
  requireDpop?: boolean;
  /** OIDC Back-Channel Logout. */
  backchannelLogoutUri?: string | null;
  backchannelLogoutSessionRequired?: boolean;
  /** RFC 7591 §2 metadata: for the dashboard and the CLI, only who it is (logo_uri, client_uri, policy_uri, tos_uri). */
  clientMetadata?: Record<string, unknown> | null;
}

export interface NewInitialAccessToken {
  tokenDigest: string;
  description: string;
  expiresAt: Date | null;
  maxUses: number | null;
}

/** Tokens that were still live when their application was deleted or an authorization revoked (token_revoked events). */
export interface RevokedTokens {
  applicationId: string;
  clientId: string;
  accessTokens: number;
  refreshTokens: number;
}

/**
 * Deletes one application (the foreign keys cascade to its tokens, codes, consents and pending
 * requests) in a transaction that first counts its live tokens, so callers can announce them.
 */
export async function deleteApplicationWhere(db: Db, where: SQL, now: Date): Promise<RevokedTokens | null> {
  return db.transaction(async (tx) => {
    const [app] = await tx.select({ id: applications.id, clientId: applications.clientId }).from(applications).where(where).limit(1).for('update');
    if (!app) return null;
    const nowIso = now.toISOString();
    const [counts] = await tx
      .select({
        accessTokens: sql<number>`(select count(*) from ${accessTokens} t where t.application_id = ${app.id} and t.revoked_at is null and t.expires_at > ${nowIso})`.mapWith(Number),
        refreshTokens: sql<number>`(select count(*) from ${refreshTokens} r where r.application_id = ${app.id} and r.revoked_at is null and r.rotated_at is null)`.mapWith(Number),
      })
      .from(applications)
      .where(eq(applications.id, app.id));
    await tx.delete(applications).where(eq(applications.id, app.id));
    return { applicationId: app.id, clientId: app.clientId, accessTokens: counts?.accessTokens ?? 0, refreshTokens: counts?.refreshTokens ?? 0 };
  });
}

/** An application as `manage listapplications` and `updateapplication` see it: every kind, owned or not. */
export interface OperatorApplication {
  id: string;
  clientId: string;
  name: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  resources: string[];
  ownerId: string | null;
  ownerEmail: string | null;
  registeredVia: 'dashboard' | 'dynamic' | 'metadata_document';
  skipAuthorization: boolean;
  resourceServer: boolean;
  algorithm: string;
  rateLimit: number | null;
  hasSecret: boolean;
  createdAt: Date;
  tokenEndpointAuthMethod: string | null;
  jwks: unknown;
  jwksUri: string | null;
  accessTokenFormat: 'opaque' | 'jwt';
  /** Issue 19 policy: null = the server's defaults. */
  allowedScopes: string[] | null;
  accessTokenLifetime: number | null;
  refreshTokenLifetime: number | null;
  idTokenLifetime: number | null;
  issueRefreshTokens: boolean;
  previousSecretExpiresAt: Date | null;
  /** RFC 9449 "Require DPoP". */
  requireDpop: boolean;
  /** Issue 22 "Require two-factor sign-in" (the admin edit form starts from it; without it a save turned it off). */
  requireMfa: boolean;
  backchannelLogoutUri: string | null;
  backchannelLogoutSessionRequired: boolean;
  /** client_secret_jwt: whether its secret is kept sealed (one made before it chose the method is not). */
  hasSealedSecret: boolean;
  /** Issue 23: who it is, as stored in client_metadata (logo_uri, client_uri, policy_uri, tos_uri); null = none. */
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
}

/**
 * What an owner's edit may reach. Never skip_authorization, resource_server or owner_id (issue 15
 * item 1: a stranger's app must not skip the consent page), whatever extra keys a caller's object carries.
 */
const OWNER_EDITABLE = [
  'name',
  'clientType',
  'clientSecretDigest',
  'clientSecretSealed',
  'grantTypes',
  'redirectUris',
  'postLogoutRedirectUris',
  'allowedOrigins',
  'resources',
  'algorithm',
  'rateLimit',
  'deviceCodeLifetime',
  'requirePushedAuthorizationRequests',
  'tokenEndpointAuthMethod',
  'jwks',
  'jwksUri',
  'accessTokenFormat',
  'allowedScopes',
  'accessTokenLifetime',
  'refreshTokenLifetime',
  'idTokenLifetime',
  'issueRefreshTokens',
  // Issue 22: only ever makes sign-in stricter for the owner's own application.
  'requireMfa',
  // RFC 9449: only ever makes the owner's own application's tokens stricter.
  'requireDpop',
  'backchannelLogoutUri',
  'backchannelLogoutSessionRequired',
] as const;
/** Only an operator (by client_id) changes these. */
type OperatorOnly = 'ownerId' | 'skipAuthorization' | 'resourceServer';

/**
 * What may change on an application; absent keys stay as they are. Columns of the table, so it
 * cannot drift from the schema; and `identity`, keys of client_metadata (issue 23: logo_uri,
 * client_uri, policy_uri, tos_uri; null removes one), which an owner may change too.
 */
export type ApplicationChanges = Partial<Pick<typeof applications.$inferInsert, (typeof OWNER_EDITABLE)[number] | OperatorOnly>> & {
  identity?: Partial<Record<IdentityMetadataName, string | null>>;
};

/** The changes to write: only defined values, and for an owner only the columns an owner may change. */
function columnsToSet(which: WhichApplication, changes: ApplicationChanges) {
  const { identity, ...columns } = changes;
  const allowed: readonly string[] = 'clientId' in which ? Object.keys(columns) : OWNER_EDITABLE;
  const set: Partial<typeof applications.$inferInsert> & { clientMetadata?: SQL } = Object.fromEntries(Object.entries(columns).filter(([k, v]) => v !== undefined && allowed.includes(k)));
  const metadata = identity && metadataMerge(identity);
  if (metadata) set.clientMetadata = metadata;
  return set;
}

/**
 * client_metadata with the identity links set or removed and every other key kept (a
 * self-registered client's RFC 7591 document stays whole), in the UPDATE itself, so two edits
 * cannot overwrite each other's keys. Null when there is nothing to change.
 */
function metadataMerge(identity: Partial<Record<IdentityMetadataName, string | null>>): SQL | null {
  const entries = Object.entries(identity);
  if (!entries.length) return null;
  const removed = entries.filter(([, v]) => v === null).map(([k]) => k);
  const kept = Object.fromEntries(entries.filter(([, v]) => v !== null));
  // Nothing left (a dashboard application whose links were all cleared): null, as one that never had any.
  return sql`nullif((coalesce(${applications.clientMetadata}, '{}'::jsonb) - ${pgTextArray(removed)}::text[]) || ${JSON.stringify(kept)}::jsonb, '{}'::jsonb)`;
}

const operatorColumns = {
  ...applicationColumns,
  ownerEmail: users.email,
  hasSecret: hasSecretColumn,
  hasSealedSecret: sql<boolean>`${applications.clientSecretSealed} is not null`.mapWith(Boolean),
  createdAt: applications.createdAt,
  tokenEndpointAuthMethod: applications.tokenEndpointAuthMethod,
  jwks: applications.jwks,
  jwksUri: applications.jwksUri,
  accessTokenFormat: applications.accessTokenFormat,
  ...identityColumns,
};

/** Applications as the service, the dashboard and the command line manage them. */
export function createApplicationStore(db: Db) {
  return {
    /** Every application, oldest first; `ownerId` narrows to one owner's, `null` to the owner-less ones. */
    async listApplications(filter: { ownerId?: string | null } = {}): Promise<OperatorApplication[]> {
      const where = filter.ownerId === undefined ? undefined : filter.ownerId === null ? isNull(applications.ownerId) : eq(applications.ownerId, filter.ownerId);
      return db
        .select(operatorColumns)
        .from(applications)
        .leftJoin(users, eq(users.id, applications.ownerId))
        .where(where)
        .orderBy(sql`${applications.createdAt}, ${applications.clientId}`);
    },

    /** The application `which` names, as operators and the service see it; null when it names none. */
    async findApplication(which: WhichApplication): Promise<OperatorApplication | null> {
      const where = whereOf(which);
      if (!where) return null;
      const [row] = await db.select(operatorColumns).from(applications).leftJoin(users, eq(users.id, applications.ownerId)).where(where).limit(1);
      return row ?? null;
    },

    /** False (nothing written) when `which` names no application. */
    async updateApplication(which: WhichApplication, changes: ApplicationChanges, now = new Date()): Promise<boolean> {
      const where = whereOf(which);
      if (!where) return false;
      const rows = await db
        .update(applications)
        .set({ ...columnsToSet(which, changes), updatedAt: now })
        .where(where)
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /**
     * Replaces a confidential client's secret digest: the old secret stops working with the
     * next request. False for a public client or when `which` names none.
     */
    async rotateSecret(which: WhichApplication, newDigest: string, now = new Date(), keepPreviousUntil: Date | null = null, newSealed: string | null = null): Promise<boolean> {
      const where = whereOf(which);
      if (!where) return false;
      // Issue 19: with an overlap the current digest becomes the previous one (read from the row
      // being updated, so it never leaves the database); without one any previous secret ends too.
      const previous = keepPreviousUntil
        ? { previousSecretDigest: sql`${applications.clientSecretDigest}`, previousSecretSealed: sql`${applications.clientSecretSealed}`, previousSecretExpiresAt: keepPreviousUntil }
        : { previousSecretDigest: null, previousSecretSealed: null, previousSecretExpiresAt: null };
      const rows = await db
        .update(applications)
        .set({ clientSecretDigest: newDigest, clientSecretSealed: newSealed, ...previous, updatedAt: now })
        .where(and(where, eq(applications.clientType, 'confidential')))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /** "Revoke now": the previous secret (kept by a rotation's overlap) stops working. False when `which` names none or none was kept. */
    async revokePreviousSecret(which: WhichApplication, now = new Date()): Promise<boolean> {
      const where = whereOf(which);
      if (!where) return false;
      const rows = await db
        .update(applications)
        .set({ previousSecretDigest: null, previousSecretSealed: null, previousSecretExpiresAt: null, updatedAt: now })
        .where(and(where, isNotNull(applications.previousSecretDigest)))
        .returning({ id: applications.id });
      return rows.length > 0;
    },

    /** The owner's switch (issue 19 item 4): the same disabled_at an operator sets. False when `which` names none. */
    async setDisabled(which: WhichApplication, disabled: boolean, now = new Date()): Promise<boolean> {
      const where = whereOf(which);
      if (!where) return false;
      const rows = await db.update(applications).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(where).returning({ id: applications.id });
      return rows.length > 0;
    },

    /**
     * Who last disabled or enabled it, from the audit trail ('operator', 'user', …; null when
     * nothing is recorded): an owner may not undo an operator's disable.
     */
    async lastDisabledBy(clientId: string): Promise<{ type: string; actorType: string } | null> {
      const [row] = await db
        .select({ type: auditEvents.type, actorType: auditEvents.actorType })
        .from(auditEvents)
        .where(and(eq(auditEvents.clientId, clientId), inArray(auditEvents.type, ['application.disabled', 'application.enabled'])))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      return row ?? null;
    },

    /** Deletes it with everything issued to it; null when `which` names none. */
    async deleteApplication(which: WhichApplication, now = new Date()): Promise<RevokedTokens | null> {
      const where = whereOf(which);
      return where ? deleteApplicationWhere(db, where, now) : null;
    },

    /** RFC 7591 §3: `manage createinitialaccesstoken` (the digest only; the token is shown once). */
    async createInitialAccessToken(t: NewInitialAccessToken, now: Date): Promise<{ id: string }> {
      const [row] = await db.insert(initialAccessTokens).values({ ...t, createdAt: now }).returning({ id: initialAccessTokens.id });
      return row!;
    },

    /** Null when the client_id is taken. */
    async createApplication(app: NewApplication): Promise<ClientRecord | null> {
      const [row] = await db.insert(applications).values(app).onConflictDoNothing({ target: applications.clientId }).returning(clientColumns);
      return row ?? null;
    },

    /** `manage cleartokens` (clear-expired.ts). */
    clearExpired: (now: Date, refreshExpireSeconds: number | null, batchSize?: number, unusedDocumentSeconds?: number) =>
      clearExpired(db, now, refreshExpireSeconds, batchSize, unusedDocumentSeconds),
  };
}
