import { PostgresAdapter } from 'kysely'
import { describe, expect, it } from 'vitest'
import { recordCacheTagEvents } from '@/db/queries/cache-tags'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { createEventReader } from './event-reader.mjs'
import { sharedCacheTags } from './shared-tags'

// Each instance reads the shared invalidation log; none may be missed, even one that commits after a
// later one was read (PostgreSQL hands out ids at insert, not at commit).

describe.each(await testDialects())('reading shared cache invalidations on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('applies each new event once, in order, and nothing from before it started', async () => {
    const db = database()
    const applied: string[] = []
    await recordCacheTagEvents(db, ['before-start'], null, new Date())
    const read = createEventReader(sharedCacheTags(db), (e) => void applied.push(e.tag))
    await read()
    await recordCacheTagEvents(db, ['post:a', 'posts'], null, new Date())
    await read()
    await read()
    await recordCacheTagEvents(db, ['settings'], 300, new Date())
    await read()
    expect(applied).toEqual(['post:a', 'posts', 'settings'])
  })

  it.runIf(dialect.name !== 'sqlite')('applies an event that commits after a later one was already read', async () => {
    const db = database()
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
    const applied: string[] = []
    const read = createEventReader(sharedCacheTags(db), (e) => void applied.push(e.tag))
    await read()
    await db.transaction().execute(async (trx) => {
      await recordCacheTagEvents(trx, ['post:late'], null, new Date()) // takes its id first…
      await recordCacheTagEvents(db, ['post:early'], null, new Date()) // …this one commits first
      await read()
      expect(applied).toEqual(['post:early'])
    })
    await read()
    expect(applied).toEqual(['post:early', 'post:late'])
    await read()
    expect(applied).toEqual(['post:early', 'post:late'])
  })
})
