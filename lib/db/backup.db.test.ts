/**
 * Issue 24, backups of the embedded database: a backup read while the data changes is one
 * snapshot; restoring it brings back exactly what was there (tokens still active, ids continue).
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backupTables, checkBackup, currentMigration, readBackup, restoreBackup } from './backup';
import { createTestServer } from '@/lib/testing/oauth';

const t = await createTestServer();

describe('manage backup / restore', () => {
  it('covers every table of the schema but the rate-limit counters', () => {
    const tables = backupTables();
    expect(tables).toEqual(expect.arrayContaining(['users', 'applications', 'access_tokens', 'refresh_tokens', 'signing_keys', 'audit_events', 'passkeys', 'totp_factors']));
    expect(tables).not.toContain('rate_limits');
  });

  it('restores what the backup held: the application, its token (active), and ids continue after it', async () => {
    const app = await t.application({ name: 'Kept' });
    const token = await t.server.token(
      new Request('https://as.example/o/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
        body: 'grant_type=client_credentials&scope=read',
      }),
    );
    const { access_token } = (await token.json()) as { access_token: string };
    const backup = JSON.parse(JSON.stringify(await readBackup(t.db))) as Awaited<ReturnType<typeof readBackup>>;
    expect(backup.tables.applications!.map((a) => a.name)).toContain('Kept');
    expect(checkBackup(backup, await currentMigration(t.db))).toBeNull();

    // After the backup: the application is deleted and another one made.
    await t.db.execute(sql`delete from applications where client_id = ${app.clientId}`);
    await t.application({ name: 'Made after the backup' });

    const counts = await restoreBackup(t.db, backup);
    expect(counts.applications).toBe(backup.tables.applications!.length);
    const result = (await t.db.execute(sql`select name from applications`)) as unknown;
    const list = (Array.isArray(result) ? (result as { name: string }[]) : (result as { rows: { name: string }[] }).rows).map((r) => r.name);
    expect(list).toContain('Kept');
    expect(list).not.toContain('Made after the backup');
    expect(await t.introspect(app, access_token)).toMatchObject({ active: true });

    // Identity columns continue after the restored ids: a new token is issued without a clash.
    const again = await t.server.token(
      new Request('https://as.example/o/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
        body: 'grant_type=client_credentials&scope=read',
      }),
    );
    expect(again.status).toBe(200);
  }, 120_000);

  it('refuses what is not a backup, another format version, or another schema version, saying which', () => {
    expect(checkBackup({ hello: 1 }, 5)).toBe('not a backup made by `manage backup`');
    expect(checkBackup({ format: 'oauth-server-backup', version: 2, tables: {}, migration: 5 }, 5)).toMatch(/version 2 is not supported/);
    expect(checkBackup({ format: 'oauth-server-backup', version: 1, tables: {}, migration: 4 }, 5)).toMatch(/another schema version/);
    expect(checkBackup({ format: 'oauth-server-backup', version: 1, tables: { nope: [] }, migration: 5 }, 5)).toMatch(/does not know: nope/);
  });
});
