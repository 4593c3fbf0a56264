/**
 * Branding (issue 23): the name, logo and accent colour every page, the page title and the
 * emails use, and the support, privacy and terms links in the footer of sign-in and consent.
 * Defaults are the stock look ("OAuth Server", the shield, indigo). A bad value stops start-up
 * with one line naming the variable.
 */
import { SettingsError, list, type Env } from '@/lib/config/env';
import { isLocale, LOCALES, DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';

export const DEFAULT_BRAND_NAME = 'OAuth Server';
export const DEFAULT_BRAND_LOGO = '/logo.svg';
/** Tailwind's indigo-600, the stock accent. */
export const DEFAULT_BRAND_COLOR = '#4f46e5';

export interface BrandingSettings {
  /** OAUTH2_BRAND_NAME: shown in the header, page titles, emails and passkey/authenticator labels. */
  name: string;
  /** OAUTH2_BRAND_LOGO_URL: an https URL, or a path under public/ ("/brand/logo.png"). */
  logoUrl: string;
  /** True when the operator set a logo (the stock shield is drawn at a fixed size). */
  customLogo: boolean;
  /** OAUTH2_BRAND_COLOR: the accent, #rrggbb, at least 4.5:1 against white (WCAG 2.x AA, normal text). */
  color: string;
  /** The accent's shades, derived from the colour (buttons, hover, tints, focus rings). */
  palette: Record<'50' | '100' | '200' | '500' | '600' | '700', string>;
  /** OAUTH2_SUPPORT_URL, OAUTH2_PRIVACY_URL, OAUTH2_TERMS_URL: footer links (null: not shown). */
  supportUrl: string | null;
  privacyUrl: string | null;
  termsUrl: string | null;
  /** OAUTH2_DEFAULT_LOCALE: the language when nothing else chooses one. */
  defaultLocale: Locale;
  /**
   * OAUTH2_CLIENT_LOGO_HOSTS: hosts whose https logos (an application's logo_uri) the consent
   * page may show, as `example.com`, `*.example.com` or `*` (any host). Empty (default): none,
   * the monogram is shown, and a user's browser never contacts a host a client chose.
   */
  clientLogoHosts: string[];
}

export function parseBrandingSettings(env: Env): BrandingSettings {
  const name = (env.OAUTH2_BRAND_NAME ?? '').trim() || DEFAULT_BRAND_NAME;
  if (name.length > 60) throw new SettingsError('OAUTH2_BRAND_NAME: expected at most 60 characters');
  const rawLogo = (env.OAUTH2_BRAND_LOGO_URL ?? '').trim();
  const color = brandColor(env.OAUTH2_BRAND_COLOR);
  const locale = (env.OAUTH2_DEFAULT_LOCALE ?? '').trim() || DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new SettingsError(`OAUTH2_DEFAULT_LOCALE: expected one of ${LOCALES.join(', ')}, got "${locale}"`);
  return {
    name,
    logoUrl: rawLogo ? logoUrl(rawLogo) : DEFAULT_BRAND_LOGO,
    customLogo: rawLogo !== '',
    color,
    palette: paletteFor(color),
    supportUrl: linkUrl(env, 'OAUTH2_SUPPORT_URL'),
    privacyUrl: linkUrl(env, 'OAUTH2_PRIVACY_URL'),
    termsUrl: linkUrl(env, 'OAUTH2_TERMS_URL'),
    defaultLocale: locale,
    clientLogoHosts: clientLogoHosts(env),
  };
}

function logoUrl(raw: string): string {
  // A file in public/ is served from the site root.
  if (/^\/(?!\/)[\w\-./]+$/.test(raw) && !raw.includes('..')) return raw;
  if (isHttps(raw)) return raw;
  throw new SettingsError(`OAUTH2_BRAND_LOGO_URL: expected an https URL or a path under public/ such as /brand/logo.png, got "${raw}"`);
}

function linkUrl(env: Env, name: string): string | null {
  const raw = (env[name] ?? '').trim();
  if (!raw) return null;
  // mailto: is a fair support link; anything else must be a web page.
  if (isHttps(raw) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(raw) || /^mailto:[^\s@]+@[^\s@]+$/.test(raw)) return raw;
  throw new SettingsError(`${name}: expected an https URL (or mailto: address), got "${raw}"`);
}

function isHttps(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' && u.hostname !== '';
  } catch {
    return false;
  }
}

const HOST_PATTERN = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/;

function clientLogoHosts(env: Env): string[] {
  const hosts = list(env, 'OAUTH2_CLIENT_LOGO_HOSTS', []).map((h) => h.toLowerCase());
  for (const h of hosts) {
    if (!HOST_PATTERN.test(h)) throw new SettingsError(`OAUTH2_CLIENT_LOGO_HOSTS: "${h}" is not a host name, *.domain or *`);
  }
  return hosts;
}

/** Whether an application's logo_uri may be shown (https, on a host the operator allowed). */
export function clientLogoAllowed(uri: string | null | undefined, hosts: readonly string[]): uri is string {
  if (!uri || !hosts.length || !isHttps(uri)) return false;
  const host = new URL(uri).hostname.toLowerCase();
  return hosts.some((h) => h === '*' || h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))));
}

// ---- colour ---------------------------------------------------------------------------------

/** The WCAG AA ratio for normal text: links and button labels in the accent must reach it on white. */
export const MIN_CONTRAST = 4.5;

function brandColor(raw: string | undefined): string {
  const value = (raw ?? '').trim().toLowerCase();
  if (!value) return DEFAULT_BRAND_COLOR;
  const hex = normaliseHex(value);
  if (!hex) throw new SettingsError(`OAUTH2_BRAND_COLOR: expected a colour as #rrggbb or #rgb, got "${raw}"`);
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio < MIN_CONTRAST) {
    throw new SettingsError(
      `OAUTH2_BRAND_COLOR: ${hex} has a contrast of ${ratio.toFixed(2)}:1 on white; text needs at least ${MIN_CONTRAST}:1 (WCAG AA), choose a darker colour`,
    );
  }
  return hex;
}

export function normaliseHex(value: string): string | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) return null;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `#${digits.toLowerCase()}`;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2.x relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` moved toward `toward` by `amount` (0..1), in sRGB: enough for tints and a hover shade. */
function mix(hex: string, toward: string, amount: number): string {
  const a = rgb(hex);
  const b = rgb(toward);
  return `#${a.map((v, i) => Math.round(v + (b[i]! - v) * amount).toString(16).padStart(2, '0')).join('')}`;
}

function paletteFor(color: string): BrandingSettings['palette'] {
  if (color === DEFAULT_BRAND_COLOR) {
    // Tailwind's own indigo, so the default look is exactly today's.
    return { '50': '#eef2ff', '100': '#e0e7ff', '200': '#c7d2fe', '500': '#6366f1', '600': '#4f46e5', '700': '#4338ca' };
  }
  return {
    '50': mix(color, '#ffffff', 0.93),
    '100': mix(color, '#ffffff', 0.86),
    '200': mix(color, '#ffffff', 0.72),
    '500': mix(color, '#ffffff', 0.18),
    '600': color,
    '700': mix(color, '#000000', 0.18),
  };
}
