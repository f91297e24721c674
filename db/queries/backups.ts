import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database } from '../types'

/*
 * Whole-table reads and writes for backups (lib/operations/backup.ts). Every table that holds the blog's content
 * is listed here with its key; sessions, sign-in tokens, rate-limit counters and comment drafts are
 * left out (people sign in again after a restore). Uploaded files travel separately, through the
 * file storage, so storedFile is left out too.
 */
export const BACKUP_TABLES = [
  { table: 'User', key: ['id'] },
  { table: 'Account', key: ['id'] },
  { table: 'post', key: ['id'] },
  { table: 'tag', key: ['id'] },
  { table: 'postTag', key: ['postId', 'tagId'] },
  { table: 'comment', key: ['id'] },
  { table: 'setting', key: ['key'] },
  { table: 'auditLog', key: ['id'] },
  { table: 'postRedirect', key: ['slug'] },
  { table: 'oldAddress', key: ['path'] },
  { table: 'mention', key: ['id'] },
  { table: 'postRevision', key: ['id'] },
  { table: 'upload', key: ['key'] },
] as const satisfies readonly { table: keyof Database; key: readonly string[] }[]

export type BackupTable = (typeof BACKUP_TABLES)[number]['table']
type Row = Record<string, unknown>

/** Columns the database computes itself, never written: PostgreSQL's search vector and its language (which follows the site's, lib/posts/search.ts). */
const COMPUTED = new Set(['searchVector', 'searchConfig'])
/** Tables whose ids are generated; PostgreSQL's counters are moved past restored ids. */
const IDENTITY_TABLES = ['post', 'tag', 'comment', 'auditLog', 'postRevision', 'mention'] as const

/** One page of a table's rows in key order, after `offset` rows. */
export async function readTablePage(
  db: Kysely<Database>,
  table: BackupTable,
  offset: number,
  limit: number,
): Promise<Row[]> {
  const spec = BACKUP_TABLES.find((t) => t.table === table)!
  let query = db.selectFrom(table as 'post').selectAll()
  for (const column of spec.key) query = query.orderBy(column as 'id')
  const rows = (await query.limit(limit).offset(offset).execute()) as Row[]
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !COMPUTED.has(column))))
}

/** Rows in the tables that make a blog non-empty (people, posts, comments, tags). */
export async function countContent(db: Kysely<Database>): Promise<number> {
  let total = 0
  for (const table of ['User', 'post', 'comment', 'tag'] as const)
    total += Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return total
}

export async function insertRow(db: Kysely<Database>, table: BackupTable, row: Row): Promise<void> {
  await db
    .insertInto(table as 'post')
    .values(row as never)
    .execute()
}

/** Links restored comments to their parents (restored without them, as a reply may come first). */
export async function setParent(db: Kysely<Database>, id: number, parentId: number): Promise<void> {
  await db.updateTable('comment').set({ parentId }).where('id', '=', id).execute()
}

/** After rows were written with their ids, new rows must get ids after them (PostgreSQL only). */
export async function moveIdCountersPastRows(db: Kysely<Database>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const table of IDENTITY_TABLES)
    await sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, 'id'), coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    )
}
