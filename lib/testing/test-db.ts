/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a new database on
 * the PostgreSQL server at TEST_DATABASE_URL (drizzle-kit pins "public" in foreign keys, so
 * isolation is by database, not schema).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { openMemoryPglite } from '@/lib/db/embedded';
import { openPostgres } from '@/lib/db/postgres';
import type { DbHandle } from '@/lib/db/types';

export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  let handle: DbHandle;
  let drop: (() => Promise<void>) | undefined;
  if (url) {
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    handle = openPostgres(u.toString(), { max: 4 });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = openMemoryPglite();
  }
  await handle.migrate();
  afterAll(async () => {
    await handle.close();
    await drop?.();
  });
  return handle;
}
