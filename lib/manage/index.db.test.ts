/**
 * `npm run manage` as an operator runs it beside a running server (the embedded database served
 * on its loopback port): the commands' audit rows and the revocations they announce reach the
 * trail once each, through the process's one bus (lib/server/events), and --json prints one
 * line of JSON.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTokens, auditEvents, users } from '@/drizzle/schema';
import type { DbHandle } from '@/lib/db/types';

let root: string;
let dir: string;
let handle: DbHandle;
const saved = process.env.OAUTH2_DATA_DIR;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-manage-test-'));
  dir = path.join(root, 'data');
  process.env.OAUTH2_DATA_DIR = dir;
  const { openEmbedded } = await import('@/lib/db/embedded');
  handle = await openEmbedded({ serve: true });
  await handle.migrate();
}, 120_000);

afterAll(async () => {
  await handle?.close();
  if (saved === undefined) delete process.env.OAUTH2_DATA_DIR;
  else process.env.OAUTH2_DATA_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

async function manage(...args: string[]): Promise<Record<string, unknown>> {
  const env: NodeJS.ProcessEnv = { ...process.env, OAUTH2_DATA_DIR: dir };
  delete env.DATABASE_URL;
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'lib/manage/index.ts', ...args, '--json'], { cwd: process.cwd(), env, timeout: 120_000 });
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

describe('manage commands on the process’s one bus', () => {
  it('createapplication and changepassword: one audit row per act, the revocation with its cause', async () => {
    const created = await manage('createapplication', 'confidential', 'client-credentials', '--name', 'CLI Bus App');
    const clientId = created.client_id as string;
    const [user] = await handle.db.insert(users).values({ email: `cli-${randomUUID()}@example.com`, passwordHash: 'x' }).returning();
    await handle.db.insert(accessTokens).values({ tokenDigest: `d-${randomUUID()}`, applicationId: created.id as string, userId: user!.id, scope: 'read', expiresAt: new Date(Date.now() + 3_600_000) });

    expect(await manage('changepassword', '--email', user!.email, '--password', 'a long new cli password')).toMatchObject({ email: user!.email, tokens_revoked: 1 });

    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.clientId, clientId));
    expect(rows.filter((r) => r.type === 'application.created')).toHaveLength(1);
    const revoked = rows.filter((r) => r.type === 'token.revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ actorType: 'operator', userId: user!.id, detail: { by: 'operator', reason: 'password_change', accessTokens: 1, refreshTokens: 0 } });
    const changed = await handle.db.select().from(auditEvents).where(eq(auditEvents.type, 'password.changed'));
    expect(changed).toHaveLength(1);
  }, 300_000);
});
