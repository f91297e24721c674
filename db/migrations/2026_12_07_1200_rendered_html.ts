import type { Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.
//
// Comments and posts keep the HTML their Markdown renders to, made once when they are written, so
// reading a page, a feed, a mail or the export never parses Markdown. Empty here; the app renders
// what is missing when it starts (lib/markdown/stored.ts).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comment').addColumn('html', 'text').execute()
  await db.schema.alterTable('post').addColumn('html', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comment').dropColumn('html').execute()
  await db.schema.alterTable('post').dropColumn('html').execute()
}
