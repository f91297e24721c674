import { describe, expect, it } from 'vitest'
import { connect } from '@/db/connect'
import { migrateDown } from '@/db/migrate'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { checkReadiness } from '@/lib/operations/health'

describe.each(await testDialects())('readiness on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('is ready with every migration applied, and says why not otherwise', async () => {
    expect(await checkReadiness(database())).toEqual({ ready: true })
    await migrateDown(database())
    expect(await checkReadiness(database())).toEqual({ ready: false, reason: '1 migration(s) not applied yet.' })
  })
})

describe('readiness without a database', () => {
  it('says so when PostgreSQL does not answer', async () => {
    const db = connect({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/gone',
      host: '127.0.0.1:1',
      database: 'gone',
    })
    expect(await checkReadiness(db)).toEqual({ ready: false, reason: 'The database does not answer.' })
    await db.destroy()
  })
})
