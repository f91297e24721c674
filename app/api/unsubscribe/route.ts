import { unsubscribe } from '@/lib/mail/unsubscribe'

// The List-Unsubscribe address (RFC 8058): a POST with the signed link's query stops that mail, no
// session, no script, no body read. The confirmation page's button posts here too (with from=page)
// and is sent back to say it is done. A forged or changed link changes nothing.
export async function POST(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const link = await unsubscribe(params)
  const fromPage = params.from === 'page'
  if (!link)
    return fromPage
      ? new Response(null, { status: 303, headers: { Location: '/unsubscribe?invalid=1' } })
      : new Response('This unsubscribe link is not valid; nothing was changed.', {
          status: 400,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        })
  if (fromPage) return new Response(null, { status: 303, headers: { Location: `/unsubscribe?done=${link.topic}` } })
  return new Response('Unsubscribed.', {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
