/*
 * Whether this process's database answers, as its connections last saw it. A PostgreSQL server can
 * go away while the blog runs (a restart, a failover, the network); the pool notes it here the moment
 * a connection drops or cannot be made, and a successful connection clears it again. lib/availability
 * turns it into a 503 page for readers and probes for the way back. (SQLite never goes away.)
 */

interface State {
  downSince: number | null
  reason: string
}

// On globalThis: Next bundles the proxy and the server into separate chunks of one process.
const holder = globalThis as typeof globalThis & { __plateauDatabaseState?: State }
const state = (): State => (holder.__plateauDatabaseState ??= { downSince: null, reason: '' })

const LOST_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, and the connection exception class.
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])

/** Whether `error` says the database cannot be reached (rather than that a query was wrong). */
export function isConnectionLoss(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && LOST_CONNECTION_CODES.has(e.code)) return true
    if (
      typeof e.message === 'string' &&
      /connection terminated|timeout exceeded when trying to connect|Connection ended unexpectedly|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true
  }
  return false
}

export function noteDatabaseLost(error: unknown): void {
  const s = state()
  s.downSince ??= Date.now()
  s.reason = error instanceof Error ? error.message : String(error)
}

export function noteDatabaseAnswered(): void {
  state().downSince = null
}

/** When the database stopped answering (ms since the epoch), or null while it answers. */
export function databaseLostSince(): number | null {
  return state().downSince
}
