/**
 * The key Auth.js signs and encrypts session cookies with.
 *
 * AUTH_SECRET when set. Otherwise, for the one-command local instance, a random key kept
 * in <data dir>/auth-secret (created on first use, mode 0600) so sessions survive restarts.
 * Production on PostgreSQL runs several instances that must share one key, so there it is
 * required.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/db/embedded';

let cached: string | undefined;

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cached) return cached;
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
    throw new Error(
      'AUTH_SECRET: required in production with DATABASE_URL; set it to a random string of 32+ bytes, e.g. `openssl rand -base64 32`',
    );
  }
  cached = readOrCreate(path.join(dataDir(), 'auth-secret'));
  return cached;
}

function readOrCreate(file: string): string {
  const existing = read(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then linked into place: link fails if the file exists, so when two
  // processes race, both end up reading the one key that won, never a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(tmp, crypto.randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const created = read(file);
  if (!created) throw new Error(`AUTH_SECRET: ${file} is empty; delete it or set AUTH_SECRET`);
  return created;
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
