import { describe, expect, it } from 'vitest';
import { checkNewPassword, PASSWORD_MESSAGES } from './password-policy';

describe('NIST SP 800-63B §5.1.1.2 password policy', () => {
  it('accepts 8 to 128 characters that are not common', () => {
    expect(checkNewPassword('horse battery staple')).toBeNull();
    expect(checkNewPassword('x7$kQ2!m')).toBeNull();
    expect(checkNewPassword('é'.repeat(128))).toBeNull();
  });

  it('refuses fewer than 8 characters, counting characters rather than UTF-16 units', () => {
    expect(checkNewPassword('aB3$xY7')).toBe(PASSWORD_MESSAGES.tooShort);
    expect(checkNewPassword('😀😀😀😀')).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it('refuses more than 128 characters', () => {
    expect(checkNewPassword('a'.repeat(129))).toBe(PASSWORD_MESSAGES.tooLong);
  });

  it('refuses common passwords whatever their case', () => {
    for (const p of ['password', '12345678', 'qwertyuiop', 'PassWord1', 'iloveyou']) expect(checkNewPassword(p)).toBe(PASSWORD_MESSAGES.common);
  });

  it("refuses the account's email address and its local part", () => {
    expect(checkNewPassword('Someone.Long@example.com', { email: 'someone.long@example.com' })).toBe(PASSWORD_MESSAGES.isEmail);
    expect(checkNewPassword('someone.long', { email: 'someone.long@example.com' })).toBe(PASSWORD_MESSAGES.isEmail);
    expect(checkNewPassword('someone.long', { email: 'other@example.com' })).toBeNull();
  });

  it('messages say what to do', () => {
    expect(PASSWORD_MESSAGES.common).toMatch(/choose another/);
    expect(PASSWORD_MESSAGES.tooShort).toMatch(/at least 8/);
  });
});
