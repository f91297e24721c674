import { afterEach, describe, expect, it } from 'vitest'
import { findUserById } from '@/db/queries/users'
import { readSettings, writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { insertPerson } from '@/lib/testing/people'
import { configuredOrigin, loadPublicOrigin } from '@/lib/public-address'
import { claimOwnership, issueOwnerSetupPath } from './owner'

const tokenOf = (path: string | null) => path!.split('/').pop()!
const address = 'https://blog.example.com'

describe.each(await testDialects())('the owner setup link on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  afterEach(() => {
    delete process.env.AUTH_URL
  })

  it('makes its user an admin once and stores the public address they confirm', async () => {
    const db = database()
    const first = await insertPerson(db, 'commenter', 'First')
    const token = tokenOf(await issueOwnerSetupPath({}, db))
    expect(await claimOwnership(first, { token: 'wrong', address }, db)).toMatchObject({ ok: false })
    expect(await claimOwnership(null, { token, address }, db)).toMatchObject({ ok: false })
    expect(await claimOwnership(first, { token, address: 'not an address' }, db)).toMatchObject({
      ok: false,
      field: 'address',
    })
    expect(await claimOwnership(first, { token, address: 'https://blog.example.com/some/page' }, db)).toEqual({
      ok: true,
    })
    expect((await findUserById(db, first.id))?.role).toBe('admin')
    expect(await claimOwnership(await insertPerson(db, 'commenter', 'Second'), { token, address }, db)).toMatchObject({
      ok: false,
    })
    expect(await issueOwnerSetupPath({}, db)).toBeNull()

    delete process.env.AUTH_URL
    expect(configuredOrigin()).toBeNull()
    expect(await loadPublicOrigin(db)).toBe('https://blog.example.com')
    expect(process.env.AUTH_URL).toBe('https://blog.example.com')
  })

  it('expires after seven days', async () => {
    const db = database()
    const person = await insertPerson(db, 'commenter', 'Late')
    const issued = new Date('2026-12-01T00:00:00Z')
    const token = tokenOf(await issueOwnerSetupPath({ now: issued }, db))
    expect(await claimOwnership(person, { token, address, now: new Date('2026-12-08T00:00:01Z') }, db)).toMatchObject({
      ok: false,
    })
    expect((await findUserById(db, person.id))?.role).toBe('commenter')
    expect(await claimOwnership(person, { token, address, now: new Date('2026-12-07T23:59:00Z') }, db)).toEqual({
      ok: true,
    })
  })

  it('dies once an admin exists by other means', async () => {
    const db = database()
    const token = tokenOf(await issueOwnerSetupPath({}, db))
    await insertPerson(db, 'admin', 'Listed')
    const person = await insertPerson(db, 'commenter', 'Latecomer')
    expect(await claimOwnership(person, { token, address }, db)).toMatchObject({ ok: false })
    expect((await findUserById(db, person.id))?.role).toBe('commenter')
    expect(await issueOwnerSetupPath({}, db)).toBeNull()
  })

  it('lets exactly one of two racing claims win', async () => {
    const db = database()
    const token = tokenOf(await issueOwnerSetupPath({}, db))
    const [a, b] = [await insertPerson(db, 'commenter', 'Ann'), await insertPerson(db, 'commenter', 'Bob')]
    const results = await Promise.all([
      claimOwnership(a, { token, address }, db),
      claimOwnership(b, { token, address }, db),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const roles = [(await findUserById(db, a.id))?.role, (await findUserById(db, b.id))?.role]
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1)
  })

  it('works from every instance that printed a link, until one of them is used', async () => {
    const db = database()
    // Two instances start on a blog without an owner, each printing its own link; a restart a third.
    const [first, second, third] = [
      tokenOf(await issueOwnerSetupPath({}, db)),
      tokenOf(await issueOwnerSetupPath({}, db)),
      tokenOf(await issueOwnerSetupPath({}, db)),
    ]
    const owner = await insertPerson(db, 'commenter', 'Owner')
    expect(await claimOwnership(owner, { token: first, address }, db)).toEqual({ ok: true })
    const other = await insertPerson(db, 'commenter', 'Other')
    for (const token of [second, third])
      expect(await claimOwnership(other, { token, address }, db)).toMatchObject({ ok: false })
    expect((await findUserById(db, other.id))?.role).toBe('commenter')
  })

  it('lets exactly one of two claims racing with different links win', async () => {
    const db = database()
    const [one, two] = [tokenOf(await issueOwnerSetupPath({}, db)), tokenOf(await issueOwnerSetupPath({}, db))]
    const [a, b] = [await insertPerson(db, 'commenter', 'Ada'), await insertPerson(db, 'commenter', 'Ben')]
    const results = await Promise.all([
      claimOwnership(a, { token: one, address }, db),
      claimOwnership(b, { token: two, address }, db),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const roles = [(await findUserById(db, a.id))?.role, (await findUserById(db, b.id))?.role]
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1)
  })

  it('still takes a link printed before each link had a setting of its own, and forgets expired ones', async () => {
    const db = database()
    const token = 'printed-by-the-previous-version-of-plateau'
    const { createHash } = await import('node:crypto')
    await writeSetting(db, 'owner.setupTokenHash', {
      hash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    const old = new Date(Date.now() - 8 * 86_400_000)
    const expired = tokenOf(await issueOwnerSetupPath({ now: old }, db))
    await issueOwnerSetupPath({}, db)
    expect(Object.keys(await readSettings(db)).filter((key) => key.startsWith('owner.setupToken'))).toHaveLength(2)
    const person = await insertPerson(db, 'commenter', 'Upgraded')
    expect(await claimOwnership(person, { token: expired, address }, db)).toMatchObject({ ok: false })
    expect(await claimOwnership(person, { token, address }, db)).toEqual({ ok: true })
    expect(Object.keys(await readSettings(db)).filter((key) => key.startsWith('owner.setupToken'))).toHaveLength(0)
  })
})
