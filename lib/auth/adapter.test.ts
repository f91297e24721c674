import { describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { blogAdapter } from './adapter'

describe.each(await testDialects())('the sign-in adapter on $name', (dialect) => {
  const db = useTestDatabase(dialect)

  it('stores a session and an account for a new person, each with an id of its own', async () => {
    const adapter = blogAdapter(db())
    const user = await adapter.createUser!({ id: '', email: 'reader@example.com', emailVerified: new Date(), name: null })
    await adapter.linkAccount!({ userId: user.id, type: 'oidc', provider: 'oidc', providerAccountId: 'sub-1' })
    await adapter.createSession!({ sessionToken: 'token-1', userId: user.id, expires: new Date(Date.now() + 60_000) })

    const sessions = await db().selectFrom('Session').select(['id', 'userId']).execute()
    const accounts = await db().selectFrom('Account').select(['id', 'userId']).execute()
    expect(sessions).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), userId: user.id }])
    expect(accounts).toEqual([{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), userId: user.id }])
    expect((await adapter.getSessionAndUser!('token-1'))?.user.email).toBe('reader@example.com')
  })

})
