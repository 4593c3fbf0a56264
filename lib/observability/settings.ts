/**
 * Settings for logs, metrics and shutdown. server.mjs reads LOG_LEVEL, OAUTH2_ACCESS_LOG and
 * OAUTH2_SHUTDOWN_TIMEOUT_SECONDS itself before Next loads (it has no TypeScript); the same
 * rules are checked here so a bad value also stops `next start` and `next dev`.
 */
import { bool, int, SettingsError, type Env } from '@/lib/env';

export interface ObservabilitySettings {
  /** OAUTH2_METRICS_TOKEN: the bearer secret /api/metrics requires; unset = metrics off (404). */
  metricsToken: string | null;
  /** LOG_LEVEL: pino's level (default info). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** OAUTH2_ACCESS_LOG: one JSON line per request (default on). */
  accessLog: boolean;
  /** OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: how long SIGTERM waits for requests in flight (default 25). */
  shutdownTimeoutSeconds: number;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function parseObservabilitySettings(env: Env): ObservabilitySettings {
  const token = env.OAUTH2_METRICS_TOKEN?.trim() || null;
  // A short bearer secret can be guessed; the metrics reveal traffic and client ids.
  if (token !== null && token.length < 16) throw new SettingsError('OAUTH2_METRICS_TOKEN: expected at least 16 characters (e.g. openssl rand -hex 32)');
  const level = (env.LOG_LEVEL?.trim() || 'info').toLowerCase();
  if (!(LEVELS as readonly string[]).includes(level)) throw new SettingsError(`LOG_LEVEL: expected one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return {
    metricsToken: token,
    logLevel: level as ObservabilitySettings['logLevel'],
    accessLog: bool(env, 'OAUTH2_ACCESS_LOG', true),
    shutdownTimeoutSeconds: int(env, 'OAUTH2_SHUTDOWN_TIMEOUT_SECONDS', 25),
  };
}
