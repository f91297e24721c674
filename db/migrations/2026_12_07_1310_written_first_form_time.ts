import type { Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.
//
// How long the form of a comment written before signing in took to fill in (null: not measured),
// so its confirmation, whenever it comes, is screened by the time the writing took.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unconfirmedComment').addColumn('formSeconds', 'real').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('unconfirmedComment').dropColumn('formSeconds').execute()
}
