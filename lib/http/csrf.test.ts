import { describe, expect, it } from 'vitest';
import { csrfToken, verifyCsrfToken } from './csrf';

const secret = 'test-secret-of-sufficient-length';

describe('consent form CSRF token (RFC 6749 §10.12)', () => {
  it('accepts the token issued for the same request and user', () => {
    const token = csrfToken(secret, 'req-1', 'user-1');
    expect(verifyCsrfToken(secret, 'req-1', 'user-1', token)).toBe(true);
  });

  it('is deterministic and URL-safe', () => {
    const token = csrfToken(secret, 'req-1', 'user-1');
    expect(csrfToken(secret, 'req-1', 'user-1')).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a missing or malformed token', () => {
    for (const token of [undefined, null, '', 42, 'x', {}]) {
      expect(verifyCsrfToken(secret, 'req-1', 'user-1', token)).toBe(false);
    }
  });

  it('refuses a token issued for another request, another user, or under another secret', () => {
    const token = csrfToken(secret, 'req-1', 'user-1');
    expect(verifyCsrfToken(secret, 'req-2', 'user-1', token)).toBe(false);
    expect(verifyCsrfToken(secret, 'req-1', 'user-2', token)).toBe(false);
    expect(verifyCsrfToken('another-secret', 'req-1', 'user-1', token)).toBe(false);
  });

  it('does not confuse how the request id and user id are split', () => {
    expect(csrfToken(secret, 'ab', 'c')).not.toBe(csrfToken(secret, 'a', 'bc'));
    expect(verifyCsrfToken(secret, 'a', 'bc', csrfToken(secret, 'ab', 'c'))).toBe(false);
  });

  it('refuses empty identifiers even with a matching token', () => {
    expect(verifyCsrfToken(secret, '', 'user-1', csrfToken(secret, '', 'user-1'))).toBe(false);
    expect(verifyCsrfToken(secret, 'req-1', '', csrfToken(secret, 'req-1', ''))).toBe(false);
  });

  it('will not sign with an empty secret', () => {
    expect(() => csrfToken('', 'req-1', 'user-1')).toThrow();
  });
});
