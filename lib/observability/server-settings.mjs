/**
 * The settings server.mjs needs before Next loads: LOG_LEVEL, OAUTH2_ACCESS_LOG and
 * OAUTH2_SHUTDOWN_TIMEOUT_SECONDS. Plain JS, because server.mjs has no TypeScript; the app's
 * settings (lib/observability/settings.ts) read them through this too, so both apply one set of
 * rules and messages (those of lib/config/env.ts). A bad value throws an Error whose message is the
 * one line to print.
 */

export const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ logLevel: (typeof LOG_LEVELS)[number], accessLog: boolean, shutdownTimeoutSeconds: number, fastPath: boolean }}
 */
export function readServerSettings(env) {
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
  return { logLevel: /** @type {(typeof LOG_LEVELS)[number]} */ (level), accessLog, shutdownTimeoutSeconds: shutdown === '' ? 25 : Number(shutdown), fastPath };
}
