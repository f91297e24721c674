import { createReadStream } from 'node:fs'
import { closeDb, getDb } from '@/db'
import { explainDatabaseError } from '@/db/errors'
import { migrateToLatest } from '@/db/migrate'
import type { ImportKindName } from '@/db/types'
import { invalidateEverywhere } from '@/lib/public/cache/shared-tags'
import { tagsToExpire } from '@/lib/public/tags'
import { IMPORT_KIND } from './kinds'
import { countOccurrences, ImportFileError } from '@/lib/xml'

/*
 * `npm run import:wxr` and `npm run import:disqus`: import a file on the server, showing progress on
 * a terminal (a line rewritten in place, on stderr, so the report on stdout stays clean to pipe), then
 * the report. Exits 1, with nothing imported, for a file it cannot import.
 */

export async function runImportCommand(kind: ImportKindName, file: string, usage: string): Promise<never> {
  if (!file || file === '--help' || file === '-h') {
    console.log(usage)
    process.exit(file ? 0 : 1)
  }
  const spec = IMPORT_KIND[kind]
  try {
    await migrateToLatest(getDb())
    const total = await countOccurrences(createReadStream(file), spec.marker)
    const terminal = process.stderr.isTTY
    let shownAt = 0
    const show = (done: number, final = false) => {
      if (!terminal || (!final && Date.now() - shownAt < 100)) return
      shownAt = Date.now()
      const of = Math.max(total, done)
      const percent = of ? Math.round((done / of) * 100) : 100
      const width = 30
      const bar = '#'.repeat(Math.round((percent / 100) * width)).padEnd(width, '.')
      process.stderr.write(`\r[${bar}] ${percent}%  ${done} of about ${of} ${spec.unit}${final ? '\n' : ''}`)
    }
    let read = 0
    const outcome = await spec.run('command-line', createReadStream(file), {
      onProgress: (done) => {
        read = done
        show(done)
      },
    })
    show(read, true)
    for (const line of outcome.lines) console.log(line)
    // Running instances show what came in within a second, as if it had come through /admin.
    await invalidateEverywhere(tagsToExpire(outcome.changes))
    await closeDb()
    process.exit(0)
  } catch (error) {
    if (process.stderr.isTTY) process.stderr.write('\n')
    if (error instanceof ImportFileError) console.error(`Nothing was imported: ${error.message}.`)
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      console.error(`Nothing was imported: there is no file ${file}.`)
    else console.error(`Nothing was imported: ${explainDatabaseError(error, undefined)}`)
    await closeDb().catch(() => {})
    process.exit(1)
  }
}
