/**
 * Settings for logs, metrics and shutdown. LOG_LEVEL, OAUTH2_ACCESS_LOG and
 * OAUTH2_SHUTDOWN_TIMEOUT_SECONDS are read by server-settings.mjs, which server.mjs uses before
 * Next loads; they are checked here too so a bad value also stops `next start` and `next dev`.
 */
import { SettingsError, type Env } from '@/lib/config/env';
import { readServerSettings, type LOG_LEVELS } from './server-settings.mjs';

export interface ObservabilitySettings {
  /** OAUTH2_METRICS_TOKEN: the bearer secret /api/metrics requires; unset = metrics off (404). */
  metricsToken: string | null;
  /** LOG_LEVEL: pino's level (default info). */
  logLevel: (typeof LOG_LEVELS)[number];
  /** OAUTH2_ACCESS_LOG: one JSON line per request (default on). */
  accessLog: boolean;
  /** OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: how long SIGTERM waits for requests in flight (default 25). */
  shutdownTimeoutSeconds: number;
  /** OAUTH2_FAST_PATH: server.mjs sends the machine endpoints straight to the engine (default on). */
  fastPath: boolean;
  /** OAUTH2_WORKERS: server.mjs processes sharing the port (default 1; `auto` = cores; PostgreSQL only). */
  workers: number;
}

export function parseObservabilitySettings(env: Env): ObservabilitySettings {
  const token = env.OAUTH2_METRICS_TOKEN?.trim() || null;
  // A short bearer secret can be guessed; the metrics reveal traffic and client ids.
  if (token !== null && token.length < 16) throw new SettingsError('OAUTH2_METRICS_TOKEN: expected at least 16 characters (e.g. openssl rand -hex 32)');
  try {
    return { metricsToken: token, ...readServerSettings(env) };
  } catch (e) {
    throw new SettingsError((e as Error).message);
  }
}
