import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerFromCopy, copiesHeld, serveAndCopy, type Serving } from './page-copies'

// The front door's copies against a real HTTP server. Behind it stands what Next does for a page from
// its route cache, reduced to what the copies rely on: the route cache notes the entry it answered
// from (as lib/public/cache/route-cache.mjs does), and the answer says x-nextjs-cache: HIT.

const serving = () => (globalThis as { __plateauServing?: { getStore(): Serving | undefined } }).__plateauServing!

let fresh = true
let rendered = 0
const pages = new Map<string, string>()

function behind(request: http.IncomingMessage, response: http.ServerResponse) {
  rendered++
  const store = serving().getStore()
  if (store) store.stillFresh = () => fresh
  const body = pages.get(request.url!.split('?')[0]) ?? `<p>${request.url}</p>`
  response.setHeader('Content-Type', 'text/html; charset=utf-8')
  response.setHeader('x-nextjs-cache', 'HIT')
  response.setHeader('ETag', `"${body.length}"`)
  if (request.url!.startsWith('/cookie')) response.setHeader('Set-Cookie', 'a=b')
  response.write(body.slice(0, 10))
  response.end(body.slice(10))
}

let base = ''
const server = http.createServer((request, response) => {
  if (answerFromCopy(request, response)) return
  serveAndCopy(request, response, () => behind(request, response))
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function get(path: string, headers: Record<string, string> = {}) {
  const before = rendered
  const response = await fetch(base + path, { headers })
  const text = await response.text()
  return { status: response.status, text, fromCopy: rendered === before, headers: response.headers }
}

describe('copies of cached pages', () => {
  it('answers a page from its copy once Next has answered it from its cache, until Next would render it again', async () => {
    pages.set('/posts/a', '<h1>A post</h1>'.repeat(50))
    expect((await get('/posts/a')).fromCopy).toBe(false)
    const copy = await get('/posts/a')
    expect(copy).toMatchObject({ status: 200, text: pages.get('/posts/a'), fromCopy: true })
    expect(copy.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect((await get('/posts/a', { 'If-None-Match': copy.headers.get('etag')! })).status).toBe(304)

    fresh = false
    expect((await get('/posts/a')).fromCopy).toBe(false)
    fresh = true
  })

  it('leaves to Next what may differ: the home page’s queries, navigation requests, a reader who just wrote, answers that set cookies', async () => {
    await get('/posts/b')
    expect((await get('/posts/b')).fromCopy).toBe(true)
    // A whole cached page reads no query: the same copy answers it; the home page's queries are WordPress's.
    expect((await get('/posts/b?utm_source=feed')).fromCopy).toBe(true)
    await get('/')
    expect((await get('/')).fromCopy).toBe(true)
    expect((await get('/?p=12')).fromCopy).toBe(false)
    expect((await get('/posts/b', { RSC: '1' })).fromCopy).toBe(false)
    expect((await get('/posts/b', { Cookie: 'plateau-wrote=1' })).fromCopy).toBe(false)
    await get('/cookie')
    expect((await get('/cookie')).fromCopy).toBe(false)
  })

  it('holds at most 32 MB however many pages a crawler walks through, the least recently read going first', async () => {
    for (let i = 0; i < 30; i++) pages.set(`/big/${i}`, randomBytes(512 * 1024).toString('hex'))
    for (let i = 0; i < 30; i++) await get(`/big/${i}`)
    const held = copiesHeld()
    expect(held.bytes).toBeLessThanOrEqual(32 * 1024 * 1024)
    expect(held.bytes).toBeGreaterThan(16 * 1024 * 1024)
    expect((await get('/big/29')).fromCopy).toBe(true)
    expect((await get('/big/0')).fromCopy).toBe(false)
  })
})
