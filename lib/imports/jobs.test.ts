import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { insertPerson } from '@/lib/testing/people'
import { loadImportJob, startImportJob } from './jobs'

const FIXTURES = path.join(import.meta.dirname, '..', 'wordpress', 'fixtures')

/** A copy of a fixture in the temporary folder, as an upload leaves it (the job removes it). */
function uploaded(name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plateau-job-')), 'upload.xml')
  fs.copyFileSync(path.join(FIXTURES, name), file)
  return file
}

describe.each(await testDialects())('import jobs on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let admin: Viewer

  beforeEach(async () => {
    db = database()
    admin = await insertPerson(db, 'admin')
  })

  it('counts the file ahead, follows the import, and ends with its report; the uploaded file is removed', async () => {
    const file = uploaded('small-export.xml')
    const { id, finished } = await startImportJob(admin, 'wordpress', 'small-export.xml', file, db)
    const started = (await loadImportJob(admin, id, db))!
    // small-export.xml holds 11 items (posts, pages, attachments).
    expect(started).toMatchObject({ kind: 'wordpress', fileName: 'small-export.xml', total: 11 })
    expect(['running', 'done']).toContain(started.status)
    await finished
    const ended = (await loadImportJob(admin, id, db))!
    expect(ended).toMatchObject({ status: 'done', done: 11, total: 11, message: null })
    expect(ended.lines[0]).toBe(
      'Imported from http://localhost/: 6 post(s), 5 page(s), 1 comment(s), 0 mention(s), 3 new author(s), 33 new tag(s).',
    )
    expect(fs.existsSync(file)).toBe(false)
    expect(await db.selectFrom('post').select('id').execute()).toHaveLength(11)
  })

  it('runs two imports started together one after the other: both end, and nothing is there twice', async () => {
    const first = await startImportJob(admin, 'wordpress', 'a.xml', uploaded('plateau-threads.xml'), db)
    const second = await startImportJob(admin, 'wordpress', 'b.xml', uploaded('plateau-threads.xml'), db)
    await Promise.all([first.finished, second.finished])
    expect((await loadImportJob(admin, first.id, db))!.status).toBe('done')
    expect((await loadImportJob(admin, second.id, db))!.status).toBe('done')
    const authors = await db.selectFrom('User').select('email').where('role', '=', 'commenter').execute()
    expect(new Set(authors.map((a) => a.email)).size).toBe(authors.length)
    const slugs = await db.selectFrom('post').select('slug').execute()
    expect(slugs.map((p) => p.slug).sort()).toEqual(['about', 'next-week', 'talking-in-threads'])
  })

  it('ends a broken file as refused, saying why and where, with nothing imported', async () => {
    const { id, finished } = await startImportJob(admin, 'disqus', 'comments.xml', uploaded('malformed-simple.xml'), db)
    await finished
    expect(await loadImportJob(admin, id, db)).toMatchObject({
      status: 'refused',
      lines: [],
      message:
        'Nothing was imported: This is a WordPress export (or another feed), not a Disqus one: import it under “Import from WordPress” (line 4).',
    })
    expect(await db.selectFrom('comment').select('id').execute()).toEqual([])
  })

  it('shows a running import nobody has heard of for half a minute as stopped', async () => {
    const at = new Date('2026-12-01T10:00:00Z')
    const { id } = await db
      .insertInto('importJob')
      .values({
        kind: 'wordpress',
        actorId: admin.id,
        fileName: 'big.xml',
        total: 5000,
        done: 1200,
        startedAt: at,
        heartbeatAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(await loadImportJob(admin, id, db, new Date(at.getTime() + 10_000))).toMatchObject({
      status: 'running',
      done: 1200,
      total: 5000,
      message: null,
    })
    expect(await loadImportJob(admin, id, db, new Date(at.getTime() + 31_000))).toMatchObject({
      status: 'stopped',
      message: 'Nothing was imported: the server running the import stopped before it ended. Import the file again.',
    })
  })
})
