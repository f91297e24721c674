import fs from 'node:fs'
import type { DB } from '@/db'
import { allowsConcurrentWriters, getDb } from '@/db'
import { findAuditEntry, insertAuditEntry } from '@/db/queries/audit'
import { finishImportJob, findImportJob, insertImportJob, setImportProgress } from '@/db/queries/import-jobs'
import type { ImportJobStatus, ImportKindName } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { invalidateEverywhere } from '@/lib/public/cache/shared-tags'
import { siteTranslator, translator } from '@/lib/i18n'
import { getSiteSettings } from '@/lib/settings'
import { log } from '@/lib/log'
import { tagsToExpire } from '@/lib/public/tags'
import { IMPORT_KIND } from './kinds'
import { countOccurrences, ImportFileError } from '@/lib/xml'

/*
 * Imports started from /admin run as jobs: the upload is answered at once and the admin watches the
 * job's page (a refreshing page without script, a live one with it) until the report is there.
 * - The job's row (importJob) says what runs, how far it has got and how it ended; the outcome
 *   itself (the report, or why the file was refused) is an audit log entry, as before.
 * - Progress is written to the row every second where the database lets others write during the
 *   import's transaction (PostgreSQL: every instance behind the load balancer shows the same bar,
 *   and the blog keeps answering). SQLite has one writer and runs one instance, whose one database
 *   handle the import's transaction holds: there the progress is kept in memory, and pages that need
 *   the database (the job's page too) wait until the import has ended — seconds for most blogs
 *   (2,000 posts: about 4 s); public pages in the page cache are served meanwhile.
 * - An import runs in the instance that received the file (the file is on its disk). If that
 *   instance stops, the transaction is rolled back (nothing imported) and the row is no longer heard
 *   from: after STOPPED_AFTER_MS without news it shows as stopped.
 */

const HEARTBEAT_MS = 1000
const STOPPED_AFTER_MS = 30_000

type Live = { done: number }
const holder = globalThis as typeof globalThis & { __plateauImportJobs?: Map<number, Live> }
const running = (holder.__plateauImportJobs ??= new Map())

export interface ImportJobView {
  id: number
  kind: ImportKindName
  fileName: string
  status: ImportJobStatus | 'stopped'
  done: number
  /** About how many there are (counted ahead); at least `done`. */
  total: number
  /** When it has ended: the report, or the sentence saying why nothing was imported. */
  lines: string[]
  message: string | null
}

/**
 * Starts importing a file saved at `file` (taken over: it is removed when the import ends), as
 * `kind`. Counts its records first (a quick look, no parsing) for "of about how many". Admins only;
 * throws PermissionDenied. Resolves with the job's id once it runs; `finished` when it has ended.
 */
export async function startImportJob(
  viewer: Viewer | null,
  kind: ImportKindName,
  fileName: string,
  file: string,
  db: DB = getDb(),
  now: () => Date = () => new Date(),
): Promise<{ id: number; finished: Promise<void> }> {
  const admin = requireCapability(viewer, 'settings.manage')
  const spec = IMPORT_KIND[kind]
  const total = await countOccurrences(fs.createReadStream(file), spec.marker)
  const id = await insertImportJob(db, {
    kind,
    actorId: admin.id,
    fileName: fileName.slice(0, 200) || 'export.xml',
    total,
    at: now(),
  })
  const live: Live = { done: 0 }
  running.set(id, live)
  const shared = allowsConcurrentWriters(db)
  // Where the database allows it, every instance sees the progress (and that the import is alive).
  const heartbeat = shared
    ? setInterval(() => {
        setImportProgress(db, id, live.done, now()).catch((error) =>
          log().warn({ event: 'import.progress-unsaved', err: error }, 'The import’s progress could not be saved.'),
        )
      }, HEARTBEAT_MS)
    : null

  const run = async (importDb: DB) => {
    // Let the upload's answer go first: the import takes the database's writer from here on.
    await new Promise((resolve) => setImmediate(resolve))
    try {
      const outcome = await spec.run(admin, fs.createReadStream(file), {
        db: importDb,
        onProgress: (done) => (live.done = done),
      })
      await finishImportJob(db, id, { status: 'done', done: live.done, auditId: outcome.auditId, at: now() })
      // Every instance (this one too) shows what came in within a second.
      await invalidateEverywhere(tagsToExpire(outcome.changes), db)
    } catch (error) {
      if (error instanceof ImportFileError) {
        const { language } = await getSiteSettings(db)
        const message = translator(language, 'admin.import')('notImported', { reason: `${error.sentence(language)}.` })
        const auditId = await insertAuditEntry(db, {
          actorId: admin.id,
          action: 'import.refused',
          subject: 'import',
          detail: { message },
        })
        await finishImportJob(db, id, { status: 'refused', done: live.done, auditId, at: now() })
      } else {
        log().error({ event: 'import.failed', kind, err: error }, 'An import failed; nothing was imported.')
        await finishImportJob(db, id, { status: 'failed', done: live.done, auditId: null, at: now() })
      }
    }
  }
  const finished = run(db)
    .catch((error) =>
      log().error({ event: 'import.failed', kind, err: error }, 'An import could not record how it ended.'),
    )
    .finally(() => {
      if (heartbeat) clearInterval(heartbeat)
      running.delete(id)
      fs.rmSync(file, { force: true })
    })
  return { id, finished }
}

/** A job as its page shows it; null when there is none. Admins only; throws PermissionDenied. */
export async function loadImportJob(
  viewer: Viewer | null,
  id: number,
  db: DB = getDb(),
  now: Date = new Date(),
): Promise<ImportJobView | null> {
  requireCapability(viewer, 'settings.manage')
  const row = await findImportJob(db, id)
  if (!row) return null
  const live = running.get(id)
  const done = live?.done ?? row.done
  let status: ImportJobView['status'] = row.status
  if (status === 'running' && !live && now.getTime() - new Date(row.heartbeatAt).getTime() > STOPPED_AFTER_MS)
    status = 'stopped'
  const entry = row.auditId
    ? await findAuditEntry(db, row.auditId, ['import.wordpress', 'import.disqus', 'import.refused'])
    : undefined
  const detail = entry ? (JSON.parse(entry.detail) as { lines?: string[]; message?: string }) : {}
  const t = status === 'running' || status === 'done' ? null : await siteTranslator('admin.import', db)
  const message = !t
    ? null
    : status === 'refused'
      ? String(detail.message ?? t('nothing'))
      : t(status === 'failed' ? 'failed' : 'stopped')
  return {
    id,
    kind: row.kind,
    fileName: row.fileName,
    status,
    done,
    total: Math.max(row.total, done),
    lines: detail.lines ?? [],
    message,
  }
}
