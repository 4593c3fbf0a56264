// next-intl: the request configuration is i18n/request.ts (languages without URL prefixes, issue 23).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS (server.mjs and the build load it as such)
const createNextIntlPlugin = require('next-intl/plugin');
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PRODUCT.md: every path answers with and without a trailing slash, with no redirect.
  skipTrailingSlashRedirect: true,
  // Native and WASM packages must be loaded by Node, not bundled. pino and prom-client too:
  // server.mjs and the bundled app must share one module instance (one metrics registry).
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'postgres', 'pino', 'prom-client'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Clickjacking (RFC 6749 §10.13, RFC 9700 §4.16): no page of ours may be framed, above all
  // the consent page. The JSON machine endpoints are left lean: framing means nothing to them.
  async headers() {
    const noFraming = [
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
    ];
    return [
      { source: '/', headers: noFraming },
      {
        source: '/:path((?!o/token|o/revoke_token|o/introspect|o/userinfo|o/\\.well-known|\\.well-known|api/|_next/).*)',
        headers: noFraming,
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
