import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { SIGNUP_CLOSED_MESSAGE, SIGNUP_INVITE_MESSAGE } from '@/lib/accounts/verification';
import { PASSWORD_MESSAGES } from '@/lib/auth/password-rules';
import { ACCOUNT_DISABLED_MESSAGE } from '@/lib/auth/sign-in-audit';
import { AUTH_MESSAGES } from '@/lib/validations/auth';
import { authMessageKey, localizeAuthMessage, tooManyAttemptsText } from './auth-messages';
import type { Locale } from './locales';
import { messagesFor } from './messages';

const translator = (locale: Locale) => createTranslator({ locale, messages: messagesFor(locale), namespace: 'authErrors' });

describe('the sign-in, sign-up and password forms’ messages in the page’s language', () => {
  const english = [...Object.values(AUTH_MESSAGES), ...Object.values(PASSWORD_MESSAGES)];

  it('every English message the schemas and the password policy say has a key, and its English text is the same, character for character', () => {
    const en = translator('en');
    for (const text of english) {
      expect(authMessageKey(text), text).not.toBeNull();
      expect(localizeAuthMessage(text, en)).toBe(text);
    }
  });

  it('the messages the server says by key read in English as the constants the command line and tests use', () => {
    const en = translator('en');
    expect(en('accountDisabled')).toBe(ACCOUNT_DISABLED_MESSAGE);
    expect(en('signupClosed')).toBe(SIGNUP_CLOSED_MESSAGE);
    expect(en('signupInvite')).toBe(SIGNUP_INVITE_MESSAGE);
    expect(messagesFor('en').login.errorCredentials).toBe('Email or password is incorrect');
    // lib/auth/sign-in-limits.ts's tooManyAttemptsMessage (it imports next-auth, which unit tests cannot load) says these.
    expect(tooManyAttemptsText(1, en)).toBe('Too many attempts. Try again in 1 second.');
    expect(tooManyAttemptsText(59, en)).toBe('Too many attempts. Try again in 59 seconds.');
    expect(tooManyAttemptsText(60, en)).toBe('Too many attempts. Try again in 1 minute.');
    expect(tooManyAttemptsText(61, en)).toBe('Too many attempts. Try again in 2 minutes.');
    expect(tooManyAttemptsText(86_400, en)).toBe('Too many attempts. Try again in 1440 minutes.');
  });

  it('German and Japanese: each known message is translated; an unknown one (already translated by the server) is left as it is', () => {
    const de = translator('de');
    const ja = translator('ja');
    for (const text of english) {
      expect(localizeAuthMessage(text, de)).not.toBe(text);
      expect(localizeAuthMessage(text, ja)).not.toBe(text);
    }
    expect(localizeAuthMessage(AUTH_MESSAGES.mismatch, de)).toBe('Die beiden Passwörter stimmen nicht überein: Geben Sie zweimal dasselbe Passwort ein');
    expect(localizeAuthMessage(PASSWORD_MESSAGES.tooShort, de)).toBe('Das Passwort muss mindestens 8 Zeichen lang sein: Einige zusammenhanglose Wörter ergeben ein gutes');
    expect(localizeAuthMessage('E-Mail-Adresse oder Passwort ist falsch', de)).toBe('E-Mail-Adresse oder Passwort ist falsch');
    expect(localizeAuthMessage(undefined, de)).toBeUndefined();
    expect(tooManyAttemptsText(1, de)).toBe('Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.');
    expect(tooManyAttemptsText(120, de)).toBe('Zu viele Versuche. Versuchen Sie es in 2 Minuten erneut.');
    expect(tooManyAttemptsText(30, ja)).toBe('試行回数が多すぎます。30 秒後にもう一度お試しください。');
  });
});
