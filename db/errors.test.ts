import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDatabaseConfig } from './config'
import { connect } from './connect'
import { explainDatabaseError } from './errors'
import { prepareDatabase } from './prepare'

// Real failures, not made-up error objects: each is provoked and its explanation checked.
async function failureOf(url: string): Promise<string> {
  const config = readDatabaseConfig(url)
  try {
    const db = connect(config)
    try {
      await prepareDatabase(db)
    } finally {
      await db.destroy()
    }
  } catch (error) {
    return explainDatabaseError(error, config)
  }
  throw new Error('expected a failure')
}

describe('explainDatabaseError', () => {
  it('says PostgreSQL refused the connection and how to fix it', async () => {
    expect(await failureOf('postgres://postgres@127.0.0.1:1/blog')).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1: the connection was refused. Start PostgreSQL, or fix the host and port in DATABASE_URL.',
    )
  })

  it('says when the SQLite folder cannot be created', async () => {
    const file = path.join(os.tmpdir(), `plateau-not-a-folder-${process.pid}`)
    fs.writeFileSync(file, '')
    try {
      expect(await failureOf(path.join(file, 'blog.db'))).toMatch(
        /^Cannot create the SQLite file .*: part of that path is a file, not a folder\./,
      )
    } finally {
      fs.rmSync(file)
    }
  })

  it('says when the file is not a SQLite database', async () => {
    const file = path.join(os.tmpdir(), `plateau-not-a-db-${process.pid}.db`)
    fs.writeFileSync(file, 'this is a text file, not a database '.repeat(200))
    try {
      expect(await failureOf(file)).toMatch(/is not a usable SQLite database/)
    } finally {
      fs.rmSync(file)
    }
  })
})
