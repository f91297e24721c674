import type { Kysely } from 'kysely'
import type { Database } from '../types'

/** Keeps a refused form's state, and forgets every kept form older than `before`. */
export async function insertKeptForm(
  db: Kysely<Database>,
  form: { id: string; userId: string | null; state: string; createdAt: Date },
  before: Date,
): Promise<void> {
  await db.deleteFrom('keptForm').where('createdAt', '<', before).execute()
  await db.insertInto('keptForm').values(form).execute()
}

/** A kept form's state, if `userId` sent it (or nobody signed in did), and it is newer than `after`. */
export async function findKeptForm(
  db: Kysely<Database>,
  id: string,
  userId: string | null,
  after: Date,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('keptForm')
    .select('state')
    .where('id', '=', id)
    .where('createdAt', '>=', after)
    .where((eb) => (userId ? eb.or([eb('userId', '=', userId), eb('userId', 'is', null)]) : eb('userId', 'is', null)))
    .executeTakeFirst()
  return row?.state
}
