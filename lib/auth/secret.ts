/**
 * The key Auth.js signs and encrypts session cookies with.
 *
 * AUTH_SECRET when set. Otherwise, for the one-command local instance, a random key kept
 * in <data dir>/auth-secret (created on first use, mode 0600) so sessions survive restarts.
 * Production on PostgreSQL runs several instances that must share one key, so there it is
 * required.
 */
import path from 'node:path';
import { dataDir } from '@/lib/db/embedded';
import { readOrCreateSecretFile } from '@/lib/config/secret-file';

let cached: string | undefined;

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cached) return cached;
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
    throw new Error(
      'AUTH_SECRET: required in production with DATABASE_URL; set it to a random string of 32+ bytes, e.g. `openssl rand -base64 32`',
    );
  }
  cached = readOrCreateSecretFile(path.join(dataDir(), 'auth-secret'), 'AUTH_SECRET');
  return cached;
}
