import fs from 'node:fs';
import path from 'node:path';
import { readBackup } from '@/lib/db/backup';
import { UsageError, type Command } from './command';

/** The file is the database: digests, sealed secrets, the signing keys' private halves. Owner only. */
export function writePrivateFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
}

export const backup: Command = {
  name: 'backup',
  summary: 'copy the embedded database into a file (one consistent snapshot, safe while the server runs); PostgreSQL: use pg_dump',
  usage: 'backup --out FILE [--json]',
  options: { out: { type: 'string' } },
  async run({ args, db, json, out }) {
    const file = args.values.out;
    if (typeof file !== 'string' || !file) throw new UsageError('--out: name the file to write the backup to');
    if (db.kind === 'postgres') throw new UsageError('backup: DATABASE_URL is set; back up PostgreSQL with pg_dump (see the README)');
    if (fs.existsSync(file)) throw new UsageError(`--out: ${file} already exists; choose another name (a backup never overwrites)`);
    const copy = await readBackup(db.db);
    writePrivateFile(file, JSON.stringify(copy));
    const rows = Object.values(copy.tables).reduce((n, t) => n + t.length, 0);
    if (json) out(JSON.stringify({ file, tables: Object.keys(copy.tables).length, rows, created_at: copy.createdAt }));
    else out(`wrote ${file}: ${rows} rows from ${Object.keys(copy.tables).length} tables (readable by you only: it holds the signing keys)`);
  },
};
