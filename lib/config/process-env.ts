/**
 * The environment variables that are not OAUTH2_* settings: where the database is, the
 * sign-in secrets, the runtime mode. The one place outside settings.ts that reads process.env,
 * so a grep for process.env finds every input the server takes.
 */
import path from 'node:path';
import { int, type Env } from './env';

export interface DatabaseEnv {
  /** DATABASE_URL: PostgreSQL; unset = the embedded PGlite. */
  url: string | undefined;
  /** DATABASE_POOL_SIZE (default 10): connections per instance. */
  poolSize: number;
  /**
   * DATABASE_STATEMENT_TIMEOUT_MS (default 10000, 0 = none): PostgreSQL cancels a statement that
   * runs longer, so a request never hangs on a stuck database (it answers 503 instead).
   */
  statementTimeoutMs: number;
  /** DATABASE_CONNECT_TIMEOUT_SECONDS (default 5): how long opening a connection may take. */
  connectTimeoutSeconds: number;
  /** OAUTH2_DATA_DIR (default .data): the embedded database, its secrets and the mail outbox. */
  dataDir: string;
}

export function databaseEnv(env: Env = process.env): DatabaseEnv {
  return {
    url: env.DATABASE_URL || undefined,
    poolSize: int(env, 'DATABASE_POOL_SIZE', 10, 1),
    statementTimeoutMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 10_000, 0),
    connectTimeoutSeconds: int(env, 'DATABASE_CONNECT_TIMEOUT_SECONDS', 5, 1),
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.OAUTH2_DATA_DIR || '.data'),
  };
}

/** True when the embedded database is in use (no DATABASE_URL). */
export function usesEmbeddedDatabase(env: Env = process.env): boolean {
  return !env.DATABASE_URL;
}

/** PORT (default 3000): where this instance listens (links in mail when OAUTH2_ISSUER is unset). */
export function listenPort(env: Env = process.env): number {
  return Number(env.PORT) || 3000;
}

/** Who runs the command line (SUDO_USER, USER or LOGNAME), for the audit trail's actor label. */
export function osUserName(env: Env = process.env): string | undefined {
  return env.SUDO_USER || env.USER || env.LOGNAME || undefined;
}

/**
 * OAUTH2_CLUSTER_WORKER=1: set by server.mjs's primary on the worker processes it forks
 * (OAUTH2_WORKERS > 1). The primary has run the one-time start work (migrations, demo users,
 * signing keys, the mail worker); a worker only opens its pool. Not a setting for operators.
 */
export function isClusterWorker(env: Env = process.env): boolean {
  return env.OAUTH2_CLUSTER_WORKER === '1';
}

export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** AUTH_SECRET, when set: the key Auth.js signs and encrypts session cookies with. */
export function authSecretEnv(env: Env = process.env): string | undefined {
  return env.AUTH_SECRET || undefined;
}

export interface SocialProviderEnv {
  id: 'github' | 'google';
  name: string;
  clientId: string;
  clientSecret: string;
}

/** GitHub and Google sign-in, offered when both their id and secret are set (AUTH_GITHUB_*, AUTH_GOOGLE_*). */
export function socialProvidersEnv(env: Env = process.env): SocialProviderEnv[] {
  const list: SocialProviderEnv[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) list.push({ id: 'github', name: 'GitHub', clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) list.push({ id: 'google', name: 'Google', clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET });
  return list;
}

/** The raw environment for the checks that take it whole (deployment.ts). */
export function processEnv(): Env {
  return process.env;
}
