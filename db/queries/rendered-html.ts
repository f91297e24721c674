import type { Kysely } from 'kysely'
import type { Database } from '../types'

// The HTML stored beside each comment's and post's Markdown (lib/markdown/stored.ts makes it).

type Rendered = 'comment' | 'post'

/** Up to `limit` rows of `table` whose HTML is missing, lowest id first. */
export async function listRowsWithoutHtml(
  db: Kysely<Database>,
  table: Rendered,
  limit: number,
): Promise<{ id: number; body: string }[]> {
  return db.selectFrom(table).select(['id', 'body']).where('html', 'is', null).orderBy('id').limit(limit).execute()
}

export async function setStoredHtml(db: Kysely<Database>, table: Rendered, id: number, html: string): Promise<void> {
  await db.updateTable(table).set({ html }).where('id', '=', id).execute()
}

/** Forgets every stored HTML of `table` (the renderer changed: it is all made again). */
export async function clearStoredHtml(db: Kysely<Database>, table: Rendered): Promise<void> {
  await db.updateTable(table).set({ html: null }).execute()
}
