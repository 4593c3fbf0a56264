/**
 * rate-limiter-flexible's RateLimiterPostgres speaks node-postgres (`client.query({ name, text,
 * values })` → `{ rows, rowCount }`); our pool is postgres.js. This adapter is that one method
 * over `sql.unsafe`, with prepared statements (postgres.js names and caches them itself), so each
 * consume is one round trip on the pool the store already uses.
 *
 * RLF's SQL (checked against 11.x): `INSERT INTO "rate_limits" VALUES ($1, $2, $3) ON CONFLICT(key)
 * DO UPDATE … RETURNING points, expire`, `SELECT points, expire … WHERE key = $1`, `DELETE … WHERE
 * key = $1 / expire < $1`: positional columns key, points, expire, as drizzle/schema/'s
 * rate_limits (migration 0002) declares them. `expire` is a bigint, which postgres.js returns as a
 * string; it is turned back into a number here (epoch milliseconds fit exactly).
 */
import type { Sql } from 'postgres';

export interface PgStyleClient {
  query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
}

export function pgStyleClient(sql: Sql): PgStyleClient {
  return {
    async query({ text, values = [] }) {
      const result = await sql.unsafe(text, values as never[], { prepare: true });
      const rows = result.map((row) => {
        const r = { ...row } as Record<string, unknown>;
        if (typeof r.expire === 'string') r.expire = Number(r.expire);
        return r;
      });
      return { rows, rowCount: result.count ?? rows.length };
    },
  };
}
