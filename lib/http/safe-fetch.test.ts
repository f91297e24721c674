import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FetchRefused, isPublicAddress, safeFetch } from './safe-fetch'

let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const port = (server.address() as AddressInfo).port
    if (request.url === '/image') return response.end(Buffer.alloc(1000, 1))
    if (request.url === '/big') return response.end(Buffer.alloc(3_000_000, 1))
    if (request.url === '/to-private')
      return response.writeHead(302, { location: `http://127.0.0.2:${port}/image` }).end()
    if (request.url === '/to-image') return response.writeHead(302, { location: '/image' }).end()
    if (request.url === '/loop') return response.writeHead(302, { location: '/loop' }).end()
    if (request.url === '/to-file') return response.writeHead(302, { location: 'file:///etc/passwd' }).end()
    // /hang: never answers
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const options = { maxBytes: 1_000_000, timeoutMs: 2000 }
const onlyThisServer = { ...options, allowAddress: (a: string) => a === '127.0.0.1' }
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'fetched',
    (e: Error) => (e instanceof FetchRefused ? `refused: ${e.message}` : `failed: ${e.message}`),
  )

describe('the SSRF guard', () => {
  it('knows public addresses from loopback, private, link-local, ULA, multicast and metadata ones', () => {
    for (const a of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(isPublicAddress(a), a).toBe(true)
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '::1',
      'fd00:ec2::254',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '224.0.0.1',
      'not an ip',
    ])
      expect(isPublicAddress(a), a).toBe(false)
  })

  it('refuses loopback, metadata and private addresses, and anything but http(s)', async () => {
    expect(await refusal(safeFetch(`${base}/image`, options))).toMatch(/^refused: 127\.0\.0\.1 is not a public address/)
    expect(await refusal(safeFetch('http://169.254.169.254/latest/meta-data/', options))).toMatch(
      /^refused: 169\.254\.169\.254 is not a public/,
    )
    expect(await refusal(safeFetch('http://[::1]/', options))).toMatch(/^refused/)
    expect(await refusal(safeFetch('http://localhost/', options))).toMatch(
      /^refused: localhost resolves to an address that is not public/,
    )
    expect(await refusal(safeFetch('file:///etc/passwd', options))).toMatch(/^refused: file: addresses are not fetched/)
    expect(await refusal(safeFetch('gopher://127.0.0.1/', options))).toMatch(/^refused/)
  })

  it('checks every redirect again', async () => {
    expect(await refusal(safeFetch(`${base}/to-private`, onlyThisServer))).toMatch(
      /^refused: 127\.0\.0\.2 is not a public address/,
    )
    expect(await refusal(safeFetch(`${base}/to-file`, onlyThisServer))).toMatch(/^refused: file:/)
    expect(await refusal(safeFetch(`${base}/loop`, onlyThisServer))).toMatch(/^refused: too many redirects/)
    const fetched = await safeFetch(`${base}/to-image`, onlyThisServer)
    expect(fetched).toMatchObject({ status: 200, url: `${base}/image` })
    expect(fetched.bytes.length).toBe(1000)
  })

  it('stops at the byte cap and at the timeout', async () => {
    expect(await refusal(safeFetch(`${base}/big`, onlyThisServer))).toMatch(/^refused: larger than 1000000 bytes/)
    const started = Date.now()
    expect(await refusal(safeFetch(`${base}/hang`, { ...onlyThisServer, timeoutMs: 300 }))).toMatch(/^failed/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('fetches from private addresses only when allowed', async () => {
    expect((await safeFetch(`${base}/image`, { ...options, allowPrivate: true })).bytes.length).toBe(1000)
  })
})
