import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import * as schema from '@/drizzle/schema';
import type { Db, DbHandle } from './types';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle', 'migrations');
/** pg_advisory_lock key for applying migrations (any constant this database's other users don't take). */
const MIGRATION_LOCK_ID = 7_230_411_002;

/** Real PostgreSQL (or the embedded database reached over its local socket) through a postgres.js pool. */
let pools = 0;

export function openPostgres(url: string, opts: { max?: number; kind?: DbHandle['kind'] } = {}): DbHandle {
  const max = opts.max ?? 10;
  // Names this process's connections in pg_stat_activity: operators see which instance holds
  // what, and the metrics count this pool's connections there (postgres.js exposes no pool stats).
  const applicationName = `oauth-server ${os.hostname().slice(0, 30)} ${process.pid}${++pools > 1 ? `/${pools}` : ''}`;
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
    migrate: async () => {
      // Several instances start together on one PostgreSQL and each applies migrations at start;
      // drizzle's migrator takes no lock, so two could run the same migration. An advisory lock
      // held on a reserved connection serialises them: the second waits, then finds nothing to do.
      // (It needs a second connection for the migration itself; a one-connection pool skips it.)
      const lock = max >= 2 && (opts.kind ?? 'postgres') === 'postgres' ? await sql.reserve() : null;
      try {
        if (lock) await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migrate(drizzle(sql, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        if (lock) {
          await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
          lock.release();
        }
      }
    },
    close: () => sql.end({ timeout: 5 }),
    poolSize: max,
    connectionStates: async () => {
      const rows = await sql<{ state: string | null; n: number }[]>`
        select case when pid = pg_backend_pid() then 'idle' else state end as state, count(*)::int as n
        from pg_stat_activity where application_name = ${applicationName} group by 1`;
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
