import { afterEach, describe, expect, it } from 'vitest'
import {
  contentSecurityPolicy,
  hasOverlongSegment,
  isPerRequestPath,
  isWellEncodedPath,
  securityHeaders,
} from './security-headers'

afterEach(() => {
  delete process.env.AUTH_URL
})

describe('security headers', () => {
  it('give per-request pages a nonce policy without unsafe-inline, and cached pages one without a nonce', () => {
    const strict = contentSecurityPolicy('abc', {})
    expect(strict).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'")
    expect(strict.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline')
    for (const policy of [strict, contentSecurityPolicy(null, {})]) {
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"])
        expect(policy).toContain(directive)
    }
    expect(isPerRequestPath('/admin/people')).toBe(true)
    expect(isPerRequestPath('/signin')).toBe(true)
    expect(isPerRequestPath('/profile')).toBe(true)
    expect(isPerRequestPath('/posts/admin')).toBe(false)
    expect(isPerRequestPath('/administrator')).toBe(false)
  })

  it('let forms lead to the configured sign-in provider', () => {
    expect(contentSecurityPolicy(null, { OIDC_ISSUER: 'https://id.example.com/realms/blog' })).toContain(
      "form-action 'self' https://id.example.com",
    )
  })

  it('add HSTS only when the public address is https', () => {
    expect(securityHeaders()['Strict-Transport-Security']).toBeUndefined()
    process.env.AUTH_URL = 'https://blog.example.com'
    expect(securityHeaders()).toMatchObject({
      'Strict-Transport-Security': 'max-age=31536000',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    })
  })

  it('tell malformed and over-long addresses apart', () => {
    for (const bad of ['/%', '/%ff', '/%c0%ae', '/posts/abc%', '/tags/%E0%A4'])
      expect(isWellEncodedPath(bad), bad).toBe(false)
    for (const good of ['/', '/posts/caf%C3%A9', '/tags/%E0%A4%B9']) expect(isWellEncodedPath(good), good).toBe(true)
    expect(hasOverlongSegment(`/posts/${'a'.repeat(5000)}`)).toBe(true)
    expect(hasOverlongSegment('/posts/a-normal-slug')).toBe(false)
  })
})
