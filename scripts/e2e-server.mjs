#!/usr/bin/env node
// The server Playwright tests run against: the production build on a fresh embedded database
// (a temporary OAUTH2_DATA_DIR), with the demo users. Port from E2E_PORT (default 3100).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = process.env.E2E_PORT || '3100';
const dataDir = process.env.OAUTH2_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-e2e-'));
fs.writeFileSync(path.join(os.tmpdir(), `oauth-e2e-${port}.datadir`), dataDir);
// Node runs server.mjs directly (no npx in between), in this script's process group: Playwright stops
// the group, and a signal sent to this script alone is passed on.
// E2E_SERVER_LOG (set by playwright.config.ts): the server's request lines go to that file, not into the
// test output, so the output is the tests; scripts/e2e.sh prints the file's tail when a test fails.
const logFile = process.env.E2E_SERVER_LOG;
let stdio = 'inherit';
if (logFile) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const fd = fs.openSync(logFile, 'w');
  stdio = ['ignore', fd, fd];
}
const child = spawn(process.execPath, ['server.mjs', '-p', port, '-H', '127.0.0.1'], {
  stdio,
  env: {
    // Every browser test comes from 127.0.0.1: per-IP limits sized for one person would refuse the
    // suite's own sign-ins. The limits themselves are tested on a server of their own (e2e/rate-limits.spec.ts).
    OAUTH2_RATE_LIMIT_SIGNIN_IP: '1000/60',
    OAUTH2_RATE_LIMIT_SIGNUP_IP: '1000/3600',
    OAUTH2_RATE_LIMIT_AUTHORIZE_IP: '1000/60',
    OAUTH2_RATE_LIMIT_REGISTER_IP: '1000/3600',
    ...process.env,
    OAUTH2_DATA_DIR: dataDir,
    OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES: process.env.OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES || 'https',
    // The agent profile, with client ID metadata documents served by the fake client on http://127.0.0.1.
    OAUTH2_MCP: process.env.OAUTH2_MCP || 'on',
    OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK: process.env.OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK || 'on',
    OAUTH2_OPERATOR_EMAILS: process.env.OAUTH2_OPERATOR_EMAILS || 'alice@example.com',
  },
});
const stop = (sig) => child.kill(sig);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
