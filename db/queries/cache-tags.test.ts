import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '../test-databases'
import type { Database } from '../types'
import { lastCacheTagEventId, listCacheTagEventsAfter, recordCacheTagEvents } from './cache-tags'

describe.each(await testDialects())('shared cache invalidations on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  beforeEach(() => {
    db = database()
  })

  it('hands every instance the tags invalidated since it last looked, in order, and forgets old ones', async () => {
    expect(await lastCacheTagEventId(db)).toBe(0)
    const now = new Date('2026-11-27T12:00:00Z')
    await recordCacheTagEvents(db, ['posts', 'post:hello'], null, new Date(now.getTime() - 2 * 86_400_000))
    await recordCacheTagEvents(db, ['settings'], null, now)
    const start = await lastCacheTagEventId(db)
    await recordCacheTagEvents(db, ['post:hello', 'posts'], 300, now)
    const events = await listCacheTagEventsAfter(db, start, 10)
    expect(events.map((e) => [e.tag, e.expireSeconds])).toEqual([
      ['post:hello', 300],
      ['posts', 300],
    ])
    expect(events[0].id).toBeGreaterThan(start)
    expect(await listCacheTagEventsAfter(db, events[1].id, 10)).toEqual([])
    // Events over a day old were dropped by the later writes.
    expect((await listCacheTagEventsAfter(db, 0, 10)).map((e) => e.tag)).toEqual(['settings', 'post:hello', 'posts'])
  })
})
