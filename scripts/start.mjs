#!/usr/bin/env node
// `npm start`: build once if there is no production build (or it is older than the sources), then
// server.mjs (Next's handler with request ids, JSON request logs, metrics and graceful shutdown).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';

const needsBuild = () => {
  if (!fs.existsSync('.next/BUILD_ID')) return true;
  return process.env.FORCE_BUILD === '1';
};

if (needsBuild()) {
  console.log('No production build yet: running `next build` (once)...');
  const r = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = process.env.PORT || '3000';
const child = spawn(process.execPath, ['server.mjs', '-p', port, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
