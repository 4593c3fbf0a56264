import { describe, expect, it } from 'vitest';
import { parseAccountSettings } from './verification-settings';

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
