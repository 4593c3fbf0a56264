import os from 'node:os';

/**
 * The settings server.mjs needs before Next loads: LOG_LEVEL, OAUTH2_ACCESS_LOG,
 * OAUTH2_SHUTDOWN_TIMEOUT_SECONDS, OAUTH2_FAST_PATH and OAUTH2_WORKERS. Plain JS, because server.mjs has no TypeScript; the app's
 * settings (lib/observability/settings.ts) read them through this too, so both apply one set of
 * rules and messages (those of lib/config/env.ts). A bad value throws an Error whose message is the
 * one line to print.
 */

export const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * @param {Record<string, string | undefined>} env
 * @param {number} [cores] what OAUTH2_WORKERS=auto means (this machine's cores by default)
 * @returns {{ logLevel: (typeof LOG_LEVELS)[number], accessLog: boolean, shutdownTimeoutSeconds: number, fastPath: boolean, workers: number }}
 */
export function readServerSettings(env, cores = os.availableParallelism()) {
  const level = (env.LOG_LEVEL?.trim() || 'info').toLowerCase();
  if (!LOG_LEVELS.includes(/** @type {never} */ (level))) throw new Error(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const access = (env.OAUTH2_ACCESS_LOG ?? '').trim();
  let accessLog = true;
  if (/^(0|false|no|off)$/i.test(access)) accessLog = false;
  else if (access !== '' && !/^(1|true|yes|on)$/i.test(access)) throw new Error(`OAUTH2_ACCESS_LOG: expected true or false, got "${env.OAUTH2_ACCESS_LOG}"`);
  const shutdown = (env.OAUTH2_SHUTDOWN_TIMEOUT_SECONDS ?? '').trim();
  if (shutdown !== '' && !/^\d+$/.test(shutdown)) {
    throw new Error(`OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: expected a whole number ≥ 0, got "${env.OAUTH2_SHUTDOWN_TIMEOUT_SECONDS}"`);
  }
  // OAUTH2_FAST_PATH (default on): the machine endpoints skip Next's routing (lib/server/machine-routes.ts).
  const fast = (env.OAUTH2_FAST_PATH ?? '').trim();
  let fastPath = true;
  if (/^(0|false|no|off)$/i.test(fast)) fastPath = false;
  else if (fast !== '' && !/^(1|true|yes|on)$/i.test(fast)) throw new Error(`OAUTH2_FAST_PATH: expected on or off, got "${env.OAUTH2_FAST_PATH}"`);
  return {
    logLevel: /** @type {(typeof LOG_LEVELS)[number]} */ (level),
    accessLog,
    shutdownTimeoutSeconds: shutdown === '' ? 25 : Number(shutdown),
    fastPath,
    workers: readWorkers(env, cores),
  };
}

/**
 * OAUTH2_WORKERS (default 1; `auto` = the cores): how many processes of the production server
 * share its port (node:cluster). More than one needs PostgreSQL: only one process may open the
 * embedded database's directory, so that combination is refused here, before anything starts.
 * @param {Record<string, string | undefined>} env @param {number} cores @returns {number}
 */
function readWorkers(env, cores) {
  const raw = (env.OAUTH2_WORKERS ?? '').trim();
  const n = raw === '' ? 1 : /^auto$/i.test(raw) ? Math.max(1, cores) : /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`OAUTH2_WORKERS: expected a whole number from 1 to 256 or auto, got "${env.OAUTH2_WORKERS}"`);
  if (n > 1 && !env.DATABASE_URL) {
    throw new Error(`OAUTH2_WORKERS=${raw}: ${n} worker processes need PostgreSQL (set DATABASE_URL); the embedded database can be opened by one process only`);
  }
  return n;
}
