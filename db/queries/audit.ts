import type { Kysely } from 'kysely'
import type { Database } from '../types'

export interface AuditEntry {
  actorId: string | null
  action: string
  subject: string
  detail?: Record<string, unknown>
}

export async function insertAuditEntries(db: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db
    .insertInto('auditLog')
    .values(
      entries.map((e) => ({
        actorId: e.actorId,
        action: e.action,
        subject: e.subject,
        detail: JSON.stringify(e.detail ?? {}),
      })),
    )
    .execute()
}

export interface AuditRow {
  id: number
  actorName: string | null
  action: string
  subject: string
  detail: string
  createdAt: Date
}

/** The newest entries first, with the actor's display name. */
export async function listAuditEntries(
  db: Kysely<Database>,
  { limit, offset }: { limit: number; offset: number },
): Promise<AuditRow[]> {
  return db
    .selectFrom('auditLog')
    .leftJoin('User', 'User.id', 'auditLog.actorId')
    .select([
      'auditLog.id',
      'User.name as actorName',
      'auditLog.action',
      'auditLog.subject',
      'auditLog.detail',
      'auditLog.createdAt',
    ])
    .orderBy('auditLog.createdAt', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

/** Inserts one entry and returns its id. */
export async function insertAuditEntry(db: Kysely<Database>, entry: AuditEntry): Promise<number> {
  const row = await db
    .insertInto('auditLog')
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** One entry by id, if its action is one of `actions`. */
export async function findAuditEntry(
  db: Kysely<Database>,
  id: number,
  actions: string[],
): Promise<{ action: string; detail: string } | undefined> {
  return db
    .selectFrom('auditLog')
    .select(['action', 'detail'])
    .where('id', '=', id)
    .where('action', 'in', actions)
    .executeTakeFirst()
}
