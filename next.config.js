/** @type {import('next').NextConfig} */
const nextConfig = {
  // PRODUCT.md: every path answers with and without a trailing slash, with no redirect.
  skipTrailingSlashRedirect: true,
  // Native and WASM packages must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = nextConfig;
