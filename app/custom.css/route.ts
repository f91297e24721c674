import { connection } from 'next/server'
import { cachedCustomCss } from '@/lib/public/cached'

// The owner's custom CSS for the reader pages, as checked and written out again (lib/look/). Pages
// link it as /custom.css?v=<fingerprint>: that address is cached for good, any other for no time.
export async function GET(request: Request): Promise<Response> {
  await connection() // answered per request, never at build
  const { css, version } = await cachedCustomCss()
  const asked = new URL(request.url).searchParams.get('v')
  const cache = asked === version ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': cache } })
}
