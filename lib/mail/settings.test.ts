import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_FROM, parseMailSettings } from './settings';

describe('EMAIL_SERVER and EMAIL_FROM', () => {
  it('defaults to the outbox and a local sender', () => {
    expect(parseMailSettings({})).toEqual({ server: null, from: DEFAULT_EMAIL_FROM });
  });

  it('accepts smtp and smtps URLs and a named sender', () => {
    expect(parseMailSettings({ EMAIL_SERVER: 'smtps://u:p@mail.example.com:465', EMAIL_FROM: 'Acme <id@acme.example>' })).toEqual({
      server: 'smtps://u:p@mail.example.com:465',
      from: 'Acme <id@acme.example>',
    });
  });

  it('refuses another scheme in one line naming the variable, without echoing the password', () => {
    expect(() => parseMailSettings({ EMAIL_SERVER: 'http://u:secret@mail.example.com' })).toThrow(/^EMAIL_SERVER: expected an SMTP URL/);
    expect(() => parseMailSettings({ EMAIL_SERVER: 'http://u:secret@mail.example.com' })).not.toThrow(/secret/);
  });

  it('refuses a sender that is not an address', () => {
    expect(() => parseMailSettings({ EMAIL_FROM: 'nobody' })).toThrow(/^EMAIL_FROM: expected an address/);
  });
});
