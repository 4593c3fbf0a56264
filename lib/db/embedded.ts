/**
 * The embedded database: PGlite persisted under .data/pglite.
 *
 * PGlite allows one process per data directory; two corrupt it. So the first process to
 * open it takes .data/pglite.lock (created exclusively, holding its pid). The server then
 * serves the database on a loopback port with pglite-socket and writes that port into the
 * lock, so `npm run manage` in another terminal connects to it as PostgreSQL instead of
 * opening the files (the way manage.py works beside a running Django). That port asks for the
 * password in .data/db-password (lib/db/socket-password.ts), so other local users cannot connect.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '@/drizzle/schema';
import type { Db, DbHandle } from './types';
import { readOrCreateSecretFile, readSecretFile } from '@/lib/config/secret-file';
import { MIGRATIONS_FOLDER, openPostgres } from './postgres';
import { startPasswordFront } from './socket-password';
import { databaseEnv } from '@/lib/config/process-env';

/** OAUTH2_DATA_DIR (default .data): the embedded database, its secrets, the mail outbox. */
export function dataDir(): string {
  return databaseEnv().dataDir;
}

interface LockInfo {
  pid: number;
  port?: number;
}

function lockPath() {
  return path.join(dataDir(), 'pglite.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as LockInfo;
    return alive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws naming the process that holds it. Stale locks (dead pid) are replaced. */
function takeLock(): void {
  // The database files, the session key and the socket password live here: this OS user only.
  fs.mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
  try {
    fs.chmodSync(dataDir(), 0o700); // also an existing .data/ made before this rule
  } catch {
    /* not ours to change (a directory someone else set up): leave it */
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath(), JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      const release = () => {
        try {
          const info = JSON.parse(fs.readFileSync(lockPath(), 'utf8')) as LockInfo;
          if (info.pid === process.pid) fs.unlinkSync(lockPath());
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock();
      if (holder) throw new Error(`the embedded database in ${dataDir()} is in use by process ${holder.pid}`);
      fs.rmSync(lockPath(), { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not lock the embedded database in ${dataDir()}`);
}

function writeLockPort(port: number) {
  fs.writeFileSync(lockPath(), JSON.stringify({ pid: process.pid, port }));
}

/** In-memory PGlite for tests: fast, isolated, gone at exit. */
export function openMemoryPglite(): DbHandle {
  const client = new PGlite();
  return pgliteHandle(client, 'pglite');
}

function pgliteHandle(client: PGlite, kind: DbHandle['kind'], onClose?: () => Promise<void>): DbHandle {
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind,
    poolSize: 1, // one PGlite instance, one connection: queries queue in it
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await onClose?.();
      await client.close();
    },
  };
}

/**
 * Opens the embedded database for this process. With `serve`, also listens on a loopback
 * port so other processes (manage commands) can share it. If another process already holds
 * it and serves it, connects to that one instead of touching the files.
 */
export async function openEmbedded({ serve }: { serve: boolean }): Promise<DbHandle> {
  const holder = readLock();
  if (holder?.port) {
    if (serve) throw new Error(`the embedded database in ${dataDir()} is in use by process ${holder.pid}; stop it first`);
    const password = readSecretFile(passwordPath());
    if (!password) throw new Error(`the embedded database in ${dataDir()} is served by process ${holder.pid}, but ${passwordPath()} is missing`);
    return openPostgres(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${holder.port}/postgres`, { max: 1, kind: 'pglite-socket' });
  }
  takeLock();
  const client = new PGlite(path.join(dataDir(), 'pglite'));
  await client.waitReady;
  if (!serve) return pgliteHandle(client, 'pglite');

  // pglite-socket has no authentication: it listens where only this OS user can reach it, and
  // the loopback port other processes use asks for the password in .data/db-password first.
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const inner = privateSocketPath();
  const server = new PGLiteSocketServer({ db: client, path: inner.path, maxConnections: 8 });
  await server.start();
  const front = await startPasswordFront(readOrCreateSecretFile(passwordPath(), 'the embedded database password'), inner.path);
  writeLockPort(front.port);
  return pgliteHandle(client, 'pglite', async () => {
    await front.close();
    await server.stop();
    inner.remove();
  });
}

/** The password the loopback port asks for (mode 0600; `npm run manage` reads it). */
export function passwordPath(): string {
  return path.join(dataDir(), 'db-password');
}

/**
 * Where pglite-socket listens: a Unix socket in a fresh 0700 directory (mkdtemp; under the
 * system temp dir, as the data dir's path may be longer than a socket path may be), or on
 * Windows a named pipe with a random name.
 */
function privateSocketPath(): { path: string; remove: () => void } {
  if (process.platform === 'win32') return { path: `\\\\.\\pipe\\oauth-pglite-${crypto.randomUUID()}`, remove: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-pglite-'));
  fs.chmodSync(dir, 0o700);
  return { path: path.join(dir, 'socket'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
