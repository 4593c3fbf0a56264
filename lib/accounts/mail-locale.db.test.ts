/**
 * Issue 23: account mail in the recipient's language, through the real queue (pg-boss on the
 * test database) and a real SMTP server in this process. The language is the account's saved
 * choice (users.locale), else the page's that asked, else OAUTH2_DEFAULT_LOCALE (en here).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/drizzle/schema';
import { setAuditDatabase } from '@/lib/audit';
import type { MailMessage } from '@/lib/mail';
import { createMailQueue, type MailQueue } from '@/lib/mail/queue';
import { createDeliver } from '@/lib/mail/transport';
import { createTestServer } from '@/lib/testing/oauth';
import { startTestSmtp, type TestSmtp } from '@/lib/testing/smtp';
import { requestPasswordReset, resetPassword } from './password-reset';

const BASE = 'https://id.example';
const t = await createTestServer();
setAuditDatabase(t.db);

describe('account mail in the recipient’s language', () => {
  let smtp: TestSmtp;
  let queue: MailQueue;
  const mail = async (m: MailMessage) => {
    await queue.send(m);
  };
  const user = async (locale: string | null) => {
    const [u] = await t.db.insert(users).values({ email: `l-${randomUUID()}@example.com`, passwordHash: 'hash:old-password', locale }).returning();
    return u!;
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    queue = createMailQueue({
      handle: t.handle,
      secret: 'test secret for sealing queued mail',
      deliver: createDeliver({ settings: { server: smtp.url, from: 'OAuth Server <no-reply@test.example>' }, outboxDir: '/nonexistent' }),
      transport: 'smtp',
      pollingIntervalSeconds: 0.5,
    });
    await queue.work();
  });

  afterAll(async () => {
    await queue?.stop();
    await smtp?.close();
    setAuditDatabase(null);
  });

  it('a user whose saved language is German gets the reset mail in German, whatever page asked; its link resets the password', async () => {
    const u = await user('de');
    expect(await requestPasswordReset(u.email, { baseUrl: BASE, db: t.db, mail, locale: 'ja' })).toBe(true);
    const received = await smtp.waitFor(u.email);
    expect(received.subject).toBe('Setzen Sie Ihr Passwort für OAuth Server zurück');
    expect(received.headers.get('content-language')).toBe('de');
    expect(received.text).toContain('Jemand (hoffentlich Sie) hat darum gebeten');
    expect(received.text).toContain('Der Link funktioniert einmal, 30 Minuten lang.');
    expect(received.html).toContain('<html lang="de">');
    expect(received.html).toContain('Neues Passwort wählen');
    const link = received.text!.match(/https:\/\/id\.example\/reset-password\?token=\S+/)![0];
    const token = new URL(link).searchParams.get('token')!;

    // The notice after the reset speaks German too.
    expect(await resetPassword(token, 'a new long password', { baseUrl: BASE, db: t.db, mail, locale: 'en' })).toMatchObject({ ok: true });
    await expect.poll(() => smtp.received.some((m) => m.to && JSON.stringify(m.to).includes(u.email) && m.subject === 'Ihr Passwort für OAuth Server wurde geändert'), { timeout: 20_000 }).toBe(true);
  });

  it('without a saved language, the language of the page that asked (Japanese)', async () => {
    const u = await user(null);
    await requestPasswordReset(u.email, { baseUrl: BASE, db: t.db, mail, locale: 'ja' });
    const received = await smtp.waitFor(u.email);
    expect(received.subject).toBe('OAuth Server のパスワードをリセットしてください');
    expect(received.headers.get('content-language')).toBe('ja');
  });

  it('neither (the command line, an operator): OAUTH2_DEFAULT_LOCALE, English here, word for word as before', async () => {
    const u = await user(null);
    await requestPasswordReset(u.email, { baseUrl: BASE, db: t.db, mail, actor: 'operator' });
    const received = await smtp.waitFor(u.email);
    expect(received.subject).toBe('Reset your OAuth Server password');
    expect(received.text).toContain(`Someone (hopefully you) asked to reset the password of the OAuth Server account for ${u.email}.`);
  });

  it('a saved value that is not a language this server has is ignored', async () => {
    const u = await user('tlh');
    await requestPasswordReset(u.email, { baseUrl: BASE, db: t.db, mail, locale: 'de' });
    expect((await smtp.waitFor(u.email)).subject).toBe('Setzen Sie Ihr Passwort für OAuth Server zurück');
  });
});
