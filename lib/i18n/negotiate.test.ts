import { describe, expect, it } from 'vitest';
import { acceptLanguageTags, negotiateLocale } from './negotiate';
import { matchLocale } from './locales';

describe('OIDC Core §3.1.2.1 ui_locales, then the saved choice, then Accept-Language, then OAUTH2_DEFAULT_LOCALE', () => {
  const base = { fallback: 'en' as const };

  it('ui_locales wins over everything, first supported tag in its order', () => {
    expect(negotiateLocale({ ...base, uiLocales: 'fr-CA de', saved: 'ja', acceptLanguage: 'es' })).toBe('fr');
    expect(negotiateLocale({ ...base, uiLocales: 'tlh ja-JP', saved: 'de' })).toBe('ja');
  });

  it('a ui_locales value with no translation falls back silently to the next rule', () => {
    expect(negotiateLocale({ ...base, uiLocales: 'tlh x-klingon', saved: 'de' })).toBe('de');
    expect(negotiateLocale({ ...base, uiLocales: '', acceptLanguage: 'es-MX,es;q=0.9' })).toBe('es');
  });

  it('the saved choice wins over Accept-Language', () => {
    expect(negotiateLocale({ ...base, saved: 'ja', acceptLanguage: 'de-DE,de;q=0.9' })).toBe('ja');
  });

  it('Accept-Language by q-value; unsupported ones skipped', () => {
    expect(negotiateLocale({ ...base, acceptLanguage: 'zh-CN;q=0.9, ja;q=0.8, de;q=0.95' })).toBe('de');
    expect(negotiateLocale({ ...base, acceptLanguage: 'zh-CN, ko' })).toBe('en');
  });

  it('falls back to OAUTH2_DEFAULT_LOCALE', () => {
    expect(negotiateLocale({ fallback: 'de' })).toBe('de');
    expect(negotiateLocale({ fallback: 'fr', acceptLanguage: '*' })).toBe('fr');
  });
});

describe('RFC 9110 §12.5.4 Accept-Language', () => {
  it('orders by weight, keeps equal weights in order, drops q=0 and *', () => {
    expect(acceptLanguageTags('de;q=0.5, fr, en;q=0, *;q=0.1, ja;q=0.5')).toEqual(['fr', 'de', 'ja']);
  });
});

describe('matchLocale', () => {
  it('matches the exact tag, then the primary subtag, case-insensitively', () => {
    expect(matchLocale('DE-at')).toBe('de');
    expect(matchLocale('ja_JP')).toBe('ja');
    expect(matchLocale('pt-BR')).toBeNull();
  });
});

describe('scope descriptions in the page language', async () => {
  const { scopeDescription } = await import('./scopes');
  const { messagesFor } = await import('./messages');
  const de = messagesFor('de').scopes;

  it('built-in scopes use the catalogue while the operator kept the shipped text', () => {
    expect(scopeDescription({ name: 'email', description: 'Your email address' }, 'de', {}, de)).toBe('Ihre E-Mail-Adresse');
    expect(scopeDescription({ name: 'email', description: 'Mail, please' }, 'de', {}, de)).toBe('Mail, please');
  });

  it('an operator translation wins; without one for this language the configured text stays', () => {
    const own = { photos: { en: 'Your photos', de: 'Ihre Fotos' } };
    expect(scopeDescription({ name: 'photos', description: 'Your photos' }, 'de', own, de)).toBe('Ihre Fotos');
    expect(scopeDescription({ name: 'photos', description: 'Your photos' }, 'ja', own, de)).toBe('Your photos');
  });
});
