/**
 * A random secret kept in a file of its own (mode 0600), created on first use: the session key
 * of the one-command local instance (.data/auth-secret) and the embedded database's socket
 * password (.data/db-password).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The secret in `file`, created if missing; `what` names it in the one-line error for an empty file. */
export function readOrCreateSecretFile(file: string, what: string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: link fails if the file exists, so when two
  // processes race, both end up reading the one secret that won, never a half-written file.
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(tmp, crypto.randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const created = readSecretFile(file);
  if (!created) throw new Error(`${what}: ${file} is empty; delete it`);
  return created;
}

/** The secret in `file`, or null when there is no such file. */
export function readSecretFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim() || null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
