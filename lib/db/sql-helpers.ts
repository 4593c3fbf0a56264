/**
 * Helpers shared by the query modules under lib/db (never imported outside lib/db): an
 * application's columns (one list, extended per caller), text[] parameters, row counts of db.execute(), revoking
 * token chains, and the id check for ids that come from URLs.
 */
import { sql, type SQL } from 'drizzle-orm';
import { accessTokens, applications, refreshTokens } from '@/drizzle/schema';
import type { Db } from './types';

/**
 * An application's columns every reader shares; each caller adds its own (the engine the secret
 * digest and how it authenticates, operators the owner's email and whether a secret is set).
 */
export const applicationColumns = {
  id: applications.id,
  clientId: applications.clientId,
  clientType: applications.clientType,
  grantTypes: applications.grantTypes,
  redirectUris: applications.redirectUris,
  postLogoutRedirectUris: applications.postLogoutRedirectUris,
  allowedOrigins: applications.allowedOrigins,
  resources: applications.resources,
  name: applications.name,
  ownerId: applications.ownerId,
  skipAuthorization: applications.skipAuthorization,
  algorithm: applications.algorithm,
  registeredVia: applications.registeredVia,
  rateLimit: applications.rateLimit,
  resourceServer: applications.resourceServer,
  allowedScopes: applications.allowedScopes,
  accessTokenLifetime: applications.accessTokenLifetime,
  refreshTokenLifetime: applications.refreshTokenLifetime,
  idTokenLifetime: applications.idTokenLifetime,
  issueRefreshTokens: applications.issueRefreshTokens,
  previousSecretExpiresAt: applications.previousSecretExpiresAt,
  requireDpop: applications.requireDpop,
  requireMfa: applications.requireMfa,
  backchannelLogoutUri: applications.backchannelLogoutUri,
  backchannelLogoutSessionRequired: applications.backchannelLogoutSessionRequired,
};

/**
 * Who an application says it is (issue 23), read out of client_metadata as the edit forms and
 * the CLI show it: the stored text, whatever it is (the pages that render a link check it again,
 * lib/consent/client-identity.ts).
 */
export const identityColumns = {
  logoUri: sql<string | null>`${applications.clientMetadata}->>'logo_uri'`,
  clientUri: sql<string | null>`${applications.clientMetadata}->>'client_uri'`,
  policyUri: sql<string | null>`${applications.clientMetadata}->>'policy_uri'`,
  tosUri: sql<string | null>`${applications.clientMetadata}->>'tos_uri'`,
};

/** The engine's ClientRecord (lib/oauth/store.ts). */
export const clientColumns = {
  ...applicationColumns,
  clientSecretDigest: applications.clientSecretDigest,
  metadataFetchedAt: applications.metadataFetchedAt,
  tokenEndpointAuthMethod: applications.tokenEndpointAuthMethod,
  disabledAt: applications.disabledAt,
  deviceCodeLifetime: applications.deviceCodeLifetime,
  requirePushedAuthorizationRequests: applications.requirePushedAuthorizationRequests,
  jwks: applications.jwks,
  jwksUri: applications.jwksUri,
  accessTokenFormat: applications.accessTokenFormat,
  previousSecretDigest: applications.previousSecretDigest,
  // client_secret_jwt only (sealed; see drizzle/schema/clients.ts); the engine opens it to check an HMAC.
  clientSecretSealed: applications.clientSecretSealed,
  previousSecretSealed: applications.previousSecretSealed,
};

/** Whether a secret is set: its digest never leaves lib/db for the dashboard or the CLI. */
export const hasSecretColumn = sql<boolean>`${applications.clientSecretDigest} is not null`.mapWith(Boolean);

/**
 * A text[] as one bound parameter in PostgreSQL's array literal syntax: Drizzle's sql`` would
 * spread a JS array into a list of parameters. Null stays null.
 */
export function pgTextArray(values: string[] | null | undefined): string | null {
  if (!values) return null;
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** Rows a db.execute() returned: postgres.js gives an array, PGlite `{ rows }`. */
export function rowCount(result: unknown): number {
  return Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
}

/**
 * Revokes every refresh token matching `where`, then their access tokens, inside a transaction.
 * Under READ COMMITTED an UPDATE does not see rows committed after it started, and a rotation
 * that held its parent's lock commits its new refresh token just then: so the refresh tokens are
 * updated until a pass finds none left (each pass's row locks make later rotations from them see
 * the revocation), and the access tokens last, when every insert guarded by them is visible.
 */
export async function revokeChains(tx: Pick<Db, 'execute'>, where: SQL, now: Date): Promise<void> {
  const at = now.toISOString();
  for (let pass = 0; pass < 100; pass++) {
    const revoked = await tx.execute(sql`update ${refreshTokens} set revoked_at = ${at}::timestamptz where ${where} and revoked_at is null returning id`);
    if (rowCount(revoked) === 0) break;
  }
  await tx.execute(sql`update ${accessTokens} set revoked_at = ${at}::timestamptz where ${where} and revoked_at is null`);
}

/** An ILIKE pattern matching values that contain `q`: the `%` and `_` someone typed are literal, not wildcards. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: a malformed one is "not found", never a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
