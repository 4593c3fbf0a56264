/**
 * The process's rate limits, built once: shared PostgreSQL counters when DATABASE_URL is set,
 * memory on the embedded database. The OAuth engine (lib/server/oauth-server.ts) and the sign-in and
 * sign-up actions use the same instance, so the password grant and the sign-in page count one
 * account's failures together.
 */
import type { Sql } from 'postgres';
import { getDb } from '@/lib/db/client';
import type { RateLimits } from '@/lib/oauth/rate-limit';
import { getSettings } from '@/lib/config/settings';
import { createRateLimits } from './limiter';
import { pgStyleClient } from './postgres-client';
import { usesEmbeddedDatabase } from '@/lib/config/process-env';
import { singleton } from '@/lib/runtime/singletons';

export type { RateLimits } from '@/lib/oauth/rate-limit';

export function getRateLimits(): Promise<RateLimits | undefined> {
  return singleton('rate-limits', async () => {
    const settings = getSettings().rateLimits;
    if (!settings.enabled) return undefined;
    if (usesEmbeddedDatabase()) return createRateLimits(settings, { kind: 'memory' });
    // The store's own postgres.js pool (drizzle keeps it as $client): no second pool to size.
    const sql = (((await getDb()) as unknown as { $client: Sql }).$client);
    return createRateLimits(settings, { kind: 'postgres', client: pgStyleClient(sql) });
  });
}
