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

const S256_ONLY = { pkceAllowPlain: false };
const PLAIN_ALLOWED = { pkceAllowPlain: true };

describe('RFC 7636 §4.3 code_challenge parameters', () => {
  it('accepts S256', () => {
    expect(checkChallenge('a'.repeat(43), 'S256', S256_ONLY)).toEqual({ challenge: 'a'.repeat(43), method: 'S256' });
  });
  it('refuses plain unless OAUTH2_PKCE_ALLOW_PLAIN is on (RFC 9700 §2.1.1)', () => {
    expect(() => checkChallenge('a'.repeat(43), 'plain', S256_ONLY)).toThrow("code_challenge_method 'plain' is not accepted: use S256");
    expect(checkChallenge('a'.repeat(43), 'plain', PLAIN_ALLOWED)).toEqual({ challenge: 'a'.repeat(43), method: 'plain' });
  });
  it('an omitted method (which §4.3 makes plain) is refused: S256 must be named', () => {
    expect(() => checkChallenge('a'.repeat(43), undefined, S256_ONLY)).toThrow('code_challenge_method=S256 is required');
  });
  it('with OAUTH2_PKCE_ALLOW_PLAIN an omitted method defaults to plain, as §4.3 says', () => {
    expect(checkChallenge('a'.repeat(43), undefined, PLAIN_ALLOWED)).toEqual({ challenge: 'a'.repeat(43), method: 'plain' });
  });
  it('refuses an unknown method and a malformed challenge', () => {
    expect(() => checkChallenge('a'.repeat(43), 'S1', PLAIN_ALLOWED)).toThrow(/code_challenge_method/);
    expect(() => checkChallenge('bad challenge', 'S256', S256_ONLY)).toThrow(/43-128/);
  });
  it('refuses a method without a challenge', () => {
    expect(() => checkChallenge(undefined, 'S256', S256_ONLY)).toThrow(/code_challenge/);
  });
});
