import { NextResponse, type NextRequest } from 'next/server'
import { databaseAnswers, RETRY_AFTER_SECONDS } from '@/lib/operations/availability'
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/request-id'
import { catchUpWithOtherInstances, FRESH_COOKIE, FRESH_SECONDS } from '@/lib/public/cache/catch-up'
import {
  contentSecurityPolicy,
  hasOverlongSegment,
  isPerRequestPath,
  isWellEncodedPath,
  securityHeaders,
} from '@/lib/http/security-headers'
import { type Refusal, refusalPage } from '@/lib/http/refusal-page'
import { answerAddress } from '@/lib/public/addresses'

// Runs before every request: refuses addresses no page can answer before they cost anything (bad
// percent-encoding: 400; an over-long segment, or one that names nothing: 404, lib/public/addresses.ts),
// sends old WordPress addresses to app/wordpress, and sets the security headers and the
// Content-Security-Policy (lib/http/security-headers.ts), with a fresh nonce on per-request pages.
// While the database is away, every page answers 503 (lib/operations/availability.ts).

/** One of the proxy's own pages (lib/http/refusal-page.ts): it answers without the database. */
function page(status: number, which: Refusal) {
  return new NextResponse(refusalPage(which), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

function withRequestId(headers: Headers): string {
  const id = requestIdFrom(headers.get(REQUEST_ID_HEADER))
  headers.set(REQUEST_ID_HEADER, id)
  return id
}

function withHeaders(response: NextResponse, csp: string, request?: NextRequest, requestId?: string): NextResponse {
  if (requestId) response.headers.set(REQUEST_ID_HEADER, requestId)
  // A form post may change what pages show: its sender reads their own write on any instance.
  if (request && request.method === 'POST')
    response.cookies.set(FRESH_COOKIE, '1', { maxAge: FRESH_SECONDS, path: '/', httpOnly: true, sameSite: 'lax' })
  response.headers.set('Content-Security-Policy', csp)
  for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value)
  return response
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const raw = new URL(request.url).pathname
  if (!isWellEncodedPath(raw)) return withHeaders(page(400, 'malformed'), contentSecurityPolicy(null))
  if (hasOverlongSegment(raw)) return withHeaders(page(404, 'notFound'), contentSecurityPolicy(null))

  // The database has gone away: a friendly 503 (load balancers and readers retry) until it is back.
  // /api/health and /api/ready answer for themselves.
  if (!pathname.startsWith('/api/health') && !pathname.startsWith('/api/ready') && !(await databaseAnswers())) {
    const response = page(503, 'unavailable')
    response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
    return withHeaders(response, contentSecurityPolicy(null))
  }
  if (request.cookies.has(FRESH_COOKIE)) await catchUpWithOtherInstances()
  const answer = await answerAddress(request.method, raw, request.nextUrl.searchParams)
  if (answer.kind === 'notFound') return withHeaders(page(404, 'notFound'), contentSecurityPolicy(null))
  // Every request has an id (nginx's, or one made here), which the log quotes with its errors.
  const requestHeaders = new Headers(request.headers)
  const requestId = withRequestId(requestHeaders)
  if (answer.kind === 'rewrite') {
    const to = new URL(answer.to, request.url)
    to.search = request.nextUrl.search
    return withHeaders(
      NextResponse.rewrite(to, { request: { headers: requestHeaders } }),
      contentSecurityPolicy(null),
      request,
      requestId,
    )
  }
  if (!isPerRequestPath(pathname))
    return withHeaders(
      NextResponse.next({ request: { headers: requestHeaders } }),
      contentSecurityPolicy(null),
      request,
      requestId,
    )
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const csp = contentSecurityPolicy(nonce)
  // Next reads the nonce from the request's policy and puts it on every script it writes.
  requestHeaders.set('Content-Security-Policy', csp)
  requestHeaders.set('x-nonce', nonce)
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, request, requestId)
}

export const config = {
  // Next's own static files carry their headers from next.config.mjs, and so do the routes that take
  // big bodies (uploads, autosave, the WordPress import): Next copies a proxied request's body into
  // memory, so those skip the proxy and stream their bodies under their own caps.
  matcher: ['/((?!_next/static|_next/image|api/uploads|api/posts/autosave|admin/import/upload).*)'],
}
