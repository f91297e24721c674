import { afterEach, describe, expect, it } from 'vitest'
import { PEER_HEADER } from '@/lib/http/peer-address'
import { clientAddressOf, trustedProxies } from '@/lib/request'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { isLoopbackHost, isOwnUrl, linkOrigin, signInHostProblem, UNKNOWN_ADDRESS_MESSAGE } from './public-address'

afterEach(() => {
  delete process.env.AUTH_URL
})

describe('the public address', () => {
  it('knows loopback names from others', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      'blog.localhost:8080',
      '127.0.0.1',
      '127.1.2.3:80',
      '[::1]:3000',
    ])
      expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['evil.example', 'localhost.evil.example', '127.0.0.1.evil.example', '10.0.0.1', '', null])
      expect(isLoopbackHost(host), String(host)).toBe(false)
  })

  it('lets links point only at AUTH_URL when it is set, else at this machine', () => {
    expect(isOwnUrl('http://localhost:3000/api/auth/callback/nodemailer?token=x')).toBe(true)
    expect(isOwnUrl('http://evil.example/api/auth/callback/nodemailer?token=x')).toBe(false)
    process.env.AUTH_URL = 'https://blog.example.com'
    expect(isOwnUrl('https://blog.example.com/api/auth/callback/nodemailer')).toBe(true)
    expect(isOwnUrl('http://localhost:3000/api/auth/callback/nodemailer')).toBe(false)
    expect(linkOrigin()).toBe('https://blog.example.com')
  })
})

describe('the client address for limits', () => {
  const request = (peer: string, forwarded?: string) =>
    new Headers({ [PEER_HEADER]: peer, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) })

  it('is the socket’s, whatever X-Forwarded-For the client wrote', () => {
    expect(clientAddressOf(request('203.0.113.9'), trustedProxies(''))).toBe('203.0.113.9')
    expect(clientAddressOf(request('203.0.113.9', '1.2.3.4'), trustedProxies(''))).toBe('203.0.113.9')
    expect(clientAddressOf(request('203.0.113.9', '1.2.3.4, 5.6.7.8'), trustedProxies(undefined))).toBe('203.0.113.9')
  })

  it('is what the nearest trusted proxy reports, never what the client wrote before it', () => {
    // nginx on loopback appends the address it saw: "<forged by the client>, <real client>".
    expect(clientAddressOf(request('127.0.0.1', '6.6.6.6, 198.51.100.7'), trustedProxies('1'))).toBe('198.51.100.7')
    expect(clientAddressOf(request('127.0.0.1', '6.6.6.6, 198.51.100.7'), trustedProxies('loopback'))).toBe(
      '198.51.100.7',
    )
    expect(
      clientAddressOf(request('127.0.0.1', '6.6.6.6, 198.51.100.7'), trustedProxies('127.0.0.1, 10.0.0.0/8')),
    ).toBe('198.51.100.7')
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddressOf(request('192.0.2.1', '198.51.100.7'), trustedProxies('loopback'))).toBe('192.0.2.1')
  })
})

describe.each(await testDialects())('signing in without a public address on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('is allowed only for requests to a loopback host', async () => {
    const db = database()
    expect(await signInHostProblem(new Headers({ host: 'localhost:3000' }), db)).toBeNull()
    expect(await signInHostProblem(new Headers({ host: 'evil.example' }), db)).toBe(UNKNOWN_ADDRESS_MESSAGE)
    expect(
      await signInHostProblem(new Headers({ host: 'localhost:3000', 'x-forwarded-host': 'evil.example' }), db),
    ).toBe(UNKNOWN_ADDRESS_MESSAGE)
    process.env.AUTH_URL = 'https://blog.example.com'
    expect(
      await signInHostProblem(new Headers({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }), db),
    ).toBeNull()
  })
})
