import http from 'node:http'
import { PEER_HEADER } from './peer-address'
import { refusalPage } from './refusal-page'
import { contentSecurityPolicy, hasOverlongSegment, isWellEncodedPath, securityHeaders } from './security-headers'
import { databaseLostSince } from '@/db/availability'
import { FRESH_COOKIE } from '@/lib/public/cache/catch-up'
import { answerAddress } from '@/lib/public/addresses'
import { isRedirected } from './redirects.mjs'
import { answerFromCopy, serveAndCopy } from './page-copies'

/*
 * What every HTTP request meets as it arrives, before Next.js reads a byte of it:
 * - it is stamped with the address of the socket it came on (PEER_HEADER, overwriting whatever a
 *   client sent under that name), for the rate limits (lib/request.ts);
 * - a body larger than the blog takes is refused by its headers, 413, unread: a 20 MB POST to a
 *   server action costs a look at its headers and bytes thrown away, not 20 MB of memory and a parse. Routes that stream big
 *   bodies under caps of their own (uploads, imports, autosave) are let through to check them,
 *   after they have checked who is sending;
 * - `GET /api/health` (load balancers ask it every few seconds) is answered here: the process is up
 *   and taking requests, which is all it says (`/api/ready` asks the database);
 * - a cached public page is answered from its copy (./page-copies.ts) when it has a fresh one;
 * - a GET for an address that names nothing is answered 404 here, as proxy.ts would answer it
 *   (lib/public/addresses.ts decides), so a flood of made-up addresses costs what a cached page costs.
 */

/** The most any request body may be, but those of STREAMING_ROUTES: a server action's (next.config.mjs). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

/** Routes that read their bodies themselves, within their own limits (lib/http/bounded-body.ts). */
const STREAMING_ROUTES = /^\/(api\/uploads|api\/posts\/autosave|admin\/import\/upload)(\/|\?|$)/

/** What the front door does with a request: let it in, or refuse it (413, or 411 for a body of unknown length). */
export function admit(request: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): 'in' | 413 | 411 {
  // Judged by the path the router will see (dot segments resolved): /api/uploads/../x is /x.
  let path: string
  try {
    path = new URL(request.url ?? '/', 'http://front.door').pathname
  } catch {
    path = '/'
  }
  if (STREAMING_ROUTES.test(path)) return 'in'
  const length = request.headers['content-length']
  if (length !== undefined) return Number(length) > MAX_BODY_BYTES ? 413 : 'in'
  // A body sent in chunks could be any size: browsers and proxies always say how long a form is.
  if (request.headers['transfer-encoding'] !== undefined) return 411
  return 'in'
}

/** How long, and how much, of a refused body is thrown away before its connection is cut instead. */
const LINGER_MS = 5000
const LINGER_BYTES = 64 * 1024 * 1024

/**
 * Refuses a request by its headers. What its client is still sending is thrown away as it arrives —
 * never held, never parsed — and the answer goes once it has all come (answered sooner, the
 * connection would be reset under the client, which might never read the answer); a body that keeps
 * coming past LINGER_MS or LINGER_BYTES has its connection cut.
 */
function refuse(request: http.IncomingMessage, response: http.ServerResponse, status: 413 | 411): void {
  let thrownAway = 0
  const cut = () => request.socket.destroy()
  const linger = setTimeout(cut, LINGER_MS)
  linger.unref()
  request.on('data', (chunk: Buffer) => {
    thrownAway += chunk.length
    if (thrownAway > LINGER_BYTES) cut()
  })
  request.once('end', () => {
    clearTimeout(linger)
    const body = refusalPage('tooLarge')
    response.writeHead(status, {
      ...securityHeaders(),
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    })
    response.end(body)
  })
}

/** The path of a GET the front door may refuse as naming nothing, or null to leave it to the proxy. */
function addressToCheck(request: http.IncomingMessage): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  // A reader who has just written catches up with other instances first (proxy.ts); while the
  // database is away the proxy answers 503.
  if (request.headers.cookie?.includes(`${FRESH_COOKIE}=`) || databaseLostSince() !== null) return null
  const url = request.url ?? ''
  if (url[0] !== '/') return null
  const end = url.indexOf('?')
  const path = end === -1 ? url : url.slice(0, end)
  // Next redirects these before the proxy would look at them.
  return isRedirected(path) ? null : path
}

/** Whether the address may name something (Next and the proxy answer it), or which refusal it gets. */
async function namesSomething(request: http.IncomingMessage, path: string): Promise<true | 400 | 404> {
  if (!isWellEncodedPath(path)) return 400
  if (hasOverlongSegment(path)) return 404
  try {
    const query = new URL(request.url ?? '/', 'http://front.door').searchParams
    return (await answerAddress(request.method ?? 'GET', path, query)).kind === 'notFound' ? 404 : true
  } catch {
    return true
  }
}

function answerNotFound(response: http.ServerResponse, status: 400 | 404): void {
  const body = refusalPage(status === 400 ? 'malformed' : 'notFound')
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Security-Policy': contentSecurityPolicy(null),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  response.end(response.req?.method === 'HEAD' ? undefined : body)
}

const HEALTHY = JSON.stringify({ ok: true })

function answerHealth(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.url !== '/api/health') return false
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(HEALTHY),
    'Cache-Control': 'no-store',
  })
  response.end(request.method === 'HEAD' ? undefined : HEALTHY)
  return true
}

let guarded = false

/** Makes every HTTP request this process serves pass the front door. Called once at start-up. */
export function guardFrontDoor(): void {
  if (guarded) return
  guarded = true
  const proto = http.Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean }
  const emit = proto.emit
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? ''
      const verdict = admit(request)
      if (verdict !== 'in') {
        refuse(request, args[1] as http.ServerResponse, verdict)
        return true
      }
      const response = args[1] as http.ServerResponse
      if (answerHealth(request, response) || answerFromCopy(request, response)) return true
      const inside = () => serveAndCopy(request, response, () => emit.call(this, event, ...args))
      const path = addressToCheck(request)
      if (path === null) return inside()
      void namesSomething(request, path).then((named) => (named === true ? inside() : answerNotFound(response, named)))
      return true
    }
    return emit.call(this, event, ...args)
  }
}
