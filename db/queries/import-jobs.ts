import { sql, type Kysely } from 'kysely'
import { allowsConcurrentWriters } from '..'
import type { Database, ImportJobStatus, ImportKindName } from '../types'

export async function insertImportJob(
  db: Kysely<Database>,
  job: { kind: ImportKindName; actorId: string; fileName: string; total: number; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('importJob')
    .values({
      kind: job.kind,
      actorId: job.actorId,
      fileName: job.fileName,
      total: job.total,
      startedAt: job.at,
      heartbeatAt: job.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setImportProgress(db: Kysely<Database>, id: number, done: number, at: Date): Promise<void> {
  await db
    .updateTable('importJob')
    .set({ done, heartbeatAt: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute()
}

export async function finishImportJob(
  db: Kysely<Database>,
  id: number,
  outcome: { status: Exclude<ImportJobStatus, 'running'>; done: number; auditId: number | null; at: Date },
): Promise<void> {
  await db
    .updateTable('importJob')
    .set({ status: outcome.status, done: outcome.done, auditId: outcome.auditId, heartbeatAt: outcome.at })
    .where('id', '=', id)
    .execute()
}

export async function findImportJob(db: Kysely<Database>, id: number) {
  return db.selectFrom('importJob').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Called first in an import's transaction: waits until no other import runs, so two imports never
 * interleave (two files naming the same author would both add them). On PostgreSQL a transaction-
 * scoped advisory lock, shared by every instance; SQLite already runs one write transaction at a time.
 */
export async function waitForOtherImports(trx: Kysely<Database>): Promise<void> {
  if (allowsConcurrentWriters(trx)) await sql`select pg_advisory_xact_lock(hashtext('plateau.import'))`.execute(trx)
}
