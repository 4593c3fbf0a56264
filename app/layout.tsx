import type { CSSProperties, ReactNode } from 'react';
import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';
import { SiteHeader } from '@/components/site-header';
import { getSettings } from '@/lib/config/settings';
import { DEFAULT_BRAND_COLOR } from '@/lib/config/branding';
import { LOCALE_NAMES, LOCALES, RTL_LOCALES } from '@/lib/i18n/locales';
import { PATHS } from '@/lib/oauth/paths';
import { setLocaleAction } from './locale-actions';
import './globals.css';

/** Title, description and favicon follow the branding settings and the page's language. */
export async function generateMetadata(): Promise<Metadata> {
  const { name, logoUrl, customLogo } = getSettings().branding;
  const t = await getTranslations('meta');
  return {
    title: { default: name, template: `%s · ${name}` },
    description: t('description'),
    icons: { icon: customLogo ? logoUrl : '/icon.svg' },
    // Sign-in and consent pages have no business in search results.
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  themeColor: '#ffffff',
  width: 'device-width',
  initialScale: 1,
};

/** OAUTH2_BRAND_COLOR: the accent's shades replace the stock indigo (globals.css reads these variables). */
function accentStyle(): CSSProperties | undefined {
  const { color, palette } = getSettings().branding;
  if (color === DEFAULT_BRAND_COLOR) return undefined;
  return Object.fromEntries(Object.entries(palette).map(([shade, value]) => [`--color-accent-${shade}`, value])) as CSSProperties;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('layout');
  const { name, supportUrl, privacyUrl, termsUrl } = getSettings().branding;
  const brandLinks = [
    { href: supportUrl, label: t('support') },
    { href: privacyUrl, label: t('privacy') },
    { href: termsUrl, label: t('terms') },
  ].filter((l): l is { href: string; label: string } => l.href !== null);
  return (
    <html lang={locale} dir={RTL_LOCALES.has(locale.split('-')[0]!) ? 'rtl' : 'ltr'} style={accentStyle()}>
      <body className="flex min-h-dvh flex-col font-sans">
        <NextIntlClientProvider>
          <a
            href="#content"
            className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
          >
            {t('skipToContent')}
          </a>
          <SiteHeader />
          <main id="content" className="flex-1">
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 text-sm text-slate-500 sm:px-6 md:flex-row md:items-center md:justify-between">
              <p>{t('tagline', { brand: name })}</p>
              <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6">
                {brandLinks.length ? (
                  <nav aria-label={t('help')} className="flex flex-wrap gap-x-4 gap-y-1">
                    {brandLinks.map((l) => (
                      <a key={l.label} className="hover:text-slate-800" href={l.href} rel="noopener">
                        {l.label}
                      </a>
                    ))}
                  </nav>
                ) : null}
                <nav aria-label={t('discovery')} className="flex flex-wrap gap-x-4 gap-y-1">
                  {/* Plain links: these are JSON documents, not pages for client-side navigation. */}
                  <a className="hover:text-slate-800" href={PATHS.discovery}>
                    {t('openidConfiguration')}
                  </a>
                  <a className="hover:text-slate-800" href={PATHS.serverMetadata}>
                    {t('serverMetadata')}
                  </a>
                </nav>
                <LanguageSwitcher
                  action={setLocaleAction}
                  current={locale}
                  languages={LOCALES.map((l) => ({ value: l, name: LOCALE_NAMES[l] }))}
                  label={t('language')}
                  submitLabel={t('change')}
                />
              </div>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
