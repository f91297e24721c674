import { describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '../test-databases'
import { POST_KINDS, POST_STATUSES } from '../types'
import { insertPost } from './posts'
import { isLive, isPublic, isPublicNow } from './visibility'

describe.each(await testDialects())('who may see a post, on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('SQL and a row already read give the same answer for every kind, status and time', async () => {
    const db = database()
    const now = new Date('2026-12-02T09:00:00Z')
    const times = { past: new Date(now.getTime() - 60_000), now, future: new Date(now.getTime() + 60_000), none: null }
    const rows: { id: number; kind: (typeof POST_KINDS)[number]; status: (typeof POST_STATUSES)[number]; publishedAt: Date | null }[] = []
    for (const kind of POST_KINDS)
      for (const status of POST_STATUSES)
        for (const [when, publishedAt] of Object.entries(times)) {
          const id = await insertPost({ kind, slug: `${kind}-${status}-${when}`, title: 't', body: 'b', status, publishedAt }, db)
          rows.push({ id, kind, status, publishedAt })
        }
    const publicIds = (await db.selectFrom('post').select('id').where((eb) => isPublic(eb, now)).execute()).map((r) => r.id).sort((a, b) => a - b)
    const liveIds = (await db.selectFrom('post').select('id').where((eb) => isLive(eb, now)).execute()).map((r) => r.id).sort((a, b) => a - b)
    expect(publicIds).toEqual(rows.filter((r) => isPublicNow(r, now)).map((r) => r.id))
    expect(liveIds).toEqual(rows.filter((r) => r.kind === 'post' && isPublicNow(r, now)).map((r) => r.id))
    // What that means: published at any time, or scheduled up to now; never a draft; pages never live.
    const named = (ids: number[]) => rows.filter((r) => ids.includes(r.id)).map((r) => `${r.kind} ${r.status} ${Object.entries(times).find(([, t]) => t === r.publishedAt)![0]}`)
    expect(named(liveIds)).toEqual(['post scheduled past', 'post scheduled now', 'post published past', 'post published now', 'post published future', 'post published none'])
  })
})
