import path from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import * as schema from '@/drizzle/schema';
import type { Db, DbHandle } from './types';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle', 'migrations');

/** Real PostgreSQL (or the embedded database reached over its local socket) through a postgres.js pool. */
export function openPostgres(url: string, opts: { max?: number; kind?: DbHandle['kind'] } = {}): DbHandle {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    // Fail fast at start instead of hanging when the server is down.
    connect_timeout: 10,
  });
  const db = drizzle(sql, { schema }) as unknown as Db;
  return {
    db,
    kind: opts.kind ?? 'postgres',
    migrate: () => migrate(drizzle(sql, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => sql.end({ timeout: 5 }),
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
