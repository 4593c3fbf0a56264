import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '@/drizzle/schema';

/** A Drizzle database over either driver (postgres.js or PGlite); the store only needs this. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite' | 'pglite-socket';
  /** Applies drizzle/migrations with the driver's own migrator. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The pool's configured size (PGlite: one connection). */
  poolSize: number;
  /**
   * PostgreSQL only: this process's connections by state (active, idle, ...), read from
   * pg_stat_activity by application_name; the connection asking counts as idle (it is busy only
   * with this question). For metrics scrapes.
   */
  connectionStates?(): Promise<Record<string, number>>;
}
