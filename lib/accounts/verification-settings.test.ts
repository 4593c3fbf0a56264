import { describe, expect, it } from 'vitest';
import { parseAccountSettings, verificationHold } from './verification-settings';

describe('OAUTH2_SIGNUP and OAUTH2_RESET_KEEPS_TOKENS', () => {
  it('defaults to open sign-up on the embedded database and verified on PostgreSQL; resets revoke tokens', () => {
    expect(parseAccountSettings({})).toEqual({ signup: 'open', resetKeepsTokens: false });
    expect(parseAccountSettings({ DATABASE_URL: 'postgres://db/x' }).signup).toBe('verified');
  });

  it('reads each mode, in any case', () => {
    for (const mode of ['open', 'verified', 'invite', 'closed']) expect(parseAccountSettings({ OAUTH2_SIGNUP: mode.toUpperCase() }).signup).toBe(mode);
    expect(parseAccountSettings({ OAUTH2_RESET_KEEPS_TOKENS: 'true' }).resetKeepsTokens).toBe(true);
  });

  it('refuses another value in one line naming the variable', () => {
    expect(() => parseAccountSettings({ OAUTH2_SIGNUP: 'sometimes' })).toThrow('OAUTH2_SIGNUP: expected open, verified, invite or closed, got "sometimes"');
    expect(() => parseAccountSettings({ OAUTH2_RESET_KEEPS_TOKENS: 'maybe' })).toThrow(/^OAUTH2_RESET_KEEPS_TOKENS/);
  });
});

describe('verificationHold (Deps.accountHold)', () => {
  it('sends an unverified account to /verify-email under verified sign-up only', () => {
    expect(verificationHold({ emailVerified: false }, 'verified')).toBe('/verify-email');
    expect(verificationHold({ emailVerified: true }, 'verified')).toBeNull();
    for (const mode of ['open', 'invite', 'closed'] as const) expect(verificationHold({ emailVerified: false }, mode)).toBeNull();
  });
});
