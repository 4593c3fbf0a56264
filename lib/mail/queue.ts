/**
 * The mail queue: pg-boss on this server's own database, so a message survives a restart and
 * a mail server that is down delays mail without losing it. `send` only inserts a row (the
 * request that asked returns at once); the worker, started with the server, delivers with
 * retries and exponential backoff (pg-boss's retryLimit/retryDelay/retryBackoff). Each failed
 * attempt is logged without the message (its links are credentials) and counted.
 *
 * PGlite has no pg.Pool, so pg-boss gets a `db` adapter over the driver the app already opened
 * (PGlite, or postgres.js on PostgreSQL and on the embedded database's local socket): one set
 * of connections, and the command line queues through its own.
 */
import PgBoss from 'pg-boss';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import type { DbHandle } from '@/lib/db/types';
import type { MailMessage } from './index';
import { mailDelivered, mailDeliveriesFailed } from './metrics';
import { mailSealer, type Sealed } from './sealed';
import type { Deliver } from './transport';

export const MAIL_QUEUE = 'mail';

export interface MailQueueOptions {
  handle: DbHandle;
  /** AUTH_SECRET: seals messages while they wait (lib/mail/sealed.ts). */
  secret: string;
  deliver: Deliver;
  /** For the failure counter's label. */
  transport: string;
  /** Attempts after the first (default 8: with backoff from 30 s, about two hours of retrying). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30), doubled each time (retryBackoff). */
  retryDelaySeconds?: number;
  /** How often an idle worker looks for mail (default 2 s). */
  pollingIntervalSeconds?: number;
  /**
   * pg-boss maintenance (default on): puts a job whose worker died mid-delivery back in line
   * and prunes old jobs. The server's queue runs it (pg-boss lets one instance at a time); the
   * command line's short-lived queue does not.
   */
  supervise?: boolean;
  /** One line per failed attempt (default console.error). */
  logError?: (line: string) => void;
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

export function createMailQueue(options: MailQueueOptions): MailQueue {
  const { deliver, transport } = options;
  const sealer = mailSealer(options.secret);
  const logError = options.logError ?? ((line: string) => console.error(line));
  const boss = new PgBoss({
    db: pgBossDb(options.handle) as PgBoss.Db,
    // No cron jobs here; maintenance where the worker runs (see `supervise`).
    schedule: false,
    supervise: options.supervise ?? true,
    // A delivery that takes longer than this is presumed dead and retried.
    expireInSeconds: 120,
  });
  // pg-boss reports its own trouble (a failed poll) here; an unhandled 'error' would crash the process.
  boss.on('error', (e) => logError(`mail queue: ${e.message.split('\n')[0]}`));
  let started: Promise<void> | null = null;
  let working = false;

  const start = () => {
    started ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(MAIL_QUEUE))) {
        await boss
          .createQueue(MAIL_QUEUE, {
            name: MAIL_QUEUE,
            retryLimit: options.retryLimit ?? 8,
            retryDelay: options.retryDelaySeconds ?? 30,
            retryBackoff: true,
            // Delivered mail is deleted soon: its job held a link (sealed, but still).
            retentionMinutes: 60 * 24 * 2,
          })
          .catch(async (e: unknown) => {
            // Two instances starting together: the other created it.
            if (!(await boss.getQueue(MAIL_QUEUE))) throw e;
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
    async send(message) {
      await start();
      return boss.send(MAIL_QUEUE, sealer.seal(message));
    },
    async work() {
      await start();
      if (working) return;
      working = true;
      await boss.work<Sealed>(MAIL_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([job]) => {
        if (!job) return;
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
      });
    },
    async state(id) {
      await start();
      const job = await boss.getJobById(MAIL_QUEUE, id);
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
