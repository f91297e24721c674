import path from 'node:path'

export type DatabaseConfig =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; host: string; database: string }

export const DEFAULT_SQLITE_FILE = path.join('data', 'plateau.db')

/** A configuration mistake the person running the blog can fix; the message says how. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError'
}

/**
 * Reads DATABASE_URL: unset or empty → SQLite at ./data/plateau.db; a file path or `file:`/`sqlite:`
 * URL → SQLite at that path; `postgres://` or `postgresql://` → PostgreSQL.
 */
export function readDatabaseConfig(value: string | undefined = process.env.DATABASE_URL): DatabaseConfig {
  const raw = value?.trim() ?? ''
  if (raw === '') return { kind: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ DEFAULT_SQLITE_FILE) }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase()
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      throw new DatabaseConfigError(
        'DATABASE_URL is not a valid PostgreSQL URL; write it as postgres://user:password@host:5432/database (percent-encode special characters in the password).',
      )
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''))
    if (!url.hostname || !database) {
      throw new DatabaseConfigError(
        'DATABASE_URL needs a host and a database name, like postgres://user:password@host:5432/database.',
      )
    }
    return { kind: 'postgres', url: raw, host: url.port ? `${url.hostname}:${url.port}` : url.hostname, database }
  }
  if (scheme === 'file' || scheme === 'sqlite') {
    const file = raw.slice(scheme.length + 1).replace(/^\/\/(?=\/)/, '')
    if (!file) throw new DatabaseConfigError(`DATABASE_URL "${raw}" names no file; write it as file:./data/plateau.db.`)
    return { kind: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ file) }
  }
  // One-letter "schemes" are Windows drive letters, so those are paths too.
  if (scheme && scheme.length > 1) {
    throw new DatabaseConfigError(
      `DATABASE_URL uses "${scheme}:", which Plateau does not support; use postgres://user:password@host:5432/database for PostgreSQL, or leave it unset for the built-in SQLite file.`,
    )
  }
  return { kind: 'sqlite', file: path.resolve(/*turbopackIgnore: true*/ raw) }
}
