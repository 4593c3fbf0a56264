import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isDatabaseUnavailable', () => {
  it('knows the driver and SQLSTATE codes of a database that is away', () => {
    for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '57P03', '08006', '57014', '53300']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it('looks through drizzle’s wrapper to the cause', () => {
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: withCode('57P01') }))).toBe(true);
  });

  it('leaves real errors alone: a constraint, a syntax error, a plain bug', () => {
    for (const e of [withCode('23505'), withCode('42601'), new TypeError('x is undefined'), null, 'text']) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });
});
