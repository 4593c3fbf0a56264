import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/lib/config/settings';
import { parseObservabilitySettings } from './settings';
import { readServerSettings } from './server-settings.mjs';

describe('logs, metrics and shutdown settings', () => {
  it('defaults: metrics off, info level, access log on, 25 s to drain', () => {
    expect(parseSettings({}).observability).toEqual({ metricsToken: null, logLevel: 'info', accessLog: true, shutdownTimeoutSeconds: 25, fastPath: true, workers: 1 });
  });
  it('reads each value', () => {
    expect(
      parseObservabilitySettings({ OAUTH2_METRICS_TOKEN: 'x'.repeat(32), LOG_LEVEL: 'WARN', OAUTH2_ACCESS_LOG: 'off', OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: '5', OAUTH2_FAST_PATH: 'off' }),
    ).toEqual({ metricsToken: 'x'.repeat(32), logLevel: 'warn', accessLog: false, shutdownTimeoutSeconds: 5, fastPath: false, workers: 1 });
  });
  it.each([
    [{ OAUTH2_METRICS_TOKEN: 'short' }, /^OAUTH2_METRICS_TOKEN: expected at least 16 characters/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent/],
    [{ OAUTH2_ACCESS_LOG: 'maybe' }, /^OAUTH2_ACCESS_LOG: expected true or false/],
    [{ OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: '-1' }, /^OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: expected a whole number/],
  ])('a bad value stops with one line naming the variable (%o)', (env, message) => {
    expect(() => parseSettings(env)).toThrow(message);
  });
});

describe('OAUTH2_FAST_PATH', () => {
  it('refuses a value that is not on or off, naming the variable', () => {
    expect(() => parseObservabilitySettings({ OAUTH2_FAST_PATH: 'sometimes' })).toThrow('OAUTH2_FAST_PATH: expected on or off, got "sometimes"');
  });
});

describe('OAUTH2_WORKERS', () => {
  it('defaults to one process; auto means every core; a number is taken as is', () => {
    expect(readServerSettings({}, 8).workers).toBe(1);
    expect(readServerSettings({ OAUTH2_WORKERS: 'auto', DATABASE_URL: 'postgres://db/x' }, 8).workers).toBe(8);
    expect(readServerSettings({ OAUTH2_WORKERS: '3', DATABASE_URL: 'postgres://db/x' }, 8).workers).toBe(3);
  });
  it('refuses several workers on the embedded database in one line naming the problem', () => {
    expect(() => readServerSettings({ OAUTH2_WORKERS: '2' }, 8)).toThrow(
      'OAUTH2_WORKERS=2: 2 worker processes need PostgreSQL (set DATABASE_URL); the embedded database can be opened by one process only',
    );
    // auto on one core is one process: the embedded database is fine.
    expect(readServerSettings({ OAUTH2_WORKERS: 'auto' }, 1).workers).toBe(1);
  });
  it('refuses a value that is not a count or auto', () => {
    expect(() => parseObservabilitySettings({ OAUTH2_WORKERS: 'many' })).toThrow('OAUTH2_WORKERS: expected a whole number from 1 to 256 or auto, got "many"');
    expect(() => parseObservabilitySettings({ OAUTH2_WORKERS: '0' })).toThrow(/^OAUTH2_WORKERS: expected/);
  });
});
