import { describe, expect, it } from 'vitest';
import { emailChangeMail, emailChangeNoticeMail, emailChangeTakenMail } from './email-change';
import { passwordChangedMail } from './password-changed';
import { passwordResetMail } from './password-reset';
import { signInMethodChangedMail } from './sign-in-method-changed';
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

describe('mail templates in the recipient’s language (issue 23)', () => {
  const reset = (locale?: 'en' | 'de' | 'ja') => passwordResetMail({ to: 'a@example.com', url: 'https://id.example/reset-password?token=t1', minutes: 30, locale });

  it('English is what it always was, word for word (the e2e mail tests and people’s filters read it)', () => {
    const m = reset();
    expect(m.subject).toBe('Reset your OAuth Server password');
    expect(m.text).toBe(
      [
        'Someone (hopefully you) asked to reset the password of the OAuth Server account for a@example.com.',
        'Choose a new password:\nhttps://id.example/reset-password?token=t1',
        'The link works once, for 30 minutes.',
        "If you didn't ask for this, ignore this message: your password stays as it is.",
        '— OAuth Server',
      ].join('\n\n'),
    );
    expect(m.html).toMatch(/^<!doctype html>\n<html><body /);
    expect(m.html).toContain('Or paste this link into your browser: https://id.example/reset-password?token=t1</p>');
    expect(reset('en')).toEqual(m);
    const changed = passwordChangedMail({ to: 'a@example.com', signInUrl: 'https://id.example/login', forgotUrl: 'https://id.example/forgot-password', tokensRevoked: false, keptSessionHere: true });
    expect(changed.text.split('\n\n').slice(0, 2)).toEqual([
      'The password of the OAuth Server account for a@example.com was just changed on the account page.',
      'You stay signed in where you made the change; every other browser was signed out, and applications you had authorized stay connected.',
    ]);
    const factor = signInMethodChangedMail({ to: 'a@example.com', change: { type: 'mfa.passkey_added', name: 'YubiKey' }, accountUrl: 'https://id.example/account' });
    expect(factor.text.split('\n\n')[0]).toBe('On the OAuth Server account for a@example.com: a passkey named “YubiKey” was added.');
  });

  it('German: subject, text and HTML in German, the link unchanged, <html lang="de">', () => {
    const m = reset('de');
    expect(m.subject).toBe('Setzen Sie Ihr Passwort für OAuth Server zurück');
    expect(m.text).toContain('Jemand (hoffentlich Sie) hat darum gebeten, das Passwort des OAuth Server-Kontos für a@example.com zurückzusetzen.');
    expect(m.text).toContain('Neues Passwort wählen:\nhttps://id.example/reset-password?token=t1');
    expect(m.text).toContain('Der Link funktioniert einmal, 30 Minuten lang.');
    expect(m.html).toContain('<html lang="de">');
    expect(m.html).toContain('>Neues Passwort wählen</a>');
    expect(m.html).toContain('Oder fügen Sie diesen Link in Ihren Browser ein: https://id.example/reset-password?token=t1');
    expect(m.html).not.toContain('Choose a new password');
    expect(m.links).toEqual(['https://id.example/reset-password?token=t1']);
    expect(m.locale).toBe('de');
  });

  it('Japanese: every template speaks it, and what the sender gave (names, addresses) is escaped as before', () => {
    const ja = [
      reset('ja'),
      verifyEmailMail({ to: 'a@example.com', url: 'https://id.example/verify-email?token=t2', hours: 24, locale: 'ja' }),
      passwordChangedMail({ to: 'a@example.com', signInUrl: 'https://id.example/login', forgotUrl: 'https://id.example/forgot-password', tokensRevoked: true, locale: 'ja' }),
      emailChangeMail({ to: 'b@example.com', url: 'https://id.example/confirm-email?token=t3', hours: 24, locale: 'ja' }),
      emailChangeNoticeMail({ to: 'a@example.com', newEmail: 'b@example.com', accountUrl: 'https://id.example/account', locale: 'ja' }),
      emailChangeTakenMail({ to: 'b@example.com', forgotUrl: 'https://id.example/forgot-password', locale: 'ja' }),
      signInMethodChangedMail({ to: 'a@example.com', change: { type: 'mfa.passkey_removed', name: '<b>鍵</b>' }, accountUrl: 'https://id.example/account', locale: 'ja' }),
    ];
    for (const m of ja) {
      expect(m.subject).toMatch(/[\u3040-\u30ff]/); // kana
      expect(m.text).toContain('OAuth Server');
      expect(m.html).toContain('<html lang="ja">');
      expect(m.html).toContain('または、次のリンクをブラウザーに貼り付けてください');
    }
    expect(ja[0]!.subject).toBe('OAuth Server のパスワードをリセットしてください');
    expect(ja[0]!.text).toContain('リンクは 30 分間、1 回だけ使えます。');
    expect(ja[1]!.text).toContain('リンクは 24 時間、1 回だけ使えます。');
    expect(ja[6]!.text).toContain('パスキー「<b>鍵</b>」が削除されました');
    expect(ja[6]!.html).toContain('パスキー「&lt;b&gt;鍵&lt;/b&gt;」が削除されました');
  });
});
