/**
 * RFC 9068 per resource: an API (an application that declares resource URIs) configured for JWT
 * access tokens gets them for every token issued for it, whichever client asked. Queried only
 * when a token request named resources (RFC 8707).
 */
import { and, eq, sql } from 'drizzle-orm';
import { applications } from '@/drizzle/schema';
import { pgTextArray } from './sql-helpers';
import type { Db } from './types';

export function createTokenFormatStore(db: Db) {
  return {
    async resourcesWantJwtAccessTokens(resources: string[]): Promise<boolean> {
      const rows = await db
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.accessTokenFormat, 'jwt'), sql`${applications.resources} && ${pgTextArray(resources)}::text[]`))
        .limit(1);
      return rows.length > 0;
    },
  };
}
