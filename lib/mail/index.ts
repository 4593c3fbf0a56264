/**
 * Sending mail. A request never waits for a mail server: `queueMail` puts the message on the
 * queue (lib/mail/queue.ts, pg-boss on this server's database) and returns; the worker the
 * server starts (lib/server/start.ts → startMailWorker) delivers it (SMTP via EMAIL_SERVER, or
 * .data/outbox/*.eml with the links printed on the console) and retries when delivery fails.
 */
import path from 'node:path';
import { getSettings } from '@/lib/config/settings';
import { openServerDatabase } from '@/lib/db/client';
import { dataDir } from '@/lib/db/embedded';
import type { DbHandle } from '@/lib/db/types';
import { authSecret } from '@/lib/auth/secret';
import { mailDeliveriesFailed } from './metrics';
import { createMailQueue, type MailQueue, type MailQueueOptions } from './queue';
import { createDeliver, transportName } from './transport';
import { singleton } from '@/lib/runtime/singletons';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Links in the message, printed on the console when mail goes to the outbox. */
  links?: string[];
  /** The language it is written in (lib/mail/locale.ts), sent as Content-Language. */
  locale?: string;
}

/** This process's queue, or the one being built (one per process: Next loads this module once per bundle). */
interface QueueSlot {
  queue?: MailQueue;
  building?: Promise<MailQueue>;
}
const slot = () => singleton<QueueSlot>('mail-queue', () => ({}));

/** The queue over `handle` with this process's settings (the server's, or the command line's own). */
export function mailQueueFor(handle: DbHandle, overrides: Partial<MailQueueOptions> = {}): MailQueue {
  const settings = getSettings().mail;
  return createMailQueue({
    handle,
    secret: authSecret(),
    deliver: createDeliver({ settings, outboxDir: path.join(dataDir(), 'outbox') }),
    transport: transportName(settings),
    ...overrides,
  });
}

/** Sets the queue `queueMail` uses in this process (tests; the command line over its own connection). */
export function useMailQueue(queue: MailQueue | undefined): void {
  const g = slot();
  g.queue = queue;
  g.building = undefined;
}

function processQueue(): Promise<MailQueue> {
  const g = slot();
  if (g.queue) return Promise.resolve(g.queue);
  g.building ??= openServerDatabase().then((handle) => (g.queue ??= mailQueueFor(handle)));
  return g.building;
}

/**
 * Server start: the worker that delivers queued mail (mail queued while the server was down
 * goes out now). Returns the stop function for shutdown.
 */
export async function startMailWorker(): Promise<() => Promise<void>> {
  const queue = await processQueue();
  await queue.work();
  const { server } = getSettings().mail;
  // Where mail goes, said once at start (the host only: the URL may carry the SMTP password).
  console.log(
    server
      ? `Mail: delivered through ${new URL(server).protocol}//${new URL(server).host} (EMAIL_SERVER).`
      : `Mail: EMAIL_SERVER is not set; messages are saved under ${path.join(dataDir(), 'outbox')} and their links printed here.`,
  );
  return () => queue.stop();
}

/** Queues `message` and returns; never throws (a request must not fail because of mail). */
export async function queueMail(message: MailMessage): Promise<void> {
  try {
    await (await processQueue()).send(message);
  } catch (e) {
    mailDeliveriesFailed.inc({ transport: 'queue' });
    console.error(`mail: could not queue a message to …@${message.to.split('@')[1] ?? '?'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
