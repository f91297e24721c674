import { describe, expect, it } from 'vitest'
import { hitRateLimit } from '@/db/queries/rate-limits'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { allow, LIMITS } from './rate-limits'

describe.each(await testDialects())('rate limits on $name', (dialect) => {
  const t0 = new Date('2026-01-01T00:00:00.000Z')
  const database = useTestDatabase(dialect)

  it('count hits in a window and start again after it', async () => {
    const db = database()
    expect(await hitRateLimit('k', 60, t0, db)).toBe(1)
    expect(await hitRateLimit('k', 60, new Date(t0.getTime() + 30_000), db)).toBe(2)
    expect(await hitRateLimit('other', 60, t0, db)).toBe(1)
    expect(await hitRateLimit('k', 60, new Date(t0.getTime() + 61_000), db)).toBe(1)
  })

  it('allow comments per user up to the limit, then refuse, per key', async () => {
    const db = database()
    const { max } = LIMITS.commentsPerUser
    for (let i = 0; i < max; i++) expect(await allow('commentsPerUser', 'u1', t0, db)).toBe(true)
    expect(await allow('commentsPerUser', 'u1', t0, db)).toBe(false)
    expect(await allow('commentsPerUser', 'u2', t0, db)).toBe(true)
    expect(await allow('signInEmailsPerAddressAndClient', 'u1', t0, db)).toBe(true)
  })

  it('take SIGN_IN_EMAILS_PER_CLIENT over the default, and ignore nonsense', async () => {
    const db = database()
    try {
      process.env.SIGN_IN_EMAILS_PER_CLIENT = '2'
      expect([await allow('signInEmailsPerClient', 'c', t0, db), await allow('signInEmailsPerClient', 'c', t0, db), await allow('signInEmailsPerClient', 'c', t0, db)]).toEqual([true, true, false])
      process.env.SIGN_IN_EMAILS_PER_CLIENT = 'lots'
      for (let i = 0; i < LIMITS.signInEmailsPerClient.max; i++) expect(await allow('signInEmailsPerClient', 'd', t0, db)).toBe(true)
      expect(await allow('signInEmailsPerClient', 'd', t0, db)).toBe(false)
    } finally {
      delete process.env.SIGN_IN_EMAILS_PER_CLIENT
    }
  })
})

