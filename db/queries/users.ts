import type { Kysely } from 'kysely'
import { getDb } from '..'
import type { Database, NewUser } from '../types'

export async function insertUser(user: NewUser, db: Kysely<Database> = getDb()): Promise<string> {
  const row = await db.insertInto('User').values(user).returning('id').executeTakeFirstOrThrow()
  return row.id
}
