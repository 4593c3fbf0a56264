/**
 * Readiness: one cheap query that proves the database answers and the schema is at the
 * newest migration (the count of rows drizzle's migrator recorded equals the journal's).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

let expected: number | undefined;
function expectedMigrations(): number {
  expected ??= (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  return expected;
}

export async function ready(): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const db = await getDb();
    const rows = (await Promise.race([
      db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
    ])) as unknown as { n: number }[] | { rows: { n: number }[] };
    const n = Array.isArray(rows) ? rows[0]?.n : rows.rows[0]?.n;
    if (n !== expectedMigrations()) {
      return Response.json({ status: 'unavailable', reason: `migrations applied: ${n}, expected ${expectedMigrations()}` }, { status: 503, headers });
    }
    return Response.json({ status: 'ready' }, { headers });
  } catch (e) {
    return Response.json({ status: 'unavailable', reason: e instanceof Error ? e.message : 'database error' }, { status: 503, headers });
  }
}
