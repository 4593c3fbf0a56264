import { describe, expect, it } from 'vitest';
import { clientLogoAllowed, contrastRatio, DEFAULT_BRAND_NAME, parseBrandingSettings } from './branding';
import { parseSettings } from './settings';

describe('branding settings (issue 23)', () => {
  it('defaults to the stock look', () => {
    const b = parseBrandingSettings({});
    expect(b).toMatchObject({ name: DEFAULT_BRAND_NAME, logoUrl: '/logo.svg', customLogo: false, color: '#4f46e5', defaultLocale: 'en', clientLogoHosts: [] });
    expect([b.supportUrl, b.privacyUrl, b.termsUrl]).toEqual([null, null, null]);
  });

  it('reads every variable', () => {
    const b = parseBrandingSettings({
      OAUTH2_BRAND_NAME: ' Acme ID ',
      OAUTH2_BRAND_LOGO_URL: '/brand/acme.png',
      OAUTH2_BRAND_COLOR: '#0B6E4F',
      OAUTH2_SUPPORT_URL: 'mailto:help@acme.example',
      OAUTH2_PRIVACY_URL: 'https://acme.example/privacy',
      OAUTH2_TERMS_URL: 'https://acme.example/terms',
      OAUTH2_DEFAULT_LOCALE: 'de',
      OAUTH2_CLIENT_LOGO_HOSTS: 'cdn.acme.example, *.partners.example',
    });
    expect(b).toMatchObject({ name: 'Acme ID', logoUrl: '/brand/acme.png', customLogo: true, color: '#0b6e4f', defaultLocale: 'de' });
    expect(b.palette['600']).toBe('#0b6e4f');
    expect(b.clientLogoHosts).toEqual(['cdn.acme.example', '*.partners.example']);
  });

  it('is part of the app settings, so a bad value stops start-up', () => {
    expect(() => parseSettings({ OAUTH2_BRAND_COLOR: 'teal' })).toThrow(/^OAUTH2_BRAND_COLOR: expected a colour/);
  });

  it('refuses each bad value in one line naming the variable', () => {
    expect(() => parseBrandingSettings({ OAUTH2_BRAND_LOGO_URL: 'http://acme.example/logo.png' })).toThrow(/^OAUTH2_BRAND_LOGO_URL: expected an https URL/);
    expect(() => parseBrandingSettings({ OAUTH2_BRAND_LOGO_URL: '/../secret' })).toThrow(/^OAUTH2_BRAND_LOGO_URL:/);
    expect(() => parseBrandingSettings({ OAUTH2_PRIVACY_URL: 'javascript:alert(1)' })).toThrow(/^OAUTH2_PRIVACY_URL: expected an https URL/);
    expect(() => parseBrandingSettings({ OAUTH2_DEFAULT_LOCALE: 'tlh' })).toThrow(/^OAUTH2_DEFAULT_LOCALE: expected one of en, de, fr, es, ja, got "tlh"$/);
    expect(() => parseBrandingSettings({ OAUTH2_CLIENT_LOGO_HOSTS: 'https://x.example' })).toThrow(/^OAUTH2_CLIENT_LOGO_HOSTS:/);
    expect(() => parseBrandingSettings({ OAUTH2_BRAND_NAME: 'x'.repeat(61) })).toThrow(/^OAUTH2_BRAND_NAME:/);
  });
});

describe('WCAG 2.x contrast of OAUTH2_BRAND_COLOR on white', () => {
  it('computes the reference ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the lightest grey that passes AA
  });

  it('accepts a colour that reaches 4.5:1 and refuses one that does not, saying why', () => {
    expect(parseBrandingSettings({ OAUTH2_BRAND_COLOR: '#767676' }).color).toBe('#767676');
    expect(() => parseBrandingSettings({ OAUTH2_BRAND_COLOR: '#777777' })).toThrow(
      /^OAUTH2_BRAND_COLOR: #777777 has a contrast of 4\.48:1 on white; text needs at least 4\.5:1 \(WCAG AA\), choose a darker colour$/,
    );
    expect(() => parseBrandingSettings({ OAUTH2_BRAND_COLOR: '#ff0' })).toThrow(/1\.07:1/);
  });
});

describe('client logos (OAUTH2_CLIENT_LOGO_HOSTS)', () => {
  it('shows none unless the operator lists the host', () => {
    expect(clientLogoAllowed('https://cdn.acme.example/l.png', [])).toBe(false);
    expect(clientLogoAllowed('https://cdn.acme.example/l.png', ['cdn.acme.example'])).toBe(true);
    expect(clientLogoAllowed('https://a.partners.example/l.png', ['*.partners.example'])).toBe(true);
    expect(clientLogoAllowed('https://partners.example.evil/l.png', ['*.partners.example'])).toBe(false);
    expect(clientLogoAllowed('http://cdn.acme.example/l.png', ['*'])).toBe(false);
    expect(clientLogoAllowed('https://any.example/l.png', ['*'])).toBe(true);
  });
});

describe('OAUTH2_SCOPES with translated descriptions', () => {
  it('takes an object of language → text; English is the description the engine uses', () => {
    const s = parseSettings({ OAUTH2_SCOPES: '{"read":"Read","photos":{"de":"Ihre Fotos","en":"Your photos"}}' });
    expect(s.scopes).toEqual({ read: 'Read', photos: 'Your photos' });
    expect(s.scopeTranslations).toEqual({ photos: { de: 'Ihre Fotos', en: 'Your photos' } });
  });
  it('refuses anything else in one line', () => {
    expect(() => parseSettings({ OAUTH2_SCOPES: '{"photos":{"de":3}}' })).toThrow(/^OAUTH2_SCOPES: the description of "photos" must be/);
  });
});
