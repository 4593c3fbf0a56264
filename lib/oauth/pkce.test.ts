import { describe, expect, it } from 'vitest';
import { checkChallenge, s256, verifyPkce } from './pkce';

describe('RFC 7636 Appendix B: S256 example', () => {
  const verifier = 'dBjftJeZ4CVP-mJ0z5ZzZzSBbb4b7f7b-hooAaSbZh0Wq_3A'.slice(0, 43);
  it('transforms the appendix verifier into its challenge', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
  it('§4.6: verifies S256 and plain, refuses a mismatch', () => {
    expect(verifyPkce(verifier, s256(verifier), 'S256')).toBe(true);
    expect(verifyPkce(verifier, verifier, 'plain')).toBe(true);
    expect(verifyPkce(verifier, s256(verifier), 'plain')).toBe(false);
  });
  it('§4.1: a verifier shorter than 43 characters never verifies', () => {
    expect(verifyPkce('short', 'short', 'plain')).toBe(false);
  });
});

describe('RFC 7636 §4.3 code_challenge parameters', () => {
  it('defaults the method to plain', () => {
    expect(checkChallenge('a'.repeat(43), undefined)).toEqual({ challenge: 'a'.repeat(43), method: 'plain' });
  });
  it('refuses an unknown method and a malformed challenge', () => {
    expect(() => checkChallenge('a'.repeat(43), 'S1')).toThrow(/code_challenge_method/);
    expect(() => checkChallenge('bad challenge', 'S256')).toThrow(/43-128/);
  });
  it('refuses a method without a challenge', () => {
    expect(() => checkChallenge(undefined, 'S256')).toThrow(/code_challenge/);
  });
});
