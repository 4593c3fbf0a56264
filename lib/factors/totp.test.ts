/** RFC 6238 TOTP: the window either side of now, and single use (§5.2). */
import { describe, expect, it } from 'vitest';
import { matchTotp, normalizeTotpCode, newTotpSecret, totpCode, totpStep, totpUri } from './totp';

// RFC 6238 Appendix B's SHA-1 secret "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('RFC 6238 TOTP', () => {
  it('Appendix B: T=59 gives 287082 (the last six of 94287082)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(matchTotp(RFC_SECRET, '287082', 59_000, null)).toBe(1);
  });

  it('§5.2: accepts the previous and next step, not two steps away', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), now, null)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), now, null)).toBeNull();
  });

  it('§5.2: a code is single use: its step, or an earlier one, is refused once used', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCode(secret, now);
    const step = matchTotp(secret, code, now, null)!;
    expect(matchTotp(secret, code, now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now - 30_000), now, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 30_000), now + 30_000, step)).toBe(step + 1);
  });

  it('ignores spaces and dashes, refuses anything but six digits', () => {
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('123-456')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('abcdef')).toBeNull();
    expect(matchTotp(newTotpSecret(), 'nonsense', Date.now(), null)).toBeNull();
  });

  it('the QR code URI names the issuer and account with the standard parameters', () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'ada@example.com', 'Example ID');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Example%20ID:ada%40example\.com\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});
