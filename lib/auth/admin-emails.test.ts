import { describe, expect, it } from 'vitest'
import { adminEmails, emailIsVerified } from './admin-emails'

describe('ADMIN_EMAILS', () => {
  it('lists addresses, trimmed and lower-cased', () => {
    expect(
      adminEmails({ ADMIN_EMAILS: ' Owner@Example.com, ,ed@example.com' } as unknown as NodeJS.ProcessEnv),
    ).toEqual(['owner@example.com', 'ed@example.com'])
  })

  it('counts only sign-ins that prove the address: an emailed link, or a provider asserting email_verified', () => {
    expect(emailIsVerified({ type: 'email' }, undefined)).toBe(true)
    expect(emailIsVerified({ type: 'oidc' }, { email_verified: true })).toBe(true)
    expect(emailIsVerified({ type: 'oidc' }, { email_verified: 'true' })).toBe(true)
    expect(emailIsVerified({ type: 'oidc' }, { email_verified: false })).toBe(false)
    expect(emailIsVerified({ type: 'oidc' }, {})).toBe(false)
    expect(emailIsVerified({ type: 'oauth' }, undefined)).toBe(false)
    expect(emailIsVerified(null, null)).toBe(false)
  })
})
