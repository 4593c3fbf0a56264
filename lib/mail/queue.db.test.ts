import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '@/lib/testing/test-db';
import { startTestSmtp, type TestSmtp } from '@/lib/testing/smtp';
import type { DbHandle } from '@/lib/db/types';
import { pgBossDb } from '@/lib/db/job-queue';
import { createMailQueue, type MailQueue } from './queue';
import { openPostgres } from '@/lib/db/postgres';
import { createDeliver } from './transport';
import { mailDeliveriesFailed } from './metrics';

const SECRET = 'test secret for sealing queued mail';

async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function failedCount(): Promise<number> {
  const metric = await mailDeliveriesFailed.get();
  return metric.values.find((v) => v.labels.transport === 'smtp')?.value ?? 0;
}

describe('mail queue (pg-boss on the app database)', () => {
  let handle: DbHandle;
  let smtp: TestSmtp;
  let queue: MailQueue;
  const errors: string[] = [];

  beforeAll(async () => {
    handle = await createTestDb();
    smtp = await startTestSmtp();
    queue = createMailQueue({
      handle,
      secret: SECRET,
      deliver: createDeliver({ settings: { server: smtp.url, from: 'OAuth Server <no-reply@test.example>' }, outboxDir: '/nonexistent' }),
      transport: 'smtp',
      retryDelaySeconds: 1,
      retryLimit: 4,
      pollingIntervalSeconds: 0.5,
      logError: (line) => errors.push(line),
    });
    await queue.work();
  });

  afterAll(async () => {
    await queue.stop();
    await smtp.close();
  });

  it('delivers a queued message through SMTP', async () => {
    const id = await queue.send({ to: 'ann@example.com', subject: 'Hello', text: 'Plain body', html: '<p>HTML body</p>' });
    expect(id).toBeTruthy();
    const mail = await smtp.waitFor('ann@example.com');
    expect(mail.subject).toBe('Hello');
    expect(mail.text?.trim()).toBe('Plain body');
    expect(mail.html).toContain('<p>HTML body</p>');
    expect(mail.from?.text).toContain('no-reply@test.example');
  });

  it('retries when the mail server refuses, then delivers; the failure is logged without the message and counted', async () => {
    const before = await failedCount();
    smtp.refuseNext(2);
    const link = 'http://localhost/reset-password?token=very-secret-link-token';
    const id = (await queue.send({ to: 'bob@example.com', subject: 'Reset', text: `Follow ${link}`, links: [link] }))!;
    const mail = await smtp.waitFor('bob@example.com');
    expect(mail.text).toContain(link);
    await until(async () => (await queue.state(id)) === 'completed');
    expect((await failedCount()) - before).toBe(2);
    const lines = errors.filter((l) => l.includes('@example.com'));
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toMatch(/delivery to …@example\.com failed .*will retry/);
      expect(line).not.toContain('very-secret-link-token');
      expect(line).not.toContain('bob@');
    }
  });

  it('keeps the message sealed while it waits: the job table does not hold the link', async () => {
    await queue.stop();
    const id = (await queue.send({ to: 'carol@example.com', subject: 'Verify', text: 'token=plain-secret-in-body', links: [] }))!;
    const rows = (await handle.db.execute(`select data::text as data from pgboss.job where id = '${id}'`)) as unknown as { rows?: { data: string }[] } & { data: string }[];
    const data = (rows.rows ?? rows)[0]!.data;
    expect(data).toContain('sealed');
    expect(data).not.toContain('plain-secret-in-body');
    expect(data).not.toContain('carol@example.com');
  });
});

describe('mail without EMAIL_SERVER: the outbox', () => {
  it('writes an .eml file readable only by this user and prints each link on its own line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    const lines: string[] = [];
    const deliver = createDeliver({ settings: { server: null, from: 'OAuth Server <no-reply@localhost>' }, outboxDir: dir, log: (l) => lines.push(l) });
    await deliver({ to: 'dan@example.com', subject: 'Reset your password', text: 'Go to http://x/a', links: ['http://x/a', 'http://x/b'] });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{8}\.eml$/);
    const eml = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(eml).toContain('Subject: Reset your password');
    expect(eml).toContain('To: dan@example.com');
    expect(fs.statSync(path.join(dir, files[0]!)).mode & 0o077).toBe(0);
    expect(lines[0]).toContain('Mail to dan@example.com: "Reset your password"');
    expect(lines.slice(1)).toEqual(['  http://x/a', '  http://x/b']);
  });
});

describe('pg-boss over postgres.js', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('a failed BEGIN … COMMIT plan leaves no open transaction on the pooled connection (two instances installing the schema at once)', async () => {
    const handle = openPostgres(process.env.TEST_DATABASE_URL!, { max: 1 });
    try {
      const db = pgBossDb(handle);
      await expect(db.executeSql('BEGIN; SELECT 1/0; COMMIT;')).rejects.toThrow(/division by zero/);
      // The pool's one connection answers the next query, instead of "current transaction is aborted".
      expect((await db.executeSql('select $1::int as n', [7])).rows).toEqual([{ n: 7 }]);
    } finally {
      await handle.close();
    }
  });
});
