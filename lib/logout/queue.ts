/**
 * The back-channel logout queue: a job queue on this server's own database (lib/db/job-queue.ts),
 * as the mail queue. A sign-out only inserts a row per
 * application to tell; the worker started with the server POSTs the logout tokens, retrying an
 * application that is down with exponential backoff, so a slow or dead back-channel URI never
 * holds up anyone's sign-out. Every instance runs a worker; each job is delivered once.
 */
import type { DbHandle } from '@/lib/db/types';
import { openJobQueue, type JobQueueTuning } from '@/lib/db/job-queue';

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

/** Defaults: 6 retries with backoff from 10 s (about ten minutes of retrying), polling every 2 s. */
export interface LogoutQueueOptions extends JobQueueTuning {
  handle: DbHandle;
  deliver: DeliverLogout;
}

export interface LogoutQueue {
  start(): Promise<void>;
  /** Queues the jobs; resolves once they are stored. */
  send(jobs: LogoutJob[]): Promise<void>;
  work(): Promise<void>;
  stop(): Promise<void>;
}

export function createLogoutQueue(options: LogoutQueueOptions): LogoutQueue {
  const queue = openJobQueue<LogoutJob>({
    handle: options.handle,
    name: LOGOUT_QUEUE,
    label: 'back-channel logout queue',
    retryLimit: options.retryLimit ?? 6,
    retryDelaySeconds: options.retryDelaySeconds ?? 10,
    retentionMinutes: 60 * 24,
    expireInSeconds: 60,
    supervise: options.supervise,
    logError: options.logError ?? ((line: string) => console.error(line)),
  });

  return {
    start: queue.start,
    async send(jobs) {
      for (const job of jobs) await queue.send(job);
    },
    work: () =>
      queue.work(async (job) => {
        try {
          await options.deliver(job.data, { number: job.number, last: job.last });
        } catch (e) {
          // A permanent failure completes the job (retrying cannot help); anything else is retried.
          if (e instanceof PermanentFailure) return;
          throw e instanceof Error ? e : new Error(String(e));
        }
      }, options.pollingIntervalSeconds ?? 2),
    stop: queue.stop,
  };
}
