import { describe, expect, it } from 'vitest'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { allow } from '@/lib/rate-limits'
import { insertPerson } from '@/lib/testing/people'
import { tidyUp } from '@/lib/operations/housekeeping'

// What a stranger can make the blog keep does not outlive its use: what the database holds after a tidy-up.
describe.each(await testDialects())('housekeeping on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  const T0 = new Date('2026-06-01T12:00:00Z')
  const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000)

  it('forgets spent counters, day-old kept forms, week-old unconfirmed comments and expired sessions', async () => {
    const db = database()
    const person = await insertPerson(db, 'commenter', 'Pat')
    const postId = await insertPost(db, { slug: 'p', title: 'P', body: 'b', status: 'published', publishedAt: T0 })
    await allow('commentsPerUser', 'old', T0, db)
    await db.insertInto('keptForm').values({ id: 'old-form', userId: null, state: '{}', createdAt: T0 }).execute()
    await db
      .insertInto('keptForm')
      .values({ id: 'new-form', userId: null, state: '{}', createdAt: hours(30) })
      .execute()
    await db
      .insertInto('unconfirmedComment')
      .values({ tokenHash: 'h', postId, parentId: null, name: 'n', email: 'e@example.com', body: 'b', createdAt: T0 })
      .execute()
    await db
      .insertInto('Session')
      .values({ id: 's1', userId: person.id, sessionToken: 't1', expires: hours(1), createdAt: T0 })
      .execute()
    await db
      .insertInto('Session')
      .values({ id: 's2', userId: person.id, sessionToken: 't2', expires: hours(24 * 30), createdAt: T0 })
      .execute()

    expect(await tidyUp(hours(31), db)).toBe(3)
    expect((await db.selectFrom('keptForm').select('id').execute()).map((r) => r.id)).toEqual(['new-form'])
    expect(await db.selectFrom('unconfirmedComment').select('tokenHash').execute()).toHaveLength(1)
    expect((await db.selectFrom('Session').select('id').execute()).map((r) => r.id)).toEqual(['s2'])
    expect(await tidyUp(hours(24 * 8), db)).toBe(2)
    expect(await db.selectFrom('unconfirmedComment').select('tokenHash').execute()).toEqual([])
  })
})
