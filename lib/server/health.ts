/**
 * Readiness: one cheap query proving the database answers and the schema is at the newest
 * migration (drizzle's migrator records each migration's journal timestamp in
 * drizzle.__drizzle_migrations.created_at and applies those newer than the last recorded, so
 * the newest recorded must be at least the journal's last entry).
 * While server.mjs drains after SIGTERM it answers 503 at once, so a load balancer stops
 * sending new work. Unauthenticated and secret-free: the reason names the problem, never a URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/lib/db/client';
import { claimsModule } from '@/lib/extensions/load-claims';
import { serverLifecycle } from '@/lib/runtime/server-globals';

interface JournalEntry {
  when: number;
  tag: string;
}

let latest: JournalEntry | undefined;
function latestMigration(): JournalEntry {
  latest ??= (JSON.parse(fs.readFileSync(path.join(process.cwd(), 'drizzle/migrations/meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries.at(-1)!;
  return latest;
}

const HEADERS = { 'Cache-Control': 'no-store' };
const TIMEOUT_MS = 2000;

function unavailable(reason: string): Response {
  return Response.json({ status: 'unavailable', reason }, { status: 503, headers: HEADERS });
}

/** The driver's root cause in a few words (ECONNREFUSED, 57P01 ...): never the query, the URL or a password. */
function describe(e: unknown): string {
  let root = e;
  while (root instanceof Error && root.cause) root = root.cause;
  const code = (root as { code?: unknown }).code;
  if (typeof code === 'string' && code) return code;
  return root instanceof Error && root.message === 'timeout' ? `no answer within ${TIMEOUT_MS} ms` : 'query failed';
}

export function readiness(db: () => Promise<Db>, claims: typeof claimsModule = claimsModule) {
  return async function ready(): Promise<Response> {
    if (serverLifecycle()?.draining) return unavailable('shutting down');
    // Issue 19: a claims module that does not load would fail every token that carries its claims.
    const extension = await claims();
    if (!extension.ok) return unavailable(extension.summary);
    let timer: NodeJS.Timeout | undefined;
    try {
      const query = db().then((d) => d.execute(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`));
      const rows = (await Promise.race([
        query,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS))),
      ])) as unknown as { last: string | null }[] | { rows: { last: string | null }[] };
      const last = Number((Array.isArray(rows) ? rows[0] : rows.rows[0])?.last ?? 0);
      const want = latestMigration();
      if (last < want.when) return unavailable(`database: migration ${want.tag} is not applied (run npm run db:migrate or restart)`);
      return Response.json({ status: 'ready' }, { headers: HEADERS });
    } catch (e) {
      const why = describe(e);
      // 3F000 no schema "drizzle", 42P01 no table: the migrator never ran on this database.
      if (why === '3F000' || why === '42P01') return unavailable('database: no migrations applied (run npm run db:migrate or restart)');
      return unavailable(`database: ${why}`);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** GET /api/ready over the server's database. */
export const ready = readiness(getDb);
