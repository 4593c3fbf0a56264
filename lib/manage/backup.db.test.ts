/** `manage backup` / `manage restore` (issue 24): the files, and what each refuses with one line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/testing/test-db';
import type { DbHandle } from '@/lib/db/types';
import { backup } from './backup';
import { restore } from './restore';

const handle = await createTestDb();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manage-backup-'));
process.env.OAUTH2_DATA_DIR = dir;

async function run(command: typeof backup, db: DbHandle, values: Record<string, string>) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals: [] }, db, json: true, out: (s) => lines.push(s) });
  return JSON.parse(lines.join('\n')) as Record<string, unknown>;
}

describe('manage backup and restore', () => {
  it('on PostgreSQL both point to pg_dump and pg_restore instead', async () => {
    const pg = { ...handle, kind: 'postgres' } as DbHandle;
    await expect(run(backup, pg, { out: path.join(dir, 'x.json') })).rejects.toThrow(/pg_dump/);
    await expect(run(restore, pg, { from: path.join(dir, 'x.json') })).rejects.toThrow(/pg_restore/);
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('backup writes an owner-only file and never overwrites; restore refuses while the server serves the database, then restores and keeps what it replaced', async () => {
    const file = path.join(dir, 'backup.json');
    const made = await run(backup, handle, { out: file });
    expect(made.file).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    await expect(run(backup, handle, { out: file })).rejects.toThrow(/already exists/);

    await expect(run(restore, { ...handle, kind: 'pglite-socket' } as DbHandle, { from: file })).rejects.toThrow(/stop it first/);
    fs.writeFileSync(path.join(dir, 'other.json'), '{"format":"something else"}');
    await expect(run(restore, handle, { from: path.join(dir, 'other.json') })).rejects.toThrow(/not a backup made by `manage backup`/);

    const restored = await run(restore, handle, { from: file });
    expect(fs.existsSync(restored.previous_data as string)).toBe(true);
  });
});
