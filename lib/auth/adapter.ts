import { randomUUID } from 'node:crypto'
import { KyselyAdapter } from '@auth/kysely-adapter'
import type { Adapter } from 'next-auth/adapters'
import type { DB } from '@/db'

/**
 * Auth.js's Kysely adapter, giving every Session and Account row an id of its own: the adapter leaves
 * them out, which SQLite accepts in a text primary key and PostgreSQL refuses. Used by lib/auth/config.
 */
export function blogAdapter(db: DB): Adapter {
  const adapter = KyselyAdapter(db as never)
  return {
    ...adapter,
    createSession: (session) => adapter.createSession!({ ...session, id: randomUUID() } as typeof session),
    linkAccount: (account) => adapter.linkAccount!({ ...account, id: randomUUID() } as typeof account),
  }
}
