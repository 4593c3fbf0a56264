/**
 * Several instances on one PostgreSQL (PostgreSQL only: TEST_DATABASE_URL; skipped on PGlite).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openPostgres } from './postgres';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('PostgreSQL shared by several instances', () => {
  const admin = url ? postgres(url, { max: 1, onnotice: () => {} }) : null;
  const name = `test_${randomBytes(6).toString('hex')}`;
  const dbUrl = () => {
    const u = new URL(url!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  afterAll(async () => {
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

  it('two instances starting together apply each migration once (advisory lock)', async () => {
    await admin!.unsafe(`create database ${name}`);
    const a = openPostgres(dbUrl(), { max: 3 });
    const b = openPostgres(dbUrl(), { max: 3 });
    try {
      await Promise.all([a.migrate(), b.migrate()]);
      const rows = await a.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations');
      // Once each: as many rows as the journal has migrations (not one more from the second instance).
      expect((rows as unknown as { n: number }[])[0]?.n).toBe(journal.entries.length);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('metrics: a pool reports its own connections by state from pg_stat_activity', async () => {
    const a = openPostgres(dbUrl(), { max: 4 });
    const other = openPostgres(dbUrl(), { max: 2 }); // another instance's pool: not counted
    try {
      await other.db.execute('select 1');
      // Three queries at once open three connections; then all are idle.
      await Promise.all([1, 2, 3].map(() => a.db.execute('select pg_sleep(0.05)')));
      expect(await a.connectionStates!()).toEqual({ idle: 3 });
      // While one is busy it is active (the asking connection is another one, counted idle).
      const busy = a.db.execute('select pg_sleep(0.5)').then(() => {}); // drizzle queries run when awaited
      await new Promise((r) => setTimeout(r, 100));
      expect(await a.connectionStates!()).toEqual({ idle: 2, active: 1 });
      await busy;
      expect(a.poolSize).toBe(4);
    } finally {
      await Promise.all([a.close(), other.close()]);
    }
  });
});
