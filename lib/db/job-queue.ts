/**
 * A job queue on this server's own database (pg-boss), shared by the mail queue (lib/mail/queue.ts)
 * and the back-channel logout queue (lib/logout/queue.ts): a job survives a restart, `send` only
 * inserts a row, and the worker retries with exponential backoff. This module holds what the two
 * have in common: pg-boss over the app's own driver, creating the queue once (even when two
 * instances start together), one job at a time, and a stop that waits for the job in hand.
 *
 * PGlite has no pg.Pool, so pg-boss gets a `db` adapter over the driver the app already opened
 * (PGlite, or postgres.js on PostgreSQL and on the embedded database's local socket): one set
 * of connections, and the command line queues through its own.
 */
import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { DbHandle } from './types';

type ExecResult = { rows: unknown[]; rowCount: number };

/** pg-boss's `db` over the app's own driver. */
export function pgBossDb(handle: DbHandle): { executeSql(text: string, values?: unknown[]): Promise<ExecResult> } {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'pglite') {
    const pg = client as PGlite;
    return {
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          // Migrations and maintenance send several statements at once: exec runs them all.
          const results = await pg.exec(text);
          const last = results.at(-1);
          return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
        }
        const r = await pg.query(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
      },
    };
  }
  const sql = client as Sql;
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        // pg-boss's plans wrap statements in BEGIN … COMMIT, which postgres.js allows only on a
        // connection of its own (a pooled one could interleave other queries into the transaction).
        const reserved = await sql.reserve();
        let r;
        try {
          r = await reserved.unsafe(text).simple();
        } catch (e) {
          // A failed statement skips the rest of the text, COMMIT included, and leaves the plan's
          // BEGIN open: end it before the connection goes back to the pool, or every later query
          // on it is refused ("current transaction is aborted"). Two instances starting at once
          // on a fresh database hit this: the loser's schema install fails with "already exists",
          // which pg-boss expects, and its next query failed on the poisoned connection.
          await reserved.unsafe('ROLLBACK').catch(() => {});
          throw e;
        } finally {
          reserved.release();
        }
        // Several statements answer one result per statement; pg-boss reads the last.
        const last = (Array.isArray(r[0]) ? r.at(-1) : r) as unknown as { count?: number } & unknown[];
        return { rows: [...(last ?? [])], rowCount: last?.count ?? 0 };
      }
      // node-postgres (pg-boss's own driver) sends plain objects as JSON; postgres.js needs it said.
      const params = values.map((v) => (v === undefined ? null : v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v) ? JSON.stringify(v) : v));
      const r = await sql.unsafe(text, params as never[]);
      return { rows: [...r], rowCount: r.count ?? 0 };
    },
  };
}

/** What a queue's owner may tune (tests shorten the waits); each queue has its own defaults. */
export interface JobQueueTuning {
  /** Attempts after the first. */
  retryLimit?: number;
  /** Seconds before the first retry, doubled each time. */
  retryDelaySeconds?: number;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance (default on); see JobQueueOptions.supervise. */
  supervise?: boolean;
  /** One line per problem (default console.error). */
  logError?: (line: string) => void;
}

export interface JobQueueOptions {
  handle: DbHandle;
  /** The queue's name (its rows in pg-boss's tables). */
  name: string;
  /** What the queue's own trouble is logged as ("mail queue: …"). */
  label: string;
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry, doubled each time. */
  retryDelaySeconds: number;
  /** How long finished jobs are kept. */
  retentionMinutes: number;
  /** A job whose worker takes longer than this is presumed dead and retried. */
  expireInSeconds: number;
  /**
   * pg-boss maintenance (default on): puts a job whose worker died mid-delivery back in line
   * and prunes old jobs. The server's queues run it (pg-boss lets one instance at a time); the
   * command line's short-lived queue does not.
   */
  supervise?: boolean;
  logError: (line: string) => void;
}

/** One job as its handler sees it: its data and which attempt this is. */
export interface JobAttempt<T> {
  id: string;
  data: T;
  /** 1 for the first attempt. */
  number: number;
  /** No retry follows if this one fails. */
  last: boolean;
}

export interface JobQueue<T extends object> {
  /** Creates pg-boss's tables and the queue when missing (a no-op after the first time). */
  start(): Promise<void>;
  /** Queues one job; resolves with its id once it is stored. */
  send(data: T): Promise<string | null>;
  /** Starts working, one job at a time; a handler that throws has its job retried. Idempotent. */
  work(handler: (job: JobAttempt<T>) => Promise<void>, pollingIntervalSeconds: number): Promise<void>;
  /** The state of one job: created, retry, active, completed, failed, ... (null when unknown). */
  state(id: string): Promise<string | null>;
  /** Stops the worker after the job in progress; closes nothing the app owns. */
  stop(): Promise<void>;
}

export function openJobQueue<T extends object>(options: JobQueueOptions): JobQueue<T> {
  const { name } = options;
  // No cron jobs here; maintenance where the worker runs (see `supervise`).
  const boss = new PgBoss({ db: pgBossDb(options.handle) as PgBoss.Db, schedule: false, supervise: options.supervise ?? true, expireInSeconds: options.expireInSeconds });
  // pg-boss reports its own trouble (a failed poll) here; an unhandled 'error' would crash the process.
  boss.on('error', (e) => options.logError(`${options.label}: ${e.message.split('\n')[0]}`));
  let started: Promise<void> | null = null;
  let working = false;

  const start = () => {
    started ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(name))) {
        await boss
          .createQueue(name, { name, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: true, retentionMinutes: options.retentionMinutes })
          .catch(async (e: unknown) => {
            // Two instances starting together: the other created it.
            if (!(await boss.getQueue(name))) throw e;
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
    async send(data) {
      await start();
      return boss.send(name, data);
    },
    async work(handler, pollingIntervalSeconds) {
      await start();
      if (working) return;
      working = true;
      await boss.work<T>(name, { pollingIntervalSeconds, batchSize: 1, includeMetadata: true }, async ([job]) => {
        if (!job) return;
        await handler({ id: job.id, data: job.data, number: job.retryCount + 1, last: job.retryCount >= job.retryLimit });
      });
    },
    async state(id) {
      await start();
      const job = await boss.getJobById(name, id);
      return job?.state ?? null;
    },
    async stop() {
      if (!started) return;
      working = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false } as PgBoss.StopOptions);
      started = null;
    },
  };
}
