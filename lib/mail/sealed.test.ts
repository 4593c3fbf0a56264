import { describe, expect, it } from 'vitest';
import { mailSealer } from './sealed';

describe('queued mail sealed under AUTH_SECRET', () => {
  const sealer = mailSealer('one secret');
  const message = { to: 'a@example.com', text: 'https://id.example/reset-password?token=t1' };

  it('opens what it sealed, many times with one derived key; the sealed form holds no plain text', () => {
    const a = sealer.seal(message);
    const b = sealer.seal(message);
    expect(a.sealed).not.toBe(b.sealed); // a fresh IV each time
    expect(a.sealed).not.toContain('token');
    expect(sealer.unseal(a)).toEqual(message);
    expect(sealer.unseal(b)).toEqual(message);
  });

  it('refuses data sealed under another secret, or altered', () => {
    const sealed = sealer.seal(message);
    expect(() => mailSealer('another secret').unseal(sealed)).toThrow();
    const raw = Buffer.from(sealed.sealed, 'base64url');
    raw[14] = raw[14]! ^ 1;
    expect(() => sealer.unseal({ sealed: raw.toString('base64url') })).toThrow();
  });
});
