import type { Insertable, Kysely } from 'kysely'
import { getDb } from '..'
import type { Database, UploadTable } from '../types'

/** Records an uploaded image; the same file uploaded again keeps its first record. */
export async function insertUpload(upload: Insertable<UploadTable>, db: Kysely<Database> = getDb()): Promise<void> {
  await db.insertInto('upload').values(upload).onConflict((oc) => oc.column('key').doNothing()).execute()
}

export async function findUpload(key: string, db: Kysely<Database> = getDb()) {
  return db.selectFrom('upload').selectAll().where('key', '=', key).executeTakeFirst()
}

/** Stores a file's bytes in the database (for UPLOAD_STORAGE=database); the same key is written once. */
export async function putStoredFile(key: string, contentType: string, data: Uint8Array, db: Kysely<Database> = getDb()): Promise<void> {
  await db.insertInto('storedFile').values({ key, contentType, data }).onConflict((oc) => oc.column('key').doNothing()).execute()
}

export async function findStoredFile(key: string, db: Kysely<Database> = getDb()): Promise<{ contentType: string; data: Uint8Array } | undefined> {
  return db.selectFrom('storedFile').select(['contentType', 'data']).where('key', '=', key).executeTakeFirst()
}
