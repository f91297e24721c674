import { describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { formFailure, idle } from '@/lib/forms/state'
import { insertPerson } from '@/lib/testing/people'
import { keepForm, loadKeptForm } from '@/lib/forms/kept'

// A refused form sent without JavaScript is kept for the page the browser goes back to.

describe.each(await testDialects())('forms kept for a plain HTML post, on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  const refused = formFailure(idle, {
    message: 'Nothing was saved: fix the fields marked below.',
    fieldErrors: { postsPerPage: 'Posts per page must be at least 1.' },
    values: { postsPerPage: '0', tagline: 'Typed — “kept” ✓' },
  })

  it('comes back, as it was, to its sender only, for a day', async () => {
    const db = database()
    const [owner, other] = [await insertPerson(db, 'admin', 'owner'), await insertPerson(db, 'admin', 'other')]
    const now = new Date('2026-12-02T09:00:00Z')
    const address = await keepForm(
      '/admin/settings?tab=1',
      refused,
      { userId: owner.id, client: '198.51.100.1' },
      now,
      db,
    )
    const id = new URL(address, 'http://x').searchParams.get('form')
    expect(address).toBe(`/admin/settings?tab=1&form=${id}`)
    expect(await loadKeptForm(owner.id, id, now, db)).toEqual(refused)
    expect(await loadKeptForm(other.id, id, now, db)).toBeUndefined()
    expect(await loadKeptForm(null, id, now, db)).toBeUndefined()
    expect(await loadKeptForm(owner.id, id, new Date(now.getTime() + 86_400_001), db)).toBeUndefined()
    for (const forged of [undefined, ['a'], 'short', `${id}'--`, 'x'.repeat(41)])
      expect(await loadKeptForm(owner.id, forged, now, db)).toBeUndefined()
  })

  it('a form sent by someone signed out meanwhile comes back to whoever holds its address', async () => {
    const db = database()
    const someone = await insertPerson(db, 'editor')
    const now = new Date()
    const id = new URL(
      await keepForm('/admin/posts/new', refused, { userId: null, client: '198.51.100.1' }, now, db),
      'http://x',
    ).searchParams.get('form')
    expect(await loadKeptForm(null, id, now, db)).toEqual(refused)
    expect(await loadKeptForm(someone.id, id, now, db)).toEqual(refused)
  })

  it('forgets forms over a day old when the next one is kept', async () => {
    const db = database()
    const then = new Date('2026-12-01T08:00:00Z')
    await keepForm('/admin/settings', refused, { userId: null, client: '198.51.100.1' }, then, db)
    await keepForm(
      '/admin/settings',
      refused,
      { userId: null, client: '198.51.100.1' },
      new Date(then.getTime() + 86_400_001),
      db,
    )
    expect((await db.selectFrom('keptForm').select('createdAt').execute()).length).toBe(1)
  })

  it('keeps a stranger’s form bounded, and only so many from one client', async () => {
    const db = database()
    const now = new Date('2026-12-02T09:00:00Z')
    const huge = formFailure(idle, {
      message: 'Too long.',
      values: {
        body: 'x'.repeat(1_000_000),
        ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, 'v'])),
      },
    })
    const address = await keepForm('/posts/p/reply', huge, { userId: null, client: '2001:db8:7:7::1' }, now, db)
    const kept = await loadKeptForm(null, new URL(address, 'http://x').searchParams.get('form'), now, db)
    if (kept?.status !== 'error') throw new Error('not kept')
    expect(kept.values.body).toHaveLength(20_000)
    expect(Object.keys(kept.values)).toHaveLength(20)
    // The same /64, form after form: past 30 in ten minutes nothing more is kept, and the page is shown afresh.
    const addresses = []
    for (let i = 2; i <= 31; i++)
      addresses.push(await keepForm('/posts/p/reply', refused, { userId: null, client: `2001:db8:7:7::${i}` }, now, db))
    expect(addresses.at(-1)).toBe('/posts/p/reply')
    expect(await db.selectFrom('keptForm').select('id').execute()).toHaveLength(30)
  })
})
