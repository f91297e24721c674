/** @type {import('next').NextConfig} */
const nextConfig = {
  // Public pages render from Next's cache ('use cache' + cacheTag) and are invalidated by tag.
  cacheComponents: true,
  partialPrefetching: false,
  // Native and shared modules stay outside the bundle: one Kysely for the app and the Auth.js
  // adapter (a second bundled copy breaks the adapter's SQLite date handling).
  serverExternalPackages: ['better-sqlite3', 'kysely', '@auth/kysely-adapter'],
  poweredByHeader: false,
  async rewrites() {
    // The home page is page 1 of the listing, rendered on first request and cached — never at build
    // time, when the blog's database is not the one it will serve.
    return [{ source: '/', destination: '/page/1' }]
  },
  async redirects() {
    return [{ source: '/page/1', destination: '/', permanent: true }]
  },
}

export default nextConfig
