import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, type LogConfig } from 'kysely'
import pg from 'pg'
import { isConnectionLoss, noteDatabaseAnswered, noteDatabaseLost } from './availability'
import type { DatabaseConfig } from './config'
import { PlateauSqliteDialect, SqliteValuesPlugin } from './sqlite-values'
import type { Database } from './types'

export interface ConnectOptions {
  /** Kysely's log hook; tests use it to count queries. */
  log?: LogConfig
  /** PostgreSQL only: run every query inside this schema (tests isolate themselves this way). */
  searchPath?: string
}

/** Opens the database the configuration names. The SQLite file and its folder are created if missing. */
export function connect(config: DatabaseConfig, options: ConnectOptions = {}): Kysely<Database> {
  if (config.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true })
    const sqlite = new SQLite(config.file)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    // Behave as PostgreSQL does: LIKE tells case apart, and lower()/upper() know every alphabet, not
    // only ASCII (searches lower both sides, so "Élan" is found as "élan" on both databases).
    sqlite.pragma('case_sensitive_like = ON')
    sqlite.function('lower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    )
    sqlite.function('upper', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toUpperCase() : value,
    )
    return new Kysely<Database>({
      dialect: new PlateauSqliteDialect({ database: sqlite }),
      plugins: [new SqliteValuesPlugin()],
      log: options.log,
    })
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 10_000,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  })
  // A connection that drops while idle is reported here (unheard, it would end the process).
  pool.on('error', (error) => {
    if (isConnectionLoss(error)) noteDatabaseLost(error)
  })
  // Every connection the blog takes says whether the server answers (db/availability.ts). A client
  // whose server goes away during a query emits an error besides failing that query: it is heard
  // here, or it would end the process (the pool only listens to the clients it holds idle).
  const heard = new WeakSet<pg.PoolClient>()
  const watched = {
    async connect() {
      try {
        const client = await pool.connect()
        if (!heard.has(client)) {
          heard.add(client)
          client.on('error', (error) => {
            if (isConnectionLoss(error)) noteDatabaseLost(error)
          })
        }
        noteDatabaseAnswered()
        return client
      } catch (error) {
        if (isConnectionLoss(error)) noteDatabaseLost(error)
        throw error
      }
    },
    end: () => pool.end(),
    options: pool.options,
  }
  const log: LogConfig = (event) => {
    if (event.level === 'error' && isConnectionLoss(event.error)) noteDatabaseLost(event.error)
    if (typeof options.log === 'function') options.log(event)
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: watched }), log })
}
