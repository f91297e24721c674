import { describe, expect, it } from 'vitest'
import { hitRateLimit } from '@/db/queries/rate-limits'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { allow, allowRead, allowSignInMail, clientKey, LIMITS, pruneRateLimits } from './rate-limits'

describe.each(await testDialects())('rate limits on $name', (dialect) => {
  const t0 = new Date('2026-01-01T00:00:00.000Z')
  const database = useTestDatabase(dialect)

  it('count hits in a window and start again after it', async () => {
    const db = database()
    expect(await hitRateLimit(db, 'k', 60, t0)).toBe(1)
    expect(await hitRateLimit(db, 'k', 60, new Date(t0.getTime() + 30_000))).toBe(2)
    expect(await hitRateLimit(db, 'other', 60, t0)).toBe(1)
    expect(await hitRateLimit(db, 'k', 60, new Date(t0.getTime() + 61_000))).toBe(1)
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
      expect([
        await allow('signInEmailsPerClient', 'c', t0, db),
        await allow('signInEmailsPerClient', 'c', t0, db),
        await allow('signInEmailsPerClient', 'c', t0, db),
      ]).toEqual([true, true, false])
      process.env.SIGN_IN_EMAILS_PER_CLIENT = 'lots'
      for (let i = 0; i < LIMITS.signInEmailsPerClient.max; i++)
        expect(await allow('signInEmailsPerClient', 'd', t0, db)).toBe(true)
      expect(await allow('signInEmailsPerClient', 'd', t0, db)).toBe(false)
    } finally {
      delete process.env.SIGN_IN_EMAILS_PER_CLIENT
    }
  })

  it('count a sign-in mail per address and client, per address from anywhere, and per client', async () => {
    const db = database()
    // One address asked for from many clients: the mailbox gets ten an hour, whoever asks.
    const fromMany = await Promise.all(
      Array.from({ length: 12 }, (_, i) => allowSignInMail('Victim@Example.com', `203.0.113.${i}`, t0, db)),
    )
    expect(fromMany.filter(Boolean)).toHaveLength(LIMITS.signInEmailsPerAddress.max)
    // Rotating through an IPv6 /64 is one client.
    const rotated = []
    for (let i = 0; i < 25; i++)
      rotated.push(await allowSignInMail(`person${i}@example.com`, `2001:db8:1:2:${i.toString(16)}::1`, t0, db))
    expect(rotated.filter(Boolean)).toHaveLength(LIMITS.signInEmailsPerClient.max)
    expect(await allowSignInMail('other@example.com', '2001:db8:1:3::1', t0, db)).toBe(true)
  })

  it('prune counters whose window is long over, and only those', async () => {
    const db = database()
    await allow('commentsPerUser', 'old', t0, db)
    const later = new Date(t0.getTime() + 2 * 3_600_000)
    await allow('commentsPerUser', 'new', later, db)
    expect(await pruneRateLimits(later, db)).toBe(1)
    expect((await db.selectFrom('rateLimit').select('key').execute()).map((r) => r.key)).toEqual([
      'commentsPerUser:new',
    ])
  })
})

describe('clients and read limits', () => {
  it('group IPv6 addresses by their /64 (or RATE_LIMIT_IPV6_PREFIX), IPv4 as it is', () => {
    expect(clientKey('2001:db8:abcd:12:ffff:1:2:3')).toBe('2001:db8:abcd:12::/64')
    expect(clientKey('2001:db8:abcd:12::9')).toBe(clientKey('2001:db8:abcd:12:1:2:3:4'))
    expect(clientKey('2001:db8:abcd:13::9')).not.toBe(clientKey('2001:db8:abcd:12::9'))
    expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7')
    expect(clientKey('198.51.100.7')).toBe('198.51.100.7')
    expect(clientKey('unknown')).toBe('unknown')
    try {
      process.env.RATE_LIMIT_IPV6_PREFIX = '48'
      expect(clientKey('2001:db8:abcd:12::9')).toBe('2001:db8:abcd::/48')
    } finally {
      delete process.env.RATE_LIMIT_IPV6_PREFIX
    }
  })

  it('limit searches per client in memory, a /64 counting as one', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    const answers = Array.from({ length: 31 }, (_, i) => allowRead('searchesPerClient', `2001:db8:5:5::${i + 1}`, now))
    expect(answers.slice(0, 30).every(Boolean)).toBe(true)
    expect(answers[30]).toBe(false)
    expect(allowRead('searchesPerClient', '2001:db8:5:5::1', now + 61_000)).toBe(true)
  })
})
