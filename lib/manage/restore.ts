import fs from 'node:fs';
import path from 'node:path';
import { checkBackup, currentMigration, readBackup, restoreBackup, type Backup } from '@/lib/db/backup';
import { dataDir } from '@/lib/db/embedded';
import { writePrivateFile } from './backup';
import { UsageError, type Command } from './command';

export const restore: Command = {
  name: 'restore',
  summary: 'replace the embedded database with a backup (the server must be stopped; the data replaced is saved first)',
  usage: 'restore --from FILE [--json]',
  options: { from: { type: 'string' } },
  async run({ args, db, json, out }) {
    const file = args.values.from;
    if (typeof file !== 'string' || !file) throw new UsageError('--from: name the backup file to restore');
    if (db.kind === 'postgres') throw new UsageError('restore: DATABASE_URL is set; restore PostgreSQL with pg_restore or psql (see the README)');
    if (db.kind === 'pglite-socket') throw new UsageError('restore: the server is running on this database; stop it first, then restore');
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`--from: cannot read ${file} as a backup (${(e as NodeJS.ErrnoException).code ?? 'not JSON'})`);
    }
    const why = checkBackup(parsed, await currentMigration(db.db));
    if (why) throw new UsageError(`--from: ${why}`);
    // Nothing is lost by a restore: what it replaces is kept beside the database first.
    const before = await readBackup(db.db);
    const saved = path.join(dataDir(), `before-restore-${before.createdAt.replace(/[:.]/g, '-')}.json`);
    writePrivateFile(saved, JSON.stringify(before));
    const counts = await restoreBackup(db.db, parsed as Backup);
    const rows = Object.values(counts).reduce((n, c) => n + c, 0);
    if (json) out(JSON.stringify({ restored_rows: rows, tables: counts, previous_data: saved }));
    else out(`restored ${rows} rows from ${file}; the data it replaced is saved in ${saved}`);
  },
};
