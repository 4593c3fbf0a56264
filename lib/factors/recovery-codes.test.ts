import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeDigest, RECOVERY_CODE_COUNT } from './recovery-codes';

describe('recovery codes', () => {
  it('ten distinct codes shaped xxxxx-xxxxx', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });

  it('typed back in any case, with or without the dash, gives the same digest; the digest is not the code', () => {
    const [code] = newRecoveryCodes();
    const d = recoveryCodeDigest(code!);
    expect(recoveryCodeDigest(code!.toUpperCase().replace('-', ' '))).toBe(d);
    expect(d).not.toContain(code!.replace('-', ''));
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(recoveryCodeDigest('')).toBeNull();
  });
});
