/**
 * The stored RFC 7591 metadata (client_metadata) of applications, read for what the pages show
 * about who a client is (lib/consent/client-identity.ts). Any registration path writes it: the
 * dashboard, the CLI, dynamic registration and client ID metadata documents.
 */
import { inArray } from 'drizzle-orm';
import { applications } from '@/drizzle/schema';
import { clientIdentity, type ClientIdentity } from '@/lib/consent/client-identity';
import { getDb } from './client';
import { isUuid } from './sql-helpers';

/** Each application's identity by its id (applications.id); unknown ids are absent. */
export async function findClientIdentities(applicationIds: string[]): Promise<Map<string, ClientIdentity>> {
  const ids = [...new Set(applicationIds)].filter(isUuid);
  if (!ids.length) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: applications.id, metadata: applications.clientMetadata }).from(applications).where(inArray(applications.id, ids));
  return new Map(rows.map((r) => [r.id, clientIdentity(r.metadata)]));
}
