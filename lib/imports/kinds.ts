import type { DB } from '@/db'
import type { ImportKindName } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { describeDisqusImport, disqusChanges, importDisqus } from '@/lib/disqus/import'
import type { PublicChanges } from '@/lib/changes'
import { describeImport, importChanges, importWordPress } from '@/lib/wordpress/import'

/*
 * The kinds of file the blog imports, told apart by name everywhere (the admin's two forms, the two
 * commands, the jobs that show progress): how to run one, what it counts as it goes, and the marker
 * that counts its records ahead, for "of about how many".
 */

export interface ImportOutcome {
  auditId: number
  /** The report, as lines a person reads. */
  lines: string[]
  changes: PublicChanges
}

export interface ImportKind {
  name: ImportKindName
  /** What the file is, in a sentence: "a WordPress export". */
  what: string
  /** What progress counts: "posts and pages", "comments". */
  unit: string
  /** A string each counted record starts with in the file (no parsing: an estimate). */
  marker: string
  run(
    viewer: Viewer | 'command-line',
    file: AsyncIterable<Uint8Array | string>,
    options: { db?: DB; onProgress?: (done: number) => void },
  ): Promise<ImportOutcome>
}

export const IMPORT_KIND: Record<ImportKindName, ImportKind> = {
  wordpress: {
    name: 'wordpress',
    what: 'a WordPress export',
    unit: 'items (posts, pages, attachments)',
    marker: '<item>',
    async run(viewer, file, options) {
      const report = await importWordPress(viewer, file, options)
      return { auditId: report.auditId!, lines: describeImport(report), changes: importChanges(report) }
    },
  },
  disqus: {
    name: 'disqus',
    what: 'a Disqus export',
    unit: 'comments',
    marker: '<post ',
    async run(viewer, file, options) {
      const report = await importDisqus(viewer, file, options)
      return { auditId: report.auditId!, lines: describeDisqusImport(report), changes: disqusChanges(report) }
    },
  },
}
