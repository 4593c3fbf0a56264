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
import { authSecretEnv, isProduction, usesEmbeddedDatabase } from '@/lib/config/process-env';

let cached: string | undefined;

export function authSecret(): string {
  const fromEnv = authSecretEnv();
  if (fromEnv) return fromEnv;
  if (cached) return cached;
  if (isProduction() && !usesEmbeddedDatabase()) {
    throw new Error(
      'AUTH_SECRET: required in production with DATABASE_URL; set it to a random string of 32+ bytes, e.g. `openssl rand -base64 32`',
    );
  }
  cached = readOrCreateSecretFile(path.join(dataDir(), 'auth-secret'), 'AUTH_SECRET');
  return cached;
}
