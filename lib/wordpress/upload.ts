import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findAuditEntry, insertAuditEntry } from '@/db/queries/audit'
import { BodyMalformed, BodyTooLarge, saveMultipartFile } from '@/lib/http/bounded-body'
import { requireCapability } from '@/lib/auth/permissions'
import type { Viewer } from '@/lib/auth/viewer'
import { getSiteSettings } from '@/lib/settings'
import { importChanges, importWordPress } from './import'
import { ImportFileError } from '@/lib/imports/xml'
import { NOTHING_CHANGED, type PublicChanges } from '@/lib/public/tags'

export type ImportOutcome = { status: 'done'; lines: string[] } | { status: 'refused'; message: string }

/**
 * Takes a WordPress export uploaded to /admin/import/upload: streamed to a temporary file (never into
 * memory, never past the `importMaxMegabytes` setting), then imported all or nothing. Every outcome
 * is kept in the audit log, whose entry id the admin page shows the report from. Admins only: the
 * caller checks before reading a byte; throws PermissionDenied otherwise.
 */
export async function importUploadedExport(viewer: Viewer | null, request: Request, db: DB = getDb()): Promise<{ auditId: number; changes: PublicChanges }> {
  const admin = requireCapability(viewer, 'settings.manage')
  const { importMaxMegabytes } = await getSiteSettings(db)
  const file = path.join(os.tmpdir(), `plateau-import-${randomUUID()}.xml`)
  const refuse = async (message: string) => ({
    auditId: await insertAuditEntry({ actorId: admin.id, action: 'import.refused', subject: 'import', detail: { message } }, db),
    changes: NOTHING_CHANGED,
  })
  try {
    const upload = await saveMultipartFile(request, 'file', file, importMaxMegabytes * 1024 * 1024)
    if (upload.size === 0) return await refuse('Choose the export file (an .xml from WordPress’s Tools → Export) first.')
    const report = await importWordPress(admin, fs.createReadStream(file), { db })
    return { auditId: report.auditId!, changes: importChanges(report) }
  } catch (error) {
    if (error instanceof BodyTooLarge) return await refuse(`Nothing was imported: the file is larger than ${importMaxMegabytes} MB, the import limit in Settings.`)
    if (error instanceof BodyMalformed) return await refuse(`Nothing was imported: ${error.message}`)
    if (error instanceof ImportFileError) return await refuse(`Nothing was imported: ${error.message}.`)
    throw error
  } finally {
    fs.rmSync(file, { force: true })
  }
}

/** The outcome of an import the admin page was sent back with. Admins only; throws PermissionDenied. */
export async function loadImportOutcome(viewer: Viewer | null, auditId: number, db: DB = getDb()): Promise<ImportOutcome | null> {
  requireCapability(viewer, 'settings.manage')
  const entry = await findAuditEntry(auditId, ['import.wordpress', 'import.refused'], db)
  if (!entry) return null
  const detail = JSON.parse(entry.detail) as { lines?: string[]; message?: string }
  return entry.action === 'import.refused' ? { status: 'refused', message: String(detail.message) } : { status: 'done', lines: detail.lines ?? [] }
}
