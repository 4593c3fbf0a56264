import { describe, expect, it } from 'vitest';
import { emailChangeMail, emailChangeNoticeMail } from './email-change';
import { passwordChangedMail } from './password-changed';
import { passwordResetMail } from './password-reset';
import { verifyEmailMail } from './verify-email';

describe('mail templates', () => {
  const all = [
    passwordResetMail({ to: 'a@example.com', url: 'https://id.example/reset-password?token=t1', minutes: 30 }),
    passwordChangedMail({ to: 'a@example.com', signInUrl: 'https://id.example/login', forgotUrl: 'https://id.example/forgot-password', tokensRevoked: true }),
    passwordChangedMail({ to: 'a@example.com', signInUrl: 'https://id.example/login', forgotUrl: 'https://id.example/forgot-password', tokensRevoked: false, keptSessionHere: true }),
    verifyEmailMail({ to: 'a@example.com', url: 'https://id.example/verify-email?token=t2', hours: 24 }),
    emailChangeMail({ to: 'b@example.com', url: 'https://id.example/confirm-email?token=t3', hours: 24 }),
    emailChangeNoticeMail({ to: 'a@example.com', newEmail: 'b@example.com', accountUrl: 'https://id.example/account' }),
  ];

  it('each names the product, in plain text and HTML, and lists its link for the console', () => {
    for (const m of all) {
      expect(m.subject).toContain('OAuth Server');
      expect(m.text).toContain('OAuth Server');
      expect(m.html).toContain('OAuth Server');
      expect(m.links).toHaveLength(1);
      expect(m.text).toContain(m.links![0]);
    }
  });

  it('escapes what it is given in the HTML', () => {
    const m = emailChangeNoticeMail({ to: 'a@example.com', newEmail: '"><script>x</script>@evil.example', accountUrl: 'https://id.example/account' });
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
  });
});
