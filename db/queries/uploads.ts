import type { Insertable, Kysely } from 'kysely'
import type { Database, UploadTable } from '../types'

/** Records an uploaded image; the same file uploaded again keeps its first record. */
export async function insertUpload(db: Kysely<Database>, upload: Insertable<UploadTable>): Promise<void> {
  await db
    .insertInto('upload')
    .values(upload)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export async function findUpload(db: Kysely<Database>, key: string) {
  return db.selectFrom('upload').selectAll().where('key', '=', key).executeTakeFirst()
}

/** Stores a file's bytes in the database (for UPLOAD_STORAGE=database); the same key is written once. */
export async function putStoredFile(
  db: Kysely<Database>,
  key: string,
  contentType: string,
  data: Uint8Array,
): Promise<void> {
  await db
    .insertInto('storedFile')
    .values({ key, contentType, data })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export async function findStoredFile(
  db: Kysely<Database>,
  key: string,
): Promise<{ contentType: string; data: Uint8Array } | undefined> {
  return db.selectFrom('storedFile').select(['contentType', 'data']).where('key', '=', key).executeTakeFirst()
}
