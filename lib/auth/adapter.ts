import { randomUUID } from 'node:crypto'
import { KyselyAdapter } from '@auth/kysely-adapter'
import type { Adapter } from 'next-auth/adapters'
import type { DB } from '@/db'
import { deleteSessionByToken, findSessionStart } from '@/db/queries/users'
import { sessionLifetimeMs } from './session-lifetime'

/**
 * Auth.js's Kysely adapter, with what the blog adds: every Session and Account row gets an id of its
 * own (the adapter leaves them out, which SQLite accepts in a text primary key and PostgreSQL
 * refuses), and a session ends SESSION_MAX_AGE_DAYS after it began however often it is used (Auth.js
 * slides its expiry forward on every use). Used by lib/auth/config.
 */
export function blogAdapter(db: DB, now: () => Date = () => new Date()): Adapter {
  const adapter = KyselyAdapter(db as never)
  return {
    ...adapter,
    createSession: (session) =>
      adapter.createSession!({ ...session, id: randomUUID(), createdAt: now() } as typeof session),
    linkAccount: (account) => adapter.linkAccount!({ ...account, id: randomUUID() } as typeof account),
    async getSessionAndUser(sessionToken) {
      const found = await adapter.getSessionAndUser!(sessionToken)
      if (!found) return null
      const began = await findSessionStart(db, sessionToken)
      if (began && now().getTime() - began.getTime() > sessionLifetimeMs()) {
        await deleteSessionByToken(db, sessionToken)
        return null
      }
      return found
    },
  }
}
