import { resolveOldAddress } from '@/lib/wordpress/old-addresses'
import { parseId } from '@/lib/params'

// Old WordPress addresses, rewritten here by next.config.mjs (readers never see /wordpress/…):
//   /wordpress/id/<n>            from /?p=<n> and /?page_id=<n>
//   /wordpress/path/<segments>   from /YYYY/MM/DD/slug, /YYYY/MM/slug, /category/…, /tag/…
//   /wordpress/slash/<segments>  from any address ending in a slash (WordPress's style; never ours)
// A match answers 301 to where it lives now. An unmatched address with a slash goes to the same
// address without it (as the blog did before), anything else is a 404.
export async function GET(request: Request, { params }: { params: Promise<{ address: string[] }> }) {
  const [kind, ...rest] = (await params).address
  const id = kind === 'id' ? parseId(rest[0]) : null
  const target = id !== null ? await resolveOldAddress({ id }) : kind === 'path' || kind === 'slash' ? await resolveOldAddress({ segments: rest }) : null
  if (target) return new Response(null, { status: 301, headers: { Location: target } })
  if (kind === 'slash') {
    const query = new URL(request.url).search
    return new Response(null, { status: 308, headers: { Location: `/${rest.map(encodeURIComponent).join('/')}${query}` } })
  }
  return new Response('Nothing lives at this address any more.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
