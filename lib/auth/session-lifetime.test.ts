import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_SECONDS, sessionExpired } from './session-lifetime';

describe('session lifetime (sign-out cannot end a JWT session server-side)', () => {
  it('is 12 hours, not the 30 days Auth.js defaults to', () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(12 * 3600);
  });

  it('ends a session 12 hours after the sign-in, even one that was used all along', () => {
    const signedInAt = 1_800_000_000;
    expect(sessionExpired(signedInAt, signedInAt + 12 * 3600 - 1)).toBe(false);
    expect(sessionExpired(signedInAt, signedInAt + 12 * 3600)).toBe(true);
  });

  it('ends a session without a sign-in time', () => {
    expect(sessionExpired(undefined, 1_800_000_000)).toBe(true);
  });
});
