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

export interface PostgresOptions {
  max?: number;
  kind?: DbHandle['kind'];
  /** statement_timeout for this pool's connections (the server's: DATABASE_STATEMENT_TIMEOUT_MS); migrations run without it. */
  statementTimeoutMs?: number;
  connectTimeoutSeconds?: number;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): DbHandle {
  const max = opts.max ?? 10;
  const connectTimeout = opts.connectTimeoutSeconds ?? 10;
  // Names this process's connections in pg_stat_activity: operators see which instance holds
  // what, and the metrics count this pool's connections there (postgres.js exposes no pool stats).
  const applicationName = `oauth-server ${os.hostname().slice(0, 30)} ${process.pid}${++pools > 1 ? `/${pools}` : ''}`;
  const statementTimeout = opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {};
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    // Fail fast instead of hanging when the server is down (requests then answer 503).
    connect_timeout: connectTimeout,
    connection: { application_name: applicationName, ...statementTimeout },
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  // A migration may build an index over millions of rows: it runs on connections of its own,
  // without the pool's statement timeout, closed when it is done.
  const migrationPool = () =>
    opts.statementTimeoutMs
      ? postgres(url, { max: 2, onnotice: () => {}, connect_timeout: connectTimeout, connection: { application_name: `${applicationName} migrate` } })
      : sql;
  return {
    db,
    kind: opts.kind ?? 'postgres',
    migrate: async () => {
      // Several instances start together on one PostgreSQL and each applies migrations at start;
      // drizzle's migrator takes no lock, so two could run the same migration. An advisory lock
      // held on a reserved connection serialises them: the second waits, then finds nothing to do.
      // (It needs a second connection for the migration itself; a one-connection pool skips it.)
      const m = migrationPool();
      const lock = (m !== sql || max >= 2) && (opts.kind ?? 'postgres') === 'postgres' ? await m.reserve() : null;
      try {
        if (lock) await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await migrate(drizzle(m, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        if (lock) {
          await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
          lock.release();
        }
        if (m !== sql) await m.end({ timeout: 5 });
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
