import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findAuditEntry, insertAuditEntry } from '@/db/queries/audit'
import type { ImportKindName } from '@/db/types'
import { IMPORT_KINDS } from '@/db/types'
import { BodyMalformed, BodyTooLarge, saveMultipartFile } from '@/lib/http/bounded-body'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { getSiteSettings } from '@/lib/settings'
import { startImportJob } from './jobs'
import { translator } from '@/lib/i18n'

/** Where the admin is sent after uploading: the job's page, or the refusal of a file that never became one. */
export type UploadAnswer = { job: number; finished: Promise<void> } | { refused: number }

export const importKindOf = (value: string): ImportKindName | null =>
  (IMPORT_KINDS as readonly string[]).includes(value) ? (value as ImportKindName) : null

/**
 * Takes an export uploaded to /admin/import/upload: streamed to a temporary file (never into
 * memory, never past the `importMaxMegabytes` setting), then imported as a job (./jobs.ts) whose
 * page shows its progress and report. A file refused before that (none chosen, too large, a broken
 * upload) is kept in the audit log, whose entry the admin page shows. Admins only: the caller checks
 * before reading a byte; throws PermissionDenied otherwise.
 */
export async function receiveUploadedExport(
  viewer: Viewer | null,
  request: Request,
  db: DB = getDb(),
): Promise<UploadAnswer> {
  const admin = requireCapability(viewer, 'settings.manage')
  const { importMaxMegabytes, language } = await getSiteSettings(db)
  const t = translator(language, 'admin.import')
  const file = path.join(os.tmpdir(), `plateau-import-${randomUUID()}.xml`)
  const refuse = async (message: string) => {
    fs.rmSync(file, { force: true })
    return {
      refused: await insertAuditEntry(db, {
        actorId: admin.id,
        action: 'import.refused',
        subject: 'import',
        detail: { message },
      }),
    }
  }
  try {
    const upload = await saveMultipartFile(request, 'file', file, importMaxMegabytes * 1024 * 1024)
    // The form says which kind of file it takes (the admin page has one form for each).
    const kind = importKindOf(upload.fields.kind ?? 'wordpress')
    if (!kind) return await refuse(t('noKind'))
    if (upload.size === 0) return await refuse(t(kind === 'disqus' ? 'chooseDisqus' : 'chooseWordpress'))
    const { id, finished } = await startImportJob(admin, kind, upload.name, file, db)
    return { job: id, finished }
  } catch (error) {
    if (error instanceof BodyTooLarge) return await refuse(t('tooLarge', { mb: importMaxMegabytes }))
    if (error instanceof BodyMalformed) return await refuse(t('notImported', { reason: error.message }))
    fs.rmSync(file, { force: true })
    throw error
  }
}

/** Why an upload was refused, by its audit entry. Admins only; throws PermissionDenied. */
export async function loadUploadRefusal(
  viewer: Viewer | null,
  auditId: number,
  db: DB = getDb(),
): Promise<string | null> {
  requireCapability(viewer, 'settings.manage')
  const entry = await findAuditEntry(db, auditId, ['import.refused'])
  return entry ? String((JSON.parse(entry.detail) as { message?: string }).message) : null
}
