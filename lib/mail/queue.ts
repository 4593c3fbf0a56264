/**
 * The mail queue: a job queue on this server's own database (lib/db/job-queue.ts), so a message
 * survives a restart and a mail server that is down delays mail without losing it. `send` only
 * inserts a row (the request that asked returns at once); the worker, started with the server,
 * delivers with retries and exponential backoff. Each failed attempt is logged without the
 * message (its links are credentials) and counted.
 */
import type { DbHandle } from '@/lib/db/types';
import { openJobQueue, type JobQueueTuning } from '@/lib/db/job-queue';
import type { MailMessage } from './index';
import { mailDelivered, mailDeliveriesFailed } from './metrics';
import { mailSealer, type Sealed } from './sealed';
import type { Deliver } from './transport';

export const MAIL_QUEUE = 'mail';

/** Defaults: 8 retries with backoff from 30 s (about two hours of retrying), polling every 2 s. */
export interface MailQueueOptions extends JobQueueTuning {
  handle: DbHandle;
  /** AUTH_SECRET: seals messages while they wait (lib/mail/sealed.ts). */
  secret: string;
  deliver: Deliver;
  /** For the failure counter's label. */
  transport: string;
}

export interface MailQueue {
  /** Creates pg-boss's tables and the queue when missing (a no-op after the first time). */
  start(): Promise<void>;
  /** Queues one message; resolves once it is stored. Returns the job id. */
  send(message: MailMessage): Promise<string | null>;
  /** Starts delivering (the server does; the command line only when no server runs). */
  work(): Promise<void>;
  /** The state of one job: created, retry, active, completed, failed, ... (null when unknown). */
  state(id: string): Promise<string | null>;
  /** Stops the worker after the delivery in progress; closes nothing the app owns. */
  stop(): Promise<void>;
}

export function createMailQueue(options: MailQueueOptions): MailQueue {
  const { deliver, transport } = options;
  const sealer = mailSealer(options.secret);
  const logError = options.logError ?? ((line: string) => console.error(line));
  const queue = openJobQueue<Sealed>({
    handle: options.handle,
    name: MAIL_QUEUE,
    label: 'mail queue',
    retryLimit: options.retryLimit ?? 8,
    retryDelaySeconds: options.retryDelaySeconds ?? 30,
    // Delivered mail is deleted soon: its job held a link (sealed, but still).
    retentionMinutes: 60 * 24 * 2,
    expireInSeconds: 120,
    supervise: options.supervise,
    logError,
  });

  return {
    start: queue.start,
    send: (message) => queue.send(sealer.seal(message)),
    work: () =>
      queue.work(async (job) => {
        const message = sealer.unseal<MailMessage>(job.data);
        try {
          await deliver(message);
          mailDelivered.inc({ transport });
        } catch (e) {
          mailDeliveriesFailed.inc({ transport });
          // The recipient's domain and the reason; never the body or its links.
          const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
          logError(`mail: delivery to …@${message.to.split('@')[1] ?? '?'} failed (job ${job.id}, will retry): ${reason}`);
          throw new Error(reason);
        }
      }, options.pollingIntervalSeconds ?? 2),
    state: queue.state,
    stop: queue.stop,
  };
}
