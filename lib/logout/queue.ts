/**
 * The back-channel logout queue: pg-boss on this server's own database, as the mail queue
 * (lib/mail/queue.ts, whose driver adapter it shares). A sign-out only inserts a row per
 * application to tell; the worker started with the server POSTs the logout tokens, retrying an
 * application that is down with exponential backoff, so a slow or dead back-channel URI never
 * holds up anyone's sign-out. Every instance runs a worker; each job is delivered once.
 */
import PgBoss from 'pg-boss';
import type { DbHandle } from '@/lib/db/types';
import { pgBossDb } from '@/lib/mail/queue';

export const LOGOUT_QUEUE = 'backchannel-logout';

/** One application to tell that one browser session ended. No secret in it: the token is signed when sent. */
export interface LogoutJob {
  applicationId: string;
  userId: string;
  sessionId: string;
  /** The issuer the session's ID tokens named (the logout token's iss). */
  issuer: string;
}

/** A delivery attempt: resolves when the application took it; throws to be retried, or a PermanentFailure to give up. */
export type DeliverLogout = (job: LogoutJob, attempt: { number: number; last: boolean }) => Promise<void>;

/** A failure the next attempt will not fix (the application answered 4xx, or has no URI any more). */
export class PermanentFailure extends Error {}

export interface LogoutQueueOptions {
  handle: DbHandle;
  deliver: DeliverLogout;
  /** Attempts after the first (default 6: with backoff from 10 s, about ten minutes of retrying). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance (default on); see lib/mail/queue.ts. */
  supervise?: boolean;
  logError?: (line: string) => void;
}

export interface LogoutQueue {
  start(): Promise<void>;
  /** Queues the jobs; resolves once they are stored. */
  send(jobs: LogoutJob[]): Promise<void>;
  work(): Promise<void>;
  stop(): Promise<void>;
}

export function createLogoutQueue(options: LogoutQueueOptions): LogoutQueue {
  const logError = options.logError ?? ((line: string) => console.error(line));
  const retryLimit = options.retryLimit ?? 6;
  const boss = new PgBoss({ db: pgBossDb(options.handle) as PgBoss.Db, schedule: false, supervise: options.supervise ?? true, expireInSeconds: 60 });
  boss.on('error', (e) => logError(`back-channel logout queue: ${e.message.split('\n')[0]}`));
  let started: Promise<void> | null = null;
  let working = false;

  const start = () => {
    started ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(LOGOUT_QUEUE))) {
        await boss
          .createQueue(LOGOUT_QUEUE, { name: LOGOUT_QUEUE, retryLimit, retryDelay: options.retryDelaySeconds ?? 10, retryBackoff: true, retentionMinutes: 60 * 24 })
          .catch(async (e: unknown) => {
            if (!(await boss.getQueue(LOGOUT_QUEUE))) throw e; // another instance created it
          });
      }
    })();
    started.catch(() => {
      started = null;
    });
    return started;
  };

  return {
    start,
    async send(jobs) {
      if (jobs.length === 0) return;
      await start();
      for (const job of jobs) await boss.send(LOGOUT_QUEUE, job);
    },
    async work() {
      await start();
      if (working) return;
      working = true;
      await boss.work<LogoutJob>(LOGOUT_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        const attempt = { number: job.retryCount + 1, last: job.retryCount >= job.retryLimit };
        try {
          await options.deliver(job.data, attempt);
        } catch (e) {
          // A permanent failure completes the job (retrying cannot help); anything else is retried.
          if (e instanceof PermanentFailure) return;
          throw e instanceof Error ? e : new Error(String(e));
        }
      });
    },
    async stop() {
      if (!started) return;
      working = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false } as PgBoss.StopOptions);
      started = null;
    },
  };
}
