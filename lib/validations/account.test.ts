import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-rules';
import { messagesFor } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { deleteAccountSchema, emailChangeSchema, nameSchema, passwordChangeSchema, passwordPolicyText, type ValidationText } from './account';

/** The account forms' translator, as useTranslations/getTranslations give it to the pages. */
const text = (locale: Locale): ValidationText => createTranslator({ locale, messages: messagesFor(locale), namespace: 'accountValidation' });

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('account form messages in the page language (issue 23)', () => {
  it('English says exactly what the forms said before the catalogue (the e2e tests and PRODUCT.md read it)', () => {
    const en = text('en');
    expect(firstMessage(nameSchema(en).safeParse({ name: 'x'.repeat(101) }))).toBe('Name must be at most 100 characters');
    expect(firstMessage(emailChangeSchema(en).safeParse({ email: '' }))).toBe('Enter your new email address');
    expect(firstMessage(emailChangeSchema(en).safeParse({ email: 'nope' }))).toBe('Enter a valid email address');
    expect(firstMessage(deleteAccountSchema(en).safeParse({ confirmEmail: ' ' }))).toBe('Type your email address to confirm');
    const mismatch = passwordChangeSchema(en).safeParse({ currentPassword: 'x', newPassword: 'long enough one', confirmPassword: 'another one', keepAppsSignedIn: '' });
    expect(firstMessage(mismatch)).toBe('The two passwords do not match: type the new password again');
    expect(firstMessage(passwordChangeSchema(en).safeParse({ currentPassword: 'x', newPassword: 'short', confirmPassword: 'short', keepAppsSignedIn: '' }))).toBe(PASSWORD_MESSAGES.tooShort);
  });

  it('the password policy answers in English keep their words in English and are translated in German', () => {
    const [en, de] = [text('en'), text('de')];
    for (const english of Object.values(PASSWORD_MESSAGES)) {
      expect(passwordPolicyText(en, english)).toBe(english);
      expect(passwordPolicyText(de, english)).not.toBe(english);
    }
    expect(passwordPolicyText(de, PASSWORD_MESSAGES.tooShort)).toBe('Das Passwort muss mindestens 8 Zeichen lang sein: Ein paar Wörter ohne Zusammenhang sind eine gute Wahl');
    expect(passwordPolicyText(de, 'something else')).toBe('something else');
  });

  it('a German or Japanese page gets the same checks in its own words', () => {
    expect(firstMessage(emailChangeSchema(text('de')).safeParse({ email: 'nope' }))).toBe('Geben Sie eine gültige E-Mail-Adresse ein');
    expect(firstMessage(passwordChangeSchema(text('ja')).safeParse({ currentPassword: '', newPassword: 'long enough one', confirmPassword: 'long enough one', keepAppsSignedIn: '' }))).toBe(
      '現在のパスワードを入力してください',
    );
  });
});
