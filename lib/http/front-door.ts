import http from 'node:http'
import { PEER_HEADER } from './peer-address'
import { refusalPage } from './refusal-page'
import { securityHeaders } from './security-headers'

/*
 * What every HTTP request meets as it arrives, before Next.js reads a byte of it:
 * - it is stamped with the address of the socket it came on (PEER_HEADER, overwriting whatever a
 *   client sent under that name), for the rate limits (lib/request.ts);
 * - a body larger than the blog takes is refused by its headers, 413, unread: a 20 MB POST to a
 *   server action costs a look at its headers and bytes thrown away, not 20 MB of memory and a parse. Routes that stream big
 *   bodies under caps of their own (uploads, imports, autosave) are let through to check them,
 *   after they have checked who is sending.
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
    }
    return emit.call(this, event, ...args)
  }
}
