/**
 * Delivering one message: through SMTP (nodemailer) when EMAIL_SERVER is set; otherwise into
 * <data dir>/outbox/<time>-<id>.eml with its links printed on the server's console, so a
 * `npm start` user can follow a reset or verification link without a mail server.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage } from './index';
import type { MailSettings } from './settings';

export type Deliver = (message: MailMessage) => Promise<void>;

export interface TransportOptions {
  settings: MailSettings;
  /** Where .eml files go when there is no EMAIL_SERVER. */
  outboxDir: string;
  /** Where links are printed (the server's console). */
  log?: (line: string) => void;
}

/** nodemailer's fields for one message; the language travels as Content-Language (RFC 3282). */
function envelope(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.locale ? { headers: { 'Content-Language': message.locale } } : {}),
  };
}

export function transportName(settings: MailSettings): 'smtp' | 'outbox' {
  return settings.server ? 'smtp' : 'outbox';
}

export function createDeliver({ settings, outboxDir, log = console.log }: TransportOptions): Deliver {
  if (settings.server) {
    // One pooled transporter per process; a mail server that is down fails the attempt fast
    // (the queue retries), rather than holding a worker for minutes.
    const smtp: Transporter = nodemailer.createTransport(settings.server, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never);
    return async (message) => {
      await smtp.sendMail(envelope(settings.from, message));
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await writer.sendMail(envelope(settings.from, message));
    await fs.mkdir(outboxDir, { recursive: true, mode: 0o700 });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(outboxDir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
    // The links are credentials: only this OS user reads the file (as .data/ itself).
    await fs.writeFile(file, info.message as Buffer, { mode: 0o600 });
    const shown = path.relative(process.cwd(), file);
    log(`Mail to ${message.to}: "${message.subject}" (no EMAIL_SERVER; saved to ${shown.startsWith('..') ? file : shown})`);
    for (const link of message.links ?? []) log(`  ${link}`);
  };
}
