import { AsyncLocalStorage } from 'node:async_hooks'
import type http from 'node:http'
import { gunzipSync, gzipSync } from 'node:zlib'
import { databaseLostSince } from '@/db/availability'
import { FRESH_COOKIE } from '@/lib/public/cache/catch-up'
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/request-id'

/*
 * Copies of cached pages, answered at the front door (lib/http/front-door.ts) before Next.js sees
 * the request. Next serves a page from its route cache at ~1.7 ms of CPU a request — most of it the
 * pipeline every request shares (routing, the proxy, a web Request, streaming, compression); the
 * same bytes written from memory cost a tenth of that.
 *
 * A copy is made the first time Next answers a page from its route cache (x-nextjs-cache: HIT): the
 * bytes it sent, its headers, and which entry of Next's route cache they came from (noted by
 * lib/public/cache/route-cache.mjs while it looked the page up). A copy is only ever answered while
 * that entry is still the one Next holds for the page and Next itself would answer it without a
 * render — the same tags, the same expiry, invalidated by the same writes on every instance — so a
 * copy is never fresher or staler than Next's own cache. Everything else goes to Next as before:
 * anything but a GET or HEAD, the home page with a query, Next's own navigation requests, a
 * reader who has just written (they catch up with other instances first, proxy.ts), and every
 * request while the database is away (the proxy's 503).
 *
 * Pages are the same for every reader (what differs per reader comes from /api, client-side), so a
 * response that sets a cookie is never copied.
 */

/**
 * While Next serves a request: set by lib/public/cache/route-cache.mjs (which Next loads outside the
 * app's bundle, hence globalThis) when it answers the page from an entry of its route cache —
 * whether that entry is still the one Next holds for the page and would answer without a render.
 */
export interface Serving {
  stillFresh?: (now: number) => boolean
}

interface Copy {
  stillFresh: (now: number) => boolean
  status: number
  headers: [string, string][]
  body: Buffer
  gzipped: Buffer
  etag: string | undefined
  bytes: number
}

const holder = globalThis as typeof globalThis & { __plateauServing?: AsyncLocalStorage<Serving> }
const serving = (holder.__plateauServing ??= new AsyncLocalStorage<Serving>())

/** All copies together stay under this many bytes; the least recently answered go first. */
const MAX_BYTES = 32 * 1024 * 1024
/** A page bigger than this is left to Next. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024

/** PAGE_COPIES=off leaves every request to Next (to measure what Next costs, or to rule the copies out). */
const COPIES_OFF = process.env.PAGE_COPIES === 'off'

const copies = new Map<string, Copy>()
let total = 0

/** Headers that belong to one response, never to a copy. */
const OWN_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
  'set-cookie',
  REQUEST_ID_HEADER,
])

/** Headers of Next's navigation requests (RSC payloads, prefetches) and of server actions. */
const NEXT_REQUEST_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-state-tree',
  'next-router-segment-prefetch',
  'next-action',
]

/**
 * The copy that may answer a request: its path, or null when Next must answer. A page Next holds whole
 * in its route cache never reads the query (reading it would leave that part to render per request),
 * so `/posts/a?utm_source=x` is `/posts/a` — except the home page, whose WordPress-style queries
 * (`/?p=12`) the proxy sends elsewhere.
 */
function copyFor(request: http.IncomingMessage): string | null {
  if (COPIES_OFF) return null
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  const url = request.url ?? ''
  if (url.length === 0 || url.length > 2048 || url[0] !== '/') return null
  const query = url.indexOf('?')
  if (query === 1) return null
  for (const name of NEXT_REQUEST_HEADERS) if (request.headers[name] !== undefined) return null
  if (request.headers.range !== undefined) return null
  const cookie = request.headers.cookie
  if (cookie !== undefined && cookie.includes(`${FRESH_COOKIE}=`)) return null
  if (databaseLostSince() !== null) return null
  return query === -1 ? url : url.slice(0, query)
}

function forget(url: string, copy: Copy): void {
  copies.delete(url)
  total -= copy.bytes
}

function acceptsGzip(request: http.IncomingMessage): boolean {
  const accepted = request.headers['accept-encoding']
  return typeof accepted === 'string' && /\bgzip\b/.test(accepted) && !/\bgzip;\s*q=0(\.0*)?\b/.test(accepted)
}

