import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/lib/config/settings';
import { parseObservabilitySettings } from './settings';

describe('logs, metrics and shutdown settings', () => {
  it('defaults: metrics off, info level, access log on, 25 s to drain', () => {
    expect(parseSettings({}).observability).toEqual({ metricsToken: null, logLevel: 'info', accessLog: true, shutdownTimeoutSeconds: 25, fastPath: true });
  });
  it('reads each value', () => {
    expect(
      parseObservabilitySettings({ OAUTH2_METRICS_TOKEN: 'x'.repeat(32), LOG_LEVEL: 'WARN', OAUTH2_ACCESS_LOG: 'off', OAUTH2_SHUTDOWN_TIMEOUT_SECONDS: '5', OAUTH2_FAST_PATH: 'off' }),
    ).toEqual({ metricsToken: 'x'.repeat(32), logLevel: 'warn', accessLog: false, shutdownTimeoutSeconds: 5, fastPath: false });
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
