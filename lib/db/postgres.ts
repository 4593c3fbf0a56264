import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import * as schema from '@/drizzle/schema';
import type { Db, DbHandle } from './types';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle', 'migrations');

/** Real PostgreSQL (or the embedded database reached over its local socket) through a postgres.js pool. */
export function openPostgres(url: string, opts: { max?: number; kind?: DbHandle['kind'] } = {}): DbHandle {
  const max = opts.max ?? 10;
  // Names this process's connections in pg_stat_activity: operators see which instance holds
  // what, and the metrics count this pool's connections there (postgres.js exposes no pool stats).
  const applicationName = `oauth-server ${os.hostname()} ${process.pid}`.slice(0, 63);
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    // Fail fast at start instead of hanging when the server is down.
    connect_timeout: 10,
    connection: { application_name: applicationName },
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  return {
    db,
    kind: opts.kind ?? 'postgres',
    migrate: () => migrate(drizzle(sql, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => sql.end({ timeout: 5 }),
    poolSize: max,
    connectionStates: async () => {
      const rows = await sql<{ state: string | null; n: number }[]>`
        select state, count(*)::int as n from pg_stat_activity
        where application_name = ${applicationName} and pid <> pg_backend_pid() group by state`;
      return Object.fromEntries(rows.map((r) => [r.state ?? 'unknown', r.n]));
    },
  };
}

/** "host:port" of a postgres URL, for messages that must not print the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}
