import type { DatabaseConfig } from './config'
import { DatabaseConfigError } from './config'

function describe(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `the SQLite file ${config.file}` : `PostgreSQL at ${config.host}`
}

/**
 * Turns a failure to open or migrate the database into one sentence saying what is wrong and how to
 * fix it, for the server log and the command line. Unknown errors keep their own message.
 */
export function explainDatabaseError(error: unknown, config: DatabaseConfig | undefined): string {
  if (error instanceof DatabaseConfigError) return error.message
  // Drivers' codes may sit on a wrapped cause (a MigrationError wrapping a refused connection).
  let e = error as { code?: string; message?: string; cause?: unknown } | undefined
  for (let inner = e; inner && typeof inner === 'object'; inner = inner.cause as typeof e) {
    if (typeof inner.code === 'string') {
      e = inner
      break
    }
  }
  const code = e?.code ?? ''
  const where = config ? describe(config) : 'the database'

  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
      return `Cannot write ${where}: permission denied. Make its folder writable by this user, or set DATABASE_URL to a file in a writable folder.`
    case 'ENOTDIR':
    case 'EEXIST':
      return `Cannot create ${where}: part of that path is a file, not a folder. Set DATABASE_URL to a path inside a folder.`
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${where} is not a usable SQLite database (it may be another kind of file or damaged). Point DATABASE_URL at another file, or move this one away.`
    case 'ECONNREFUSED':
      return `Cannot reach ${where}: the connection was refused. Start PostgreSQL, or fix the host and port in DATABASE_URL.`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach ${where}: that host name does not resolve. Fix the host in DATABASE_URL.`
    case 'ETIMEDOUT':
      return `Cannot reach ${where}: the connection timed out. Check that PostgreSQL is running and reachable, and the host and port in DATABASE_URL.`
    case '28P01':
    case '28000':
      return `${where} refused the user name or password in DATABASE_URL. Fix the credentials.`
    case '3D000':
      return `${where} has no database named ${config?.kind === 'postgres' ? `"${config.database}"` : 'as given'}. Create it (createdb) or fix the name in DATABASE_URL.`
  }
  if (/timeout exceeded when trying to connect/i.test(e?.message ?? '')) {
    return `Cannot reach ${where}: the connection timed out. Check that PostgreSQL is running and reachable, and the host and port in DATABASE_URL.`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `The database failed to start (${where}): ${message}`
}
