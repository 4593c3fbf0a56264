/**
 * The embedded database's loopback port (what `npm run manage` uses while the server runs)
 * asks for the password in <data dir>/db-password: other local users cannot connect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './types';

let root: string;
let dir: string;
let handle: DbHandle;
let port: number;
const saved = process.env.OAUTH2_DATA_DIR;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-socket-test-'));
  dir = path.join(root, 'data'); // created by the server, as .data/ is
  process.env.OAUTH2_DATA_DIR = dir;
  const { openEmbedded } = await import('./embedded');
  handle = await openEmbedded({ serve: true });
  port = (JSON.parse(fs.readFileSync(path.join(dir, 'pglite.lock'), 'utf8')) as { port: number }).port;
});

afterAll(async () => {
  await handle?.close();
  if (saved === undefined) delete process.env.OAUTH2_DATA_DIR;
  else process.env.OAUTH2_DATA_DIR = saved;
  fs.rmSync(root, { recursive: true, force: true });
});

const connect = (password: string) => postgres({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', max: 1, connect_timeout: 5, onnotice: () => {} });

describe('embedded database loopback socket', () => {
  it('keeps the password in the data directory, both reachable by their owner only', () => {
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const file = path.join(dir, 'db-password');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a connection with the wrong password (PostgreSQL 28P01) and one with none', async () => {
    for (const password of ['postgres', '']) {
      const sql = connect(password);
      await expect(sql`select 1`).rejects.toMatchObject({ code: '28P01' });
      await sql.end();
    }
  });

  it('serves the database to a client with the password, as `npm run manage` connects', async () => {
    await handle.db.execute('create table socket_probe (n int)');
    await handle.db.execute('insert into socket_probe values (42)');
    const sql = connect(fs.readFileSync(path.join(dir, 'db-password'), 'utf8').trim());
    expect(await sql`select n from socket_probe`).toEqual([{ n: 42 }]);
    // A transaction across statements works through the front as through pglite-socket.
    await sql.begin(async (tx) => {
      await tx`insert into socket_probe values (43)`;
    });
    expect((await sql`select count(*)::int as c from socket_probe`)[0]).toEqual({ c: 2 });
    await sql.end();
  });
});
