import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy, securityHeaders } from './lib/http/content-security-policy.mjs'
import { REDIRECTS } from './lib/http/redirects.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Public pages render from Next's cache ('use cache' + cacheTag) and are invalidated by tag.
  cacheComponents: true,
  // Next's in-memory cache, with invalidations shared by every app instance (lib/public/cache/handler.mjs).
  cacheHandlers: { default: fileURLToPath(new URL('./lib/public/cache/handler.mjs', import.meta.url)) },
  // Rendered pages: Next's own cache, dated by when their render began (lib/public/cache/route-cache.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/public/cache/route-cache.mjs', import.meta.url)),
  partialPrefetching: false,
  // Native and shared modules stay outside the bundle: one Kysely for the app and the Auth.js
  // adapter (a second bundled copy breaks the adapter's SQLite date handling).
  serverExternalPackages: ['better-sqlite3', 'kysely', '@auth/kysely-adapter'],
  poweredByHeader: false,
  // A server action's body is at most 3 MB (a post of 500,000 characters in any script fits): larger
  // ones are refused unread, 413, as they arrive (lib/http/front-door.ts). Big bodies (WordPress
  // exports, images) go to route handlers that check who is asking first and stream under their own caps.
  experimental: {
    serverActions: { bodySizeLimit: '3mb' },
    // Pages rendered for one address stay in a bounded in-memory cache, never on disk: a flood of
    // random addresses cannot fill the disk.
    isrFlushToDisk: false,
    // What the proxy (proxy.ts) may copy of a request's body: as much as a server action may take.
    proxyClientMaxBodySize: '3mb',
  },
  // Bounded: the least recently used entries go first.
  cacheMaxMemorySize: 50 * 1024 * 1024,
  // Every response's security headers (lib/http/content-security-policy.mjs). proxy.ts sets them on
  // what it sees (with a nonce where pages render per request); these cover the routes it skips.
  async headers() {
    const list = (record) => Object.entries(record).map(([key, value]) => ({ key, value }))
    const policy = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy(null) }]
    return [
      { source: '/:path*', headers: list(securityHeaders(process.env.AUTH_URL ?? null)) },
      {
        source: '/(_next/static|_next/image|api/uploads|api/posts/autosave|admin/import/upload)/:path*',
        headers: policy,
      },
    ]
  },
  // Addresses ending in a slash are WordPress's style: the proxy sends them to app/wordpress, which
  // sends imported posts' old addresses to their new ones and everything else to the slash-less address.
  skipTrailingSlashRedirect: true,
  async rewrites() {
    return {
      // Old WordPress addresses are sent to app/wordpress by the proxy (lib/public/addresses.ts), which
      // decides what every address is before anything renders.
      // The home page is page 1 of the listing, rendered on first request and cached — never at
      // build time, when the blog's database is not the one it will serve.
      afterFiles: [{ source: '/', destination: '/page/1' }],
    }
  },
  async redirects() {
    return REDIRECTS
  },
}

export default nextConfig
