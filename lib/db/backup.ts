/**
 * A logical backup of the embedded database (issue 24): every table of drizzle/schema as JSON,
 * read in ONE statement so the copy is one consistent snapshot even while the server writes
 * (through the server's local socket; no transaction held open). Restoring replaces every
 * table's rows in one transaction. The copy holds what the database holds: digests, sealed
 * TOTP secrets and the signing keys' private halves, so the file is written for its owner only.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from '@/drizzle/schema';
import type { Db } from './types';

export const BACKUP_FORMAT = 'oauth-server-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  /** drizzle's newest applied migration (its journal timestamp): a restore needs the same schema. */
  migration: number;
  tables: Record<string, Record<string, unknown>[]>;
}

// Rate-limit counters expire by themselves; nothing is lost by starting them afresh.
const SKIPPED = new Set(['rate_limits']);

/** Our tables by SQL name, from the schema itself (a new table is backed up without a change here). */
export function backupTables(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => getTableConfig(t).name)
    .filter((name) => !SKIPPED.has(name))
    .sort();
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export async function currentMigration(db: Db): Promise<number> {
  const [row] = rowsOf<{ last: string | null }>(await db.execute(sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`));
  return Number(row?.last ?? 0);
}

export async function readBackup(db: Db, now = new Date()): Promise<Backup> {
  const tables = backupTables();
  const parts = tables.map((name) => sql`${name}::text, (select coalesce(json_agg(t), '[]'::json) from ${ident(name)} t)`);
  const [row] = rowsOf<{ migration: string | null; tables: Backup['tables'] | string }>(
    await db.execute(sql`select (select max(created_at) from drizzle.__drizzle_migrations)::text as migration, json_build_object(${sql.join(parts, sql`, `)}) as tables`),
  );
  const read = typeof row!.tables === 'string' ? (JSON.parse(row!.tables) as Backup['tables']) : row!.tables;
  return { format: BACKUP_FORMAT, version: 1, createdAt: now.toISOString(), migration: Number(row!.migration ?? 0), tables: read };
}

/** Why `value` is not a backup this version can restore, or null. */
export function checkBackup(value: unknown, migration: number): string | null {
  const b = value as Partial<Backup> | null;
  if (!b || typeof b !== 'object' || b.format !== BACKUP_FORMAT) return 'not a backup made by `manage backup`';
  if (b.version !== 1) return `backup format version ${String(b.version)} is not supported`;
  if (!b.tables || typeof b.tables !== 'object') return 'the backup has no tables';
  if (b.migration !== migration) return `the backup was made at another schema version (migration ${b.migration}, this database is at ${migration}): restore it with the version that made it`;
  const unknown = Object.keys(b.tables).filter((t) => !backupTables().includes(t));
  if (unknown.length) return `the backup has tables this version does not know: ${unknown.join(', ')}`;
  return null;
}

/** Replaces every table's rows with the backup's, in one transaction; returns rows per table. */
export async function restoreBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  const tables = backupTables();
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // Rows go in table by table; foreign keys hold for the whole copy, not for each table alone.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`truncate ${sql.join(tables.map(ident), sql`, `)}`);
    for (const name of tables) {
      const rows = backup.tables[name] ?? [];
      counts[name] = rows.length;
      if (!rows.length) continue;
      await tx.execute(sql`insert into ${ident(name)} overriding system value select * from json_populate_recordset(null::${ident(name)}, ${JSON.stringify(rows)}::json)`);
      // Identity and serial columns continue after the restored ids.
      const sequences = rowsOf<{ column: string; seq: string }>(
        await tx.execute(sql`select column_name::text as column, pg_get_serial_sequence(quote_ident(table_name), column_name)::text as seq
          from information_schema.columns where table_schema = 'public' and table_name = ${name} and (is_identity = 'YES' or column_default like 'nextval(%')`),
      );
      for (const { column, seq } of sequences) {
        await tx.execute(sql`select setval(${seq}, (select coalesce(max(${ident(column)}), 0) + 1 from ${ident(name)}), false)`);
      }
    }
  });
  return counts;
}
