import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { PRODUCT_NAME } from '@/components/logo';
import { SiteHeader } from '@/components/site-header';
import './globals.css';
import { PATHS } from '@/lib/oauth/paths';

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: 'An OAuth 2.0 and OpenID Connect authorization server.',
  // Sign-in and consent pages have no business in search results.
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="content" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
            <p>{PRODUCT_NAME}: OAuth 2.0 and OpenID Connect authorization server</p>
            <nav aria-label="Discovery" className="flex flex-wrap gap-x-4 gap-y-1">
              {/* Plain links: these are JSON documents, not pages for client-side navigation. */}
              <a className="hover:text-slate-800" href={PATHS.discovery}>
                OpenID configuration
              </a>
              <a className="hover:text-slate-800" href={PATHS.serverMetadata}>
                Server metadata
              </a>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
