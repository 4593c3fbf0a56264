/** RFC 8176 amr values and the acr levels derived from them (OIDC Core §2, §3.1.2.1). */
import { describe, expect, it } from 'vitest';
import { ACR_MFA, ACR_PASSWORD, acrFor, needsStepUp, passkeyMethods, withSecondFactor } from './amr';

describe('RFC 8176 amr values', () => {
  it('password then code: pwd, otp, mfa', () => {
    expect(withSecondFactor(['pwd'], 'otp').sort()).toEqual(['mfa', 'otp', 'pwd']);
  });
  it('a code after a social sign-in (which records no amr) is still the second of two factors', () => {
    expect(withSecondFactor([], 'otp')).toEqual(['otp', 'mfa']);
  });
  it('a step-up on a pwd+otp session stays mfa once', () => {
    expect(withSecondFactor(['pwd', 'otp', 'mfa'], 'otp').sort()).toEqual(['mfa', 'otp', 'pwd']);
  });
  it('passkeys: hwk for a single-device key, swk for a synced one, user and mfa when verified', () => {
    expect(passkeyMethods('singleDevice', true)).toEqual(['hwk', 'user', 'mfa']);
    expect(passkeyMethods('multiDevice', true)).toEqual(['swk', 'user', 'mfa']);
    expect(passkeyMethods('singleDevice', false)).toEqual(['hwk']);
  });
});

describe('OIDC Core §2 acr and §3.1.2.1 acr_values', () => {
  it('acr is the mfa level only with mfa in amr', () => {
    expect(acrFor(['pwd'])).toBe(ACR_PASSWORD);
    expect(acrFor(['pwd', 'otp', 'mfa'])).toBe(ACR_MFA);
    expect(acrFor(['swk', 'user', 'mfa'])).toBe(ACR_MFA);
  });
  it('asking for the mfa level steps a password session up, not a two-factor one', () => {
    expect(needsStepUp([ACR_MFA], ['pwd'])).toBe(true);
    expect(needsStepUp(['2'], ['pwd'])).toBe(true);
    expect(needsStepUp([ACR_MFA], ['pwd', 'otp', 'mfa'])).toBe(false);
  });
  it('the lowest level listed decides; unknown values are ignored', () => {
    expect(needsStepUp([ACR_MFA, ACR_PASSWORD], ['pwd'])).toBe(false);
    expect(needsStepUp(['urn:other:gold'], ['pwd'])).toBe(false);
    expect(needsStepUp(['urn:other:gold', ACR_MFA], ['pwd'])).toBe(true);
  });
});
