import type { Kysely } from 'kysely'
import { inTransaction } from '..'
import type { Database, NewUser, Role } from '../types'

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<string> {
  const row = await db.insertInto('User').values(user).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export interface AccountRow {
  id: string
  name: string | null
  email: string | null
  role: Role
  bannedAt: Date | null
  deletedAt: Date | null
}

const accountColumns = ['User.id', 'User.name', 'User.email', 'User.role', 'User.bannedAt', 'User.deletedAt'] as const

export async function findUserById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('User').select(accountColumns).where('id', '=', id).executeTakeFirst()
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('User').select(accountColumns).where('email', '=', email.toLowerCase()).executeTakeFirst()
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('User')
    .select(db.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function setUserRole(db: Kysely<Database>, id: string, role: Role): Promise<void> {
  await db.updateTable('User').set({ role }).where('id', '=', id).execute()
}

/**
 * Sets a person's name. The first time they have one they also get the slug of their author page:
 * `slugBase`, or `slugBase-2`, `-3`… if taken. A slug never changes afterwards, so links stay good.
 */
export async function setUserName(db: Kysely<Database>, id: string, name: string, slugBase: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('User').set({ name }).where('id', '=', id).execute()
    const row = await trx.selectFrom('User').select('slug').where('id', '=', id).executeTakeFirst()
    if (!row || row.slug) return
    await trx
      .updateTable('User')
      .set({ slug: await findFreeUserSlug(trx, slugBase) })
      .where('id', '=', id)
      .execute()
  })
}

/** An author-page slug nobody has yet: the base, or the base with -2, -3… */
export async function findFreeUserSlug(db: Kysely<Database>, slugBase: string): Promise<string> {
  const base = slugBase || 'author'
  const taken = new Set(
    (await db.selectFrom('User').select('slug').where('slug', 'like', `${base}%`).execute()).map((r) => r.slug),
  )
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
  return slug
}

/** Ends every session of a user at once. */
export async function deleteSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('Session').where('userId', '=', userId).execute()
}

/**
 * Deletes an account but keeps its row as a tombstone — no name, no email, no sign-in — so the
 * comments it wrote stay in their threads as "deleted account".
 */
export async function tombstoneUser(db: Kysely<Database>, userId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('Session').where('userId', '=', userId).execute()
    await trx.deleteFrom('Account').where('userId', '=', userId).execute()
    await trx
      .updateTable('User')
      .set({ name: null, email: null, image: null, emailVerified: null, slug: null, deletedAt: new Date() })
      .where('id', '=', userId)
      .execute()
  })
}

export interface PersonRow {
  id: string
  name: string | null
  role: Role
  createdAt: Date
  bannedAt: Date | null
  /** The mail server refused their address: the blog sends them nothing. */
  emailBouncedAt: Date | null
  commentCount: number
}

/** Everyone with an account (not deleted ones), newest first, with their comment counts — one query. */
export async function listPeople(
  db: Kysely<Database>,
  { limit, offset }: { limit: number; offset: number },
): Promise<PersonRow[]> {
  const rows = await db
    .selectFrom('User')
    .select((eb) => [
      'User.id',
      'User.name',
      'User.role',
      'User.createdAt',
      'User.bannedAt',
      'User.emailBouncedAt',
      eb
        .selectFrom('comment')
        .select(eb.fn.countAll().as('n'))
        .whereRef('comment.authorId', '=', 'User.id')
        .as('commentCount'),
    ])
    .where('User.deletedAt', 'is', null)
    .orderBy('User.createdAt', 'desc')
    .orderBy('User.id')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => ({ ...r, commentCount: Number(r.commentCount ?? 0) }))
}

export async function setUserBanned(db: Kysely<Database>, id: string, bannedAt: Date | null): Promise<void> {
  await db.updateTable('User').set({ bannedAt }).where('id', '=', id).execute()
}

/** When the session with this token began (null: before that was kept), or undefined for no such session. */
export async function findSessionStart(db: Kysely<Database>, sessionToken: string): Promise<Date | null | undefined> {
  const row = await db
    .selectFrom('Session')
    .select('createdAt')
    .where('sessionToken', '=', sessionToken)
    .executeTakeFirst()
  return row ? row.createdAt : undefined
}

export async function deleteSessionByToken(db: Kysely<Database>, sessionToken: string): Promise<void> {
  await db.deleteFrom('Session').where('sessionToken', '=', sessionToken).execute()
}
