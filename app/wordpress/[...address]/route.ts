import { resolveOldAddress } from '@/lib/wordpress/old-addresses'

// Old WordPress addresses, rewritten here by next.config.mjs (readers never see /wordpress/…):
//   /wordpress/query/<name>/<value>  from /?p=, /?page_id=, /?attachment_id=, /?cat=, /?author=, /?s=, /?feed=
//   /wordpress/path/<segments>       from /YYYY/MM/DD/slug, /YYYY/MM/slug, /category/…, /tag/…, /author/…, …/feed, …/comment-page-<n>
//   /wordpress/slash/<segments>      from any address ending in a slash (WordPress's style; never ours)
// A match answers 301 to where it lives now (lib/wordpress/old-addresses.ts). An unmatched address
// with a slash goes to the same address without it (as the blog did before), anything else is a 404.
export async function GET(request: Request, { params }: { params: Promise<{ address: string[] }> }) {
  const [kind, ...rest] = (await params).address
  const target =
    kind === 'query' && rest.length >= 2
      ? await resolveOldAddress({ query: rest[0], value: safeDecode(rest.slice(1).join('/')) })
      : kind === 'path' || kind === 'slash'
        ? await resolveOldAddress({ segments: rest })
        : null
  if (target) return new Response(null, { status: 301, headers: { Location: target } })
  if (kind === 'slash') {
    const query = new URL(request.url).search
    return new Response(null, {
      status: 308,
      headers: { Location: `/${rest.map(encodeURIComponent).join('/')}${query}` },
    })
  }
  return new Response('Nothing lives at this address any more.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}
