/**
 * The one module that opens the database for the server process.
 * DATABASE_URL set: a postgres.js pool. Unset: the embedded PGlite under .data/, also served
 * on a loopback socket so `npm run manage` can use it while the server runs.
 */
import { openPostgres, describeUrl } from './postgres';
import { openEmbedded } from './embedded';
import type { Db, DbHandle } from './types';
import { databaseEnv } from '@/lib/config/process-env';
import { existingSingleton, setSingleton, singleton } from '@/lib/runtime/singletons';

export type { Db, DbHandle } from './types';

/** The server's database: opening (promise) and, once open, the handle for synchronous readers. */
interface ServerDatabase {
  opening: Promise<DbHandle>;
  open?: DbHandle;
}

export function openServerDatabase(): Promise<DbHandle> {
  return singleton<ServerDatabase>('database', () => {
    const state = {} as ServerDatabase;
    state.opening = (async () => {
      const { url, poolSize, statementTimeoutMs, connectTimeoutSeconds } = databaseEnv();
      const handle = url ? openPostgres(url, { max: poolSize, statementTimeoutMs, connectTimeoutSeconds }) : await openEmbedded({ serve: true });
      if (url) await assertReachable(handle, url);
      state.open = handle;
      return handle;
    })();
    return state;
  }).opening;
}

/** The open database; the first call opens it (the server opens it at start, in instrumentation.ts). */
export async function getDb(): Promise<Db> {
  return (openedServerDatabase() ?? (await openServerDatabase())).db;
}

/** The server's open database handle, if it is open yet (metrics read its pool size and connections). */
export function openedServerDatabase(): DbHandle | undefined {
  return existingSingleton<ServerDatabase>('database')?.open;
}

/**
 * The command line's connection serves every module that asks getDb() in that process (mail
 * queue, audit trail, ending a user's access), instead of opening the server's database again.
 */
export function adoptDatabase(handle: DbHandle): void {
  setSingleton<ServerDatabase>('database', { opening: Promise.resolve(handle), open: handle });
}

/** For the command line: the configured PostgreSQL, or the embedded database (through the running server when there is one). */
export async function openCliDatabase(): Promise<DbHandle> {
  const { url } = databaseEnv();
  if (!url) return openEmbedded({ serve: false });
  const handle = openPostgres(url, { max: 2 });
  await assertReachable(handle, url);
  return handle;
}

async function assertReachable(handle: DbHandle, url: string) {
  try {
    await handle.db.execute('select 1');
  } catch (e) {
    await handle.close().catch(() => {});
    // Drizzle wraps the driver's error ("Failed query: ..."); the cause says what went wrong.
    let root: unknown = e;
    while (root instanceof Error && root.cause) root = root.cause;
    const code = (root as { code?: string }).code;
    const reason = (code ?? (root instanceof Error ? root.message : String(root))).split('\n')[0];
    throw new Error(`DATABASE_URL: cannot connect to PostgreSQL at ${describeUrl(url)} (${reason})`);
  }
}
