import { createInterface } from 'node:readline'
import { searchInLanguage } from '@/lib/posts/search'
import { renderMissingHtml } from '@/lib/markdown/stored'
import { getSiteSettings } from '@/lib/settings'
import type { Readable } from 'node:stream'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import {
  BACKUP_TABLES,
  countContent,
  insertRow,
  moveIdCountersPastRows,
  readTablePage,
  setParent,
} from '@/db/queries/backups'
import { migrateToLatest } from '@/db/migrate'
import { migrations } from '@/db/migrations'
import { isUploadKey } from '@/lib/uploads/paths'
import { getStorage, type FileStorage } from '@/lib/uploads/storage'
import { isSetupTokenSetting } from '@/lib/auth/owner'

/*
 * A backup is one file with everything: every content table's rows and every uploaded file, as JSON
 * lines (gzipped by the commands). It is independent of the database: a backup made on SQLite
 * restores into PostgreSQL and back, and of the upload storage: files come back through whichever
 * storage the restoring installation uses. Written and read a line at a time.
 *
 *   {"format":"plateau-backup","version":1,"createdAt":…,"migrations":[…]}
 *   {"table":"post","row":{…}}            one per row, tables in BACKUP_TABLES order
 *   {"file":"2026/11/….jpg","type":"image/jpeg","data":"<base64>"}
 */

export const BACKUP_FORMAT = 'plateau-backup'
const PAGE = 500

export class BackupError extends Error {
  override name = 'BackupError'
}

interface Header {
  format: string
  version: number
  createdAt: string
  migrations: string[]
}

/** Settings that are secrets: the blog's own AUTH_SECRET and the owner's setup tokens. */
const isSecretSetting = (key: string) => key === 'auth.secret' || isSetupTokenSetting(key)
/** Columns of Account that let their holder act as the person at GitHub, Google or the OIDC provider. */
const ACCOUNT_TOKENS = ['access_token', 'refresh_token', 'id_token'] as const

/** A row as the backup keeps it: without secrets unless they were asked for. */
function withoutSecrets(table: string, row: Record<string, unknown>): Record<string, unknown> | null {
  if (table === 'setting' && isSecretSetting(String(row.key))) return null
  if (table === 'Account') return { ...row, ...Object.fromEntries(ACCOUNT_TOKENS.map((column) => [column, null])) }
  return row
}

/**
 * Writes a backup of the blog through `write` (one JSON line at a time); returns rows and files
 * written. The blog's AUTH_SECRET, its setup token and sign-in providers' tokens are left out unless
 * `includeSecrets` (after a restore without them a new secret is made and people sign in again).
 */
export async function writeBackup(
  write: (line: string) => void | Promise<void>,
  options: { db?: DB; storage?: (db: DB) => FileStorage; now?: Date; includeSecrets?: boolean } = {},
): Promise<{ rows: number; files: number }> {
  const { db = getDb(), now = new Date(), includeSecrets = false } = options
  const storage = (options.storage ?? getStorage)(db)
  const header: Header = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    migrations: Object.keys(migrations),
  }
  await write(`${JSON.stringify(header)}\n`)
  let rows = 0
  let files = 0
  const uploads: { key: string; variants: string }[] = []
  for (const { table } of BACKUP_TABLES) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await readTablePage(db, table, offset, PAGE)
      for (const stored of page) {
        const row = includeSecrets ? stored : withoutSecrets(table, stored)
        if (!row) continue
        await write(`${JSON.stringify({ table, row })}\n`)
        if (table === 'upload') uploads.push(row as { key: string; variants: string })
        rows++
      }
      if (page.length < PAGE) break
    }
  }
  for (const upload of uploads) {
    const keys = [upload.key, ...(JSON.parse(upload.variants || '[]') as { key: string }[]).map((v) => v.key)]
    for (const key of keys) {
      const file = await storage.get(key)
      if (!file) continue
      await write(
        `${JSON.stringify({ file: key, type: file.contentType, data: Buffer.from(file.data).toString('base64') })}\n`,
      )
      files++
    }
  }
  return { rows, files }
}

/**
 * Restores a backup into an empty installation (migrated here first), all rows in one transaction:
 * a broken backup changes nothing in the database. Refuses a blog that already has content.
 */
export async function restoreBackup(
  input: Readable,
  options: { db?: DB; storage?: (db: DB) => FileStorage } = {},
): Promise<{ rows: number; files: number }> {
  const { db = getDb() } = options
  const storageFor = options.storage ?? getStorage
  await migrateToLatest(db)
  const existing = await countContent(db)
  if (existing > 0)
    throw new BackupError(
      `A backup is restored into an empty blog, and this one already has ${existing} people, posts, comments or tags (a blog started once holds the demo post). Point DATABASE_URL at a new database or file and run it again.`,
    )
  let header: Header | null = null
  let rows = 0
  let files = 0
  let lineNumber = 0
  await inTransaction(db, async (trx) => {
    // Files go through the storage this installation uses (in this transaction when it is the database).
    const storage = storageFor(trx)
    const parents: [number, number][] = []
    // Made just before it is read: lines a reader emits before iteration starts would be lost.
    const lines = createInterface({ input, crlfDelay: Infinity })
    for await (const line of lines) {
      lineNumber++
      if (!line.trim()) continue
      let record: {
        table?: string
        row?: Record<string, unknown>
        file?: string
        type?: string
        data?: string
      } & Partial<Header>
      try {
        record = JSON.parse(line)
      } catch {
        throw new BackupError(`Line ${lineNumber} of the backup is not valid: the file is damaged or cut short.`)
      }
      if (!header) {
        if (record.format !== BACKUP_FORMAT)
          throw new BackupError('This is not a Plateau backup (npm run backup writes them).')
        const unknown = (record.migrations ?? []).filter((name) => !(name in migrations))
        if (unknown.length > 0)
          throw new BackupError(
            `This backup was made by a newer Plateau (its database has ${unknown.join(', ')}); update this installation first.`,
          )
        header = record as Header
        continue
      }
      if (record.table && record.row) {
        if (!BACKUP_TABLES.some((t) => t.table === record.table))
          throw new BackupError(`Line ${lineNumber} names an unknown table, ${record.table}.`)
        const row = { ...record.row }
        if (record.table === 'comment' && row.parentId) {
          parents.push([row.id as number, row.parentId as number])
          row.parentId = null
        }
        await insertRow(trx, record.table as (typeof BACKUP_TABLES)[number]['table'], row)
        rows++
      } else if (record.file && record.type && typeof record.data === 'string') {
        // Only names this blog makes itself: a crafted backup cannot write outside the uploads.
        if (!isUploadKey(record.file))
          throw new BackupError(
            `Line ${lineNumber} names a file this blog never makes (${JSON.stringify(record.file.slice(0, 80))}); the backup is damaged or was altered.`,
          )
        await storage.put(record.file, new Uint8Array(Buffer.from(record.data, 'base64')))
        files++
      } else throw new BackupError(`Line ${lineNumber} of the backup is neither a row nor a file.`)
    }
    if (!header) throw new BackupError('The backup is empty.')
    for (const [id, parentId] of parents) await setParent(trx, id, parentId)
    await moveIdCountersPastRows(trx)
    // The restored blog's language may not be this one's default: search reads words in it.
    await searchInLanguage((await getSiteSettings(trx)).language, trx)
    // A backup from before comments and posts kept their HTML (or from another renderer): made now.
    await renderMissingHtml(trx)
  })
  return { rows, files }
}
