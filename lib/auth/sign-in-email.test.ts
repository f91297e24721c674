import { afterEach, describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { PEER_HEADER } from '@/lib/http/peer-address'
import { deliverSignInLink, SignInEmailRefused, type SignInLinkRequest } from './sign-in-email'
import { translator } from '@/lib/i18n'

afterEach(() => {
  delete process.env.AUTH_URL
})

const link = (origin: string) => `${origin}/api/auth/callback/nodemailer?token=secret&email=owner%40example.com`
const from = (peer: string, forwarded?: string) =>
  new Request('http://localhost:3000/api/auth/signin/nodemailer', {
    headers: { [PEER_HEADER]: peer, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) },
  })

describe.each(await testDialects())('sending sign-in links on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  async function ask(request: Request, url = link('http://localhost:3000'), identifier = 'owner@example.com') {
    const sent: SignInLinkRequest[] = []
    try {
      await deliverSignInLink({ identifier, url, request }, async (p) => void sent.push(p), database())
      return sent.length === 1 ? 'sent' : 'not sent'
    } catch (error) {
      // What the sign-in form then says (app/(site)/signin/actions.ts).
      if (error instanceof SignInEmailRefused) return translator('en', 'errors.signIn')(error.reason)
      throw error
    }
  }

  it('never sends a link to a forged host', async () => {
    expect(await ask(from('127.0.0.1'), link('http://evil.example'))).toMatch(/does not know its public address/)
    process.env.AUTH_URL = 'https://blog.example.com'
    expect(await ask(from('127.0.0.1'), link('http://evil.example'))).toMatch(/does not know its public address/)
    expect(await ask(from('127.0.0.1'), link('https://blog.example.com'))).toBe('sent')
  })

  it('refuses the sixth link to one address from one client within the hour, forged X-Forwarded-For or not', async () => {
    for (let i = 1; i <= 5; i++) expect(await ask(from('203.0.113.9', `10.0.0.${i}`))).toBe('sent')
    expect(await ask(from('203.0.113.9', '10.0.0.99'))).toMatch(/Too many sign-in emails/)
    expect(await ask(from('203.0.113.9'))).toMatch(/Too many sign-in emails/)
  })

  it('still lets the owner sign in from elsewhere while someone floods their address', async () => {
    for (let i = 1; i <= 6; i++) await ask(from('203.0.113.9'))
    expect(await ask(from('198.51.100.7'))).toBe('sent')
  })

  it('caps one client across addresses', async () => {
    for (let i = 1; i <= 20; i++)
      expect(await ask(from('203.0.113.9'), undefined, `person${i}@example.com`)).toBe('sent')
    expect(await ask(from('203.0.113.9'), undefined, 'person21@example.com')).toMatch(/Too many sign-in emails/)
  })
})
