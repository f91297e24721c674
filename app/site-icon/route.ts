import { connection } from 'next/server'
import { cachedSiteIcon } from '@/lib/public/cached'

// The browser tab's icon: the one the owner uploaded (a redirect to it), or Plateau's drawn in their
// accent colour. Browsers ask again now and then; the answer is cached like every public read.
export async function GET(): Promise<Response> {
  await connection() // answered per request, never at build
  const icon = await cachedSiteIcon()
  const cache = 'public, max-age=0, must-revalidate'
  if (icon.kind === 'upload')
    return new Response(null, { status: 302, headers: { Location: icon.url, 'Cache-Control': cache } })
  return new Response(icon.svg, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': cache } })
}
