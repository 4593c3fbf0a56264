#!/usr/bin/env node
// Issue 24, the embedded database: `npm start` killed with SIGKILL (no chance to close PGlite or
// remove its lock) starts again on the same data directory, with nothing lost: a token issued
// before the kill is still active after it. Needs a production build (.next).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApplication, createClients, freePort, startServer } from './lib/traffic.mjs';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-crash-embedded-'));
const port = await freePort();
const env = { ...process.env, NODE_ENV: 'production', OAUTH2_DATA_DIR: dataDir, OAUTH2_ACCESS_LOG: 'off', OAUTH2_RATE_LIMITS: 'off' };
delete env.DATABASE_URL;
const start = () => startServer({ env, port, label: 'crash-test-embedded' });

let server = await start();
try {
  // The command line reaches the running server's database through its local socket.
  const clients = createClients(`http://127.0.0.1:${port}`, createApplication(env, 'password,client-credentials', 'crash-test-embedded'));
  const r = await clients.post('/o/token', { grant_type: 'client_credentials', scope: 'read' });
  if (r.status !== 200) throw new Error(`crash-test-embedded: no token before the kill: ${JSON.stringify(r.json)}`);
  clients.accessTokens.push({ token: r.json.access_token, revokedOnPurpose: false });

  server.child.kill('SIGKILL');
  await server.exited();
  server = await start();
  await clients.check('crash-test-embedded after SIGKILL');
  if (clients.violations.length) throw new Error(`crash-test-embedded: ${clients.violations.join('; ')}`);
  console.log('crash-test-embedded: restarted on the same data after SIGKILL; the token issued before it is active');
} finally {
  if (server.running()) {
    server.child.kill('SIGTERM');
    await server.exited();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}
