import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatabaseConfigError, readDatabaseConfig } from './config'

describe('readDatabaseConfig', () => {
  it('defaults to SQLite in ./data/plateau.db', () => {
    expect(readDatabaseConfig(undefined)).toEqual({ kind: 'sqlite', file: path.resolve('data/plateau.db') })
    expect(readDatabaseConfig('  ')).toEqual({ kind: 'sqlite', file: path.resolve('data/plateau.db') })
  })

  it('takes a file path or file: URL as SQLite', () => {
    expect(readDatabaseConfig('/tmp/blog.db')).toEqual({ kind: 'sqlite', file: '/tmp/blog.db' })
    expect(readDatabaseConfig('file:./x/blog.db')).toEqual({ kind: 'sqlite', file: path.resolve('x/blog.db') })
    expect(readDatabaseConfig('sqlite:/var/blog.db')).toEqual({ kind: 'sqlite', file: '/var/blog.db' })
  })

  it('takes postgres:// URLs as PostgreSQL', () => {
    expect(readDatabaseConfig('postgres://u:p@db.internal:5433/blog')).toMatchObject({
      kind: 'postgres',
      host: 'db.internal:5433',
      database: 'blog',
    })
    expect(readDatabaseConfig('postgresql://localhost/blog')).toMatchObject({ kind: 'postgres', database: 'blog' })
  })

  it('explains malformed and unsupported URLs in one sentence', () => {
    expect(() => readDatabaseConfig('mysql://localhost/blog')).toThrow(DatabaseConfigError)
    expect(() => readDatabaseConfig('mysql://localhost/blog')).toThrow(/"mysql:", which Plateau does not support/)
    expect(() => readDatabaseConfig('postgres://')).toThrow(
      /not a valid PostgreSQL URL|needs a host and a database name/,
    )
    expect(() => readDatabaseConfig('postgres://localhost')).toThrow(/needs a host and a database name/)
    expect(() => readDatabaseConfig('postgres://local host:x/db')).toThrow(/not a valid PostgreSQL URL/)
  })
})
