import { describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { blogAdapter } from './adapter'

describe.each(await testDialects())('the sign-in adapter on $name', (dialect) => {
  const db = useTestDatabase(dialect)

  it('stores a session and an account for a new person, each with an id of its own', async () => {
    const adapter = blogAdapter(db())
    const user = await adapter.createUser!({
      id: '',
      email: 'reader@example.com',
      emailVerified: new Date(),
      name: null,
    })
    await adapter.linkAccount!({ userId: user.id, type: 'oidc', provider: 'oidc', providerAccountId: 'sub-1' })
    await adapter.createSession!({ sessionToken: 'token-1', userId: user.id, expires: new Date(Date.now() + 60_000) })

    const sessions = await db().selectFrom('Session').select(['id', 'userId']).execute()
    const accounts = await db().selectFrom('Account').select(['id', 'userId']).execute()
    expect(sessions).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), userId: user.id }])
    expect(accounts).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), userId: user.id }])
    expect((await adapter.getSessionAndUser!('token-1'))?.user.email).toBe('reader@example.com')
  })

  it('ends a session SESSION_MAX_AGE_DAYS after it began, however recently it was used', async () => {
    let clock = new Date('2026-01-01T00:00:00Z')
    const adapter = blogAdapter(db(), () => clock)
    const user = await adapter.createUser!({ id: '', email: 'long@example.com', emailVerified: new Date(), name: null })
    await adapter.createSession!({
      sessionToken: 'token-2',
      userId: user.id,
      expires: new Date(clock.getTime() + 30 * 86_400_000),
    })
    clock = new Date('2026-01-29T00:00:00Z')
    // Used on day 28, Auth.js slides the expiry forward; it still ends 30 days after sign-in.
    await adapter.updateSession!({ sessionToken: 'token-2', expires: new Date(clock.getTime() + 30 * 86_400_000) })
    expect((await adapter.getSessionAndUser!('token-2'))?.user.email).toBe('long@example.com')
    clock = new Date('2026-01-31T00:00:01Z')
    expect(await adapter.getSessionAndUser!('token-2')).toBeNull()
    expect(await db().selectFrom('Session').select('id').where('sessionToken', '=', 'token-2').execute()).toEqual([])
    try {
      process.env.SESSION_MAX_AGE_DAYS = '90'
      await adapter.createSession!({
        sessionToken: 'token-3',
        userId: user.id,
        expires: new Date(clock.getTime() + 86_400_000),
      })
      clock = new Date(clock.getTime() + 60 * 86_400_000)
      expect((await adapter.getSessionAndUser!('token-3'))?.user.email).toBe('long@example.com')
    } finally {
      delete process.env.SESSION_MAX_AGE_DAYS
    }
  })
})
