#!/usr/bin/env node
// Issue 24, the embedded database: `npm start` killed with SIGKILL (no chance to close PGlite or
// remove its lock) starts again on the same data directory, with nothing lost: a token issued
// before the kill is still active after it. Needs a production build (.next).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const freePort = () => new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-crash-embedded-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, NODE_ENV: 'production', OAUTH2_DATA_DIR: dataDir, OAUTH2_ACCESS_LOG: 'off', OAUTH2_RATE_LIMITS: 'off' };
delete env.DATABASE_URL;

let server;
async function start() {
  server = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`crash-test-embedded: the server exited with ${server.exitCode} at start`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {}
    await sleep(250);
  }
  throw new Error('crash-test-embedded: the server did not become ready within 90 s');
}
const killed = (signal) => new Promise((resolve) => { server.once('exit', resolve); server.kill(signal); });

try {
  await start();
  // The command line reaches the running server's database through its local socket.
  const made = spawnSync('npx', ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', 'client-credentials', '--name', 'Crash test', '--json'], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`crash-test-embedded: createapplication failed: ${made.stderr.trim()}`);
  const app = JSON.parse(made.stdout);
  const auth = { Authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' };
  const issued = await (await fetch(`${base}/o/token`, { method: 'POST', headers: auth, body: 'grant_type=client_credentials&scope=read' })).json();
  if (!issued.access_token) throw new Error(`crash-test-embedded: no token before the kill: ${JSON.stringify(issued)}`);

  await killed('SIGKILL');
  await start();
  const intro = await (await fetch(`${base}/o/introspect`, { method: 'POST', headers: auth, body: `token=${issued.access_token}` })).json();
  if (intro.active !== true) throw new Error('crash-test-embedded: the token issued before SIGKILL is not active after the restart');
  console.log('crash-test-embedded: restarted on the same data after SIGKILL; the token issued before it is active');
} finally {
  if (server && server.exitCode === null && !server.signalCode) await killed('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
