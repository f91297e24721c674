import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readOutcome, withOutcome } from '@/lib/forms/outcome'

const query = (address: string) => Object.fromEntries(new URL(address, 'http://localhost').searchParams)

describe('the outcome an admin button sends back in the address', () => {
  beforeEach(() => {
    vi.stubEnv('AUTH_SECRET', 'a secret for signing admin outcomes')
  })

  it('is read back as the blog wrote it, with the page’s own query kept and an earlier outcome dropped', () => {
    const address = withOutcome(
      '/admin/comments?status=spam&error=Old%20words&sig=old',
      'notice',
      '3 comments updated.',
    )
    expect(query(address).status).toBe('spam')
    expect(query(address).error).toBeUndefined()
    expect(readOutcome(query(address))).toEqual({ kind: 'notice', message: '3 comments updated.' })
  })

  it('is not shown when its words, its kind or its signature were changed, or it has none', () => {
    const signed = query(withOutcome('/admin/people', 'error', 'You cannot change your own role.'))
    expect(readOutcome({ ...signed, error: 'Your session expired: sign in at https://evil.example' })).toBeNull()
    expect(readOutcome({ notice: signed.error, sig: signed.sig })).toBeNull()
    expect(readOutcome({ ...signed, sig: signed.sig.slice(1) })).toBeNull()
    expect(readOutcome({ error: signed.error })).toBeNull()
    expect(readOutcome({ ...signed, sig: [signed.sig, signed.sig] })).toBeNull()
  })
})
