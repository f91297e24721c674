import { gunzipSync } from 'node:zlib'
import http from 'node:http'
import { INSTANCE_PORTS } from './fixtures/auth-config'
import { expect, test } from './fixtures/test'

// A cached public page is answered at the front door from a copy of what Next sent (lib/http/page-copies.ts).
// Whatever answers, a reader gets the same page: in every encoding, for HEAD and a conditional GET.

const POST = '/posts/the-social-media-plateau'

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      )
    })
    request.on('error', reject)
    request.end()
  })
}

/** The page's HTML as a browser reads it, whatever the encoding it came in. */
const html = (response: { headers: http.IncomingHttpHeaders; body: Buffer }) =>
  (response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body).toString('utf8')

/** The page as it was rendered, with what differs per render (nothing should) taken out. */
const page = (text: string) => text.replace(/\s+/g, ' ')

for (const port of INSTANCE_PORTS) {
  test(`a cached post reads the same however it is asked for (instance on ${port})`, async () => {
    // Rendered, then served from Next's cache, then from the copy.
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await get(port, POST))
    for (const answer of answers) expect(answer.status).toBe(200)
    const first = page(html(answers[0]))
    expect(first).toContain('<h1 class="post__title">The social media plateau?</h1>')
    for (const answer of answers.slice(1)) expect(page(html(answer))).toBe(first)
    // Answered from memory, it says how long it is (a rendered page streams in chunks).
    expect(answers[3].headers['content-length']).toBe(String(answers[3].body.length))

    const gzipped = await get(port, POST, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(page(html(gzipped))).toBe(first)

    // Every answer carries the security headers and its own request id.
    const [a, b] = [await get(port, POST), await get(port, POST)]
    for (const answer of [a, b]) {
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    }
    expect(a.headers['x-request-id']).toBeTruthy()
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    expect(a.headers['set-cookie']).toBeUndefined()

    const head = await get(port, POST, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)

    const etag = a.headers.etag
    expect(etag).toBeTruthy()
    const unchanged = await get(port, POST, { 'If-None-Match': etag! })
    expect(unchanged.status).toBe(304)
    expect(unchanged.body.length).toBe(0)

    // With a query, and as Next's own navigation request, Next answers as before.
    expect(page(html(await get(port, `${POST}?from=feed`)))).toBe(first)
    const navigation = await get(port, POST, { RSC: '1' })
    expect(navigation.status).not.toBe(500)
    expect(html(navigation)).not.toContain('<!DOCTYPE html>')
  })
}

test('the health check answers at once, with the security headers', async () => {
  for (const port of INSTANCE_PORTS) {
    const health = await get(port, '/api/health')
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body.toString())).toEqual({ ok: true })
    expect(health.headers['cache-control']).toBe('no-store')
    expect(health.headers['x-frame-options']).toBe('DENY')
  }
})
