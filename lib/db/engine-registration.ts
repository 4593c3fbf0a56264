/**
 * The engine's Store, registration part: clients that register themselves (RFC 7591/7592
 * dynamic registration, with initial access tokens) or are fetched from a client ID metadata
 * document. createStore (engine-store.ts) composes it; nothing else calls it.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { applications, initialAccessTokens } from '@/drizzle/schema';
import type { ClientRecord, RegisteredClientRecord, SelfRegisteredClient, Store } from '@/lib/oauth/store';
import { clientColumns } from './sql-helpers';
import type { Db } from './types';

/** The application columns a self-registered client (RFC 7591 or a metadata document) sets. */
function selfRegisteredColumns(c: SelfRegisteredClient, now: Date) {
  return {
    clientType: c.clientType,
    clientSecretDigest: c.clientSecretDigest,
    // Absent (a metadata document's client): left as it is.
    ...(c.clientSecretSealed !== undefined ? { clientSecretSealed: c.clientSecretSealed } : {}),
    tokenEndpointAuthMethod: c.tokenEndpointAuthMethod,
    jwks: c.jwks ?? null,
    jwksUri: c.jwksUri ?? null,
    grantTypes: c.grantTypes,
    redirectUris: c.redirectUris,
    name: c.name,
    clientMetadata: c.metadata,
    requirePushedAuthorizationRequests: c.requirePushedAuthorizationRequests ?? false,
    requireDpop: c.requireDpop ?? false,
    backchannelLogoutUri: c.backchannelLogoutUri ?? null,
    backchannelLogoutSessionRequired: c.backchannelLogoutSessionRequired ?? false,
    // Issue 19: the registered `scope` is what it may request (RFC 7591 §2); absent = the default list.
    allowedScopes: c.allowedScopes ?? null,
    updatedAt: now,
  };
}

type RegistrationStore = Pick<
  Store,
  'useInitialAccessToken' | 'createRegisteredClient' | 'findRegisteredClient' | 'updateRegisteredClient' | 'deleteRegisteredClient' | 'saveMetadataDocumentClient'
>;

export function createRegistrationStore(db: Db): RegistrationStore {
  return {
    async useInitialAccessToken(tokenDigest, now) {
      // One statement, so two registrations racing for the last use cannot both get it.
      const rows = await db
        .update(initialAccessTokens)
        .set({ uses: sql`${initialAccessTokens.uses} + 1` })
        .where(
          and(
            eq(initialAccessTokens.tokenDigest, tokenDigest),
            isNull(initialAccessTokens.revokedAt),
            sql`(${initialAccessTokens.expiresAt} is null or ${initialAccessTokens.expiresAt} > ${now.toISOString()})`,
            sql`(${initialAccessTokens.maxUses} is null or ${initialAccessTokens.uses} < ${initialAccessTokens.maxUses})`,
          ),
        )
        .returning({ id: initialAccessTokens.id });
      return rows.length > 0;
    },

    async createRegisteredClient(clientId, c, registrationAccessTokenDigest, now) {
      const [row] = await db
        .insert(applications)
        .values({
          clientId,
          ...selfRegisteredColumns(c, now),
          ownerId: null,
          registeredVia: 'dynamic',
          registrationAccessTokenDigest,
          createdAt: now,
        })
        .returning(clientColumns);
      return row as ClientRecord;
    },

    async findRegisteredClient(clientId): Promise<RegisteredClientRecord | null> {
      const [row] = await db
        .select({ ...clientColumns, registrationAccessTokenDigest: applications.registrationAccessTokenDigest, metadata: applications.clientMetadata, createdAt: applications.createdAt })
        .from(applications)
        .where(and(eq(applications.clientId, clientId), eq(applications.registeredVia, 'dynamic')))
        .limit(1);
      if (!row) return null;
      const { registrationAccessTokenDigest, metadata, createdAt, ...client } = row;
      return { client: client as ClientRecord, registrationAccessTokenDigest, metadata: (metadata ?? {}) as Record<string, unknown>, createdAt };
    },

    async updateRegisteredClient(id, c, now) {
      await db.update(applications).set(selfRegisteredColumns(c, now)).where(and(eq(applications.id, id), eq(applications.registeredVia, 'dynamic')));
    },

    async deleteRegisteredClient(id) {
      await db.delete(applications).where(and(eq(applications.id, id), eq(applications.registeredVia, 'dynamic')));
    },

    async saveMetadataDocumentClient(clientId, c, now) {
      const columns = { ...selfRegisteredColumns(c, now), metadataFetchedAt: now };
      // Insert, or refresh the row only if it came from a metadata document: a dashboard
      // application that happens to use a URL as its client_id is never overwritten.
      const [row] = await db
        .insert(applications)
        .values({ clientId, ...columns, ownerId: null, registeredVia: 'metadata_document', createdAt: now })
        .onConflictDoUpdate({ target: applications.clientId, set: columns, setWhere: eq(applications.registeredVia, 'metadata_document') })
        .returning(clientColumns);
      return (row as ClientRecord | undefined) ?? null;
    },
  };
}
