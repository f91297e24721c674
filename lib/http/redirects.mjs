// The blog's fixed redirects (next.config.mjs → redirects). Next applies them before proxy.ts runs;
// the front door (lib/http/front-door.ts), which answers before Next, leaves their sources to Next.
// A plain module: next.config.mjs imports it.

/** Page 1 of the listing is the home page. */
export const REDIRECTS = [{ source: '/page/1', destination: '/', permanent: true }]

/** Whether Next redirects this path (exactly as written in REDIRECTS: no patterns). */
export function isRedirected(path) {
  return REDIRECTS.some((redirect) => redirect.source === path)
}
