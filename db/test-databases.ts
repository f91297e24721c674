import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, type LogConfig } from 'kysely'
import pg from 'pg'
import { afterEach, beforeEach } from 'vitest'
import { connect } from './connect'
import { migrateToLatest } from './migrate'
import { prepareDatabase } from './prepare'
import type { Database } from './types'

/*
 * The databases the data-layer contract suite runs against, for tests only: SQLite in a temporary
 * file, and PostgreSQL — the real server at TEST_DATABASE_URL when one answers, otherwise PGlite in
 * this process — each test database in a schema of its own, so suites never see each other's rows.
 */

export interface TestDatabase {
  db: Kysely<Database>
  close(): Promise<void>
}

export interface TestDialect {
  name: string
  open(options?: { log?: LogConfig }): Promise<TestDatabase>
}

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test'

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async open(options = {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-test-'))
    const db = connect({ kind: 'sqlite', file: path.join(dir, 'blog.db') }, options)
    return {
      db,
      async close() {
        await db.destroy()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}

function postgresServer(url: string): TestDialect {
  const host = new URL(url).host
  return {
    name: `postgres (${host})`,
    async open(options = {}) {
      const schema = `test_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      const db = connect({ kind: 'postgres', url, host, database: '' }, { ...options, searchPath: schema })
      return {
        db,
        async close() {
          await db.destroy()
          await admin.query(`drop schema ${schema} cascade`)
          await admin.end()
        },
      }
    },
  }
}

const pglite: TestDialect = {
  name: 'postgres (PGlite)',
  async open(options = {}) {
    const instance = new PGlite()
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance }), log: options.log })
    return {
      db,
      async close() {
        await db.destroy()
      },
    }
  },
}

/** SQLite, and PostgreSQL (the real server if it answers, else PGlite). */
export async function testDialects(): Promise<TestDialect[]> {
  const url = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL
  return [sqlite, (await postgresAnswers(url)) ? postgresServer(url) : pglite]
}

/**
 * In a describe block: a fresh database of this dialect for each test, migrated (or also seeded with
 * the demo, `prepared`), closed afterwards. Returns a getter for the current test's database.
 */
export function useTestDatabase(
  dialect: TestDialect,
  setup: 'migrated' | 'prepared' = 'migrated',
): () => Kysely<Database> {
  let current: TestDatabase | undefined
  beforeEach(async () => {
    current = await dialect.open()
    if (setup === 'prepared') await prepareDatabase(current.db)
    else await migrateToLatest(current.db)
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  return () => {
    if (!current) throw new Error('useTestDatabase: no database outside a test')
    return current.db
  }
}
