import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { databaseLostSince, noteDatabaseAnswered } from './availability'
import { connect } from './connect'
import { DEFAULT_TEST_DATABASE_URL, postgresAnswers } from './test-databases'
import { startTcpForwarder, type TcpForwarder } from './testing/tcp-forwarder'

// A PostgreSQL server that goes away while the blog runs, and comes back. Needs the real server
// (PGlite runs in this process and cannot go away).
const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
const server = new URL(url)

describe.runIf(await postgresAnswers(url))('a PostgreSQL server that goes away', () => {
  let forwarder: TcpForwarder
  let schema: string
  let admin: pg.Client

  beforeEach(async () => {
    noteDatabaseAnswered()
    forwarder = await startTcpForwarder({ host: server.hostname, port: Number(server.port || 5432) })
    schema = `test_${randomBytes(6).toString('hex')}`
    admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.query(`create table ${schema}.note (text text not null)`)
  })
  afterEach(async () => {
    await forwarder.stop()
    await admin.query(`drop schema ${schema} cascade`)
    await admin.end()
  })

  const open = () => {
    const via = Object.assign(new URL(url), { port: String(forwarder.port), hostname: '127.0.0.1' }).toString()
    return connect({ kind: 'postgres', url: via, host: '127.0.0.1', database: '' }, { searchPath: schema })
  }

  it('is noted as lost when its connections drop, and as back once a connection succeeds', async () => {
    const db = open()
    await sql`select 1`.execute(db)
    expect(databaseLostSince()).toBeNull()

    await forwarder.close()
    await expect(sql`select 1`.execute(db)).rejects.toThrow()
    expect(databaseLostSince()).toEqual(expect.any(Number))

    await forwarder.open()
    await sql`select 1`.execute(db)
    expect(databaseLostSince()).toBeNull()
    await db.destroy()
  })

  it('keeps nothing of a transaction cut off before its commit', async () => {
    const db = open()
    const cut = db.transaction().execute(async (trx) => {
      await sql`insert into note (text) values ('half-written')`.execute(trx)
      await forwarder.close()
      await sql`insert into note (text) values ('never reached')`.execute(trx)
    })
    await expect(cut).rejects.toThrow()
    const { rows } = await admin.query(`select count(*)::int as n from ${schema}.note`)
    expect(rows[0].n).toBe(0)
    await db.destroy().catch(() => {})
  })
})