/** Answers the request from a fresh copy of its page and returns true, or returns false and does nothing. */
export function answerFromCopy(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const url = copyFor(request)
  const copy = url === null ? undefined : copies.get(url)
  if (url === null || !copy) return false
  if (!copy.stillFresh(Date.now())) {
    forget(url, copy)
    return false
  }
  // Most recently answered last: the first in the map is the first to go.
  copies.delete(url)
  copies.set(url, copy)
  for (const [name, value] of copy.headers) response.setHeader(name, value)
  const given = request.headers[REQUEST_ID_HEADER]
  response.setHeader(REQUEST_ID_HEADER, requestIdFrom(typeof given === 'string' ? given : null))
  if (copy.etag !== undefined && request.headers['if-none-match'] === copy.etag) {
    response.statusCode = 304
    response.end()
    return true
  }
  const gzip = acceptsGzip(request)
  const body = gzip ? copy.gzipped : copy.body
  response.statusCode = copy.status
  if (gzip) response.setHeader('Content-Encoding', 'gzip')
  response.setHeader('Content-Length', body.length)
  response.end(request.method === 'HEAD' ? undefined : body)
  return true
}

function keep(url: string, copy: Copy): void {
  const old = copies.get(url)
  if (old) forget(url, old)
  copies.set(url, copy)
  total += copy.bytes
  for (const [oldest, first] of copies) {
    if (total <= MAX_BYTES) break
    forget(oldest, first)
  }
}

/**
 * Lets Next answer the request (`next`), noting what it sends when that may become a copy. Returns
 * what `next` returns.
 */
export function serveAndCopy<T>(request: http.IncomingMessage, response: http.ServerResponse, next: () => T): T {
  // Copied from a plain GET of the page's own address only.
  const url = copyFor(request)
  if (request.method !== 'GET' || url !== request.url) return next()
  const noted: Serving = {}
  const chunks: Buffer[] = []
  let size = 0
  let copying = true
  const write = response.write.bind(response) as (...args: unknown[]) => boolean
  const end = response.end.bind(response) as (...args: unknown[]) => http.ServerResponse
  const take = (chunk: unknown, encoding: unknown) => {
    if (!copying || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    size += buffer.length
    if (size > MAX_PAGE_BYTES) {
      copying = false
      chunks.length = 0
    } else chunks.push(Buffer.from(buffer))
  }
  response.write = function (chunk: unknown, ...rest: unknown[]) {
    take(chunk, rest[0])
    return write(chunk, ...rest)
  } as typeof response.write
  response.end = function (chunk?: unknown, ...rest: unknown[]) {
    take(chunk, rest[0])
    return end(chunk, ...rest)
  } as typeof response.end
  response.once('finish', () => {
    if (!copying || !noted.stillFresh) return
    const copy = copyOf(response, noted.stillFresh, Buffer.concat(chunks))
    if (copy) keep(url, copy)
  })
  return serving.run(noted, next)
}

function copyOf(response: http.ServerResponse, stillFresh: Copy['stillFresh'], sent: Buffer): Copy | undefined {
  if (response.statusCode !== 200 || response.getHeader('x-nextjs-cache') !== 'HIT') return undefined
  if (response.getHeader('set-cookie') !== undefined) return undefined
  const encoding = response.getHeader('content-encoding')
  let body: Buffer
  try {
    if (encoding === undefined) body = sent
    else if (encoding === 'gzip') body = gunzipSync(sent)
    else return undefined
  } catch {
    return undefined
  }
  const headers: [string, string][] = []
  for (const [name, value] of Object.entries(response.getHeaders())) {
    if (value === undefined || OWN_HEADERS.has(name)) continue
    headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)])
  }
  const etag = response.getHeader('etag')
  const gzipped = gzipSync(body)
  return {
    stillFresh,
    status: 200,
    headers,
    body,
    gzipped,
    etag: typeof etag === 'string' ? etag : undefined,
    bytes: body.length + gzipped.length,
  }
}

/** How many pages have copies and how many bytes they hold (for the bench and tests). */
export function copiesHeld(): { pages: number; bytes: number } {
  return { pages: copies.size, bytes: total }
}
