import type { Kysely } from 'kysely'
import type { Database } from '../types'

// What the blog forgets once it has no use for it (lib/operations/housekeeping.ts decides when).

/** Deletes rows of what expires by `createdAt` that began before `before`; returns how many. */
export async function deleteCreatedBefore(
  db: Kysely<Database>,
  table: 'keptForm' | 'unconfirmedComment',
  before: Date,
): Promise<number> {
  const result = await db.deleteFrom(table).where('createdAt', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes sessions and sign-in tokens past their expiry; returns how many. */
export async function deleteExpiredSignIns(db: Kysely<Database>, now: Date): Promise<number> {
  const sessions = await db.deleteFrom('Session').where('expires', '<', now).executeTakeFirst()
  const tokens = await db.deleteFrom('VerificationToken').where('expires', '<', now).executeTakeFirst()
  return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows)
}
