import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { ImportFileError } from '@/lib/xml'
import { loadPostView } from '@/lib/posts/views'
import { tagsToExpire } from '@/lib/public/tags'
import { insertPerson } from '@/lib/testing/people'
import { databaseStorage } from '@/lib/uploads/storage'
import { importWordPress } from '@/lib/wordpress/import'
import { findPostOfOldAddress } from '@/lib/wordpress/old-addresses'
import { describeDisqusImport, disqusChanges, importDisqus } from './import'

const NOW = new Date('2026-11-27T12:00:00Z')
const DISQUS = path.join(import.meta.dirname, 'fixtures', 'threads-weekly.xml')
const WORDPRESS = path.join(import.meta.dirname, '..', 'wordpress', 'fixtures', 'plateau-threads.xml')
const disqus = () => createReadStream(DISQUS, { highWaterMark: 2048 })
async function* text(xml: string) {
  yield xml
}

describe.each(await testDialects())('importing Disqus comments on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let admin: Viewer

  beforeEach(async () => {
    db = database()
    admin = await insertPerson(db, 'admin')
    // The blog the comments belong to, moved in from WordPress first (its images left where they are).
    await importWordPress(
      admin,
      text((await readFile(WORDPRESS, 'utf8')).replaceAll('MEDIA_HOST', 'http://127.0.0.1:9')),
      { now: NOW, db, storage: databaseStorage, download: false },
    )
  })

  const comments = () =>
    db
      .selectFrom('comment')
      .select([
        'id',
        'postId',
        'parentId',
        'authorName',
        'authorEmail',
        'authorUrl',
        'body',
        'status',
        'deletedAt',
        'legacyKey',
      ])
      .orderBy('id')
      .execute()
  const snapshot = async () => ({
    comments: await comments(),
    audit: (await db.selectFrom('auditLog').select('id').execute()).length,
  })

  it('nests replies, keeps deleted and spam posts as such and guests by name, reports unmatched threads, and adds nothing the second time', async () => {
    const report = await importDisqus(admin, disqus(), { now: NOW, db })
    expect(report).toMatchObject({
      forum: 'threadsweekly',
      threads: 5,
      matched: 3,
      comments: 8,
      onPages: 2,
      spam: 1,
      deleted: 2,
      skipped: [],
    })
    // The thread nobody could find is reported with its comments; the one without comments is not.
    expect(report.unmatched).toEqual([
      {
        link: 'http://threads.example/2018/01/a-post-that-never-moved/',
        title: 'A post that never moved',
        comments: 2,
      },
    ])
    expect(describeDisqusImport(report)).toContain(
      '  http://threads.example/2018/01/a-post-that-never-moved/ “A post that never moved”: 2 comment(s)',
    )
    expect(tagsToExpire(disqusChanges(report))).toEqual(['posts'])

    const rows = new Map(
      (await comments()).filter((c) => c.legacyKey?.startsWith('disqus:')).map((c) => [c.legacyKey!.split('/')[1], c]),
    )
    const post = await db
      .selectFrom('post')
      .select('id')
      .where('slug', '=', 'talking-in-threads')
      .executeTakeFirstOrThrow()
    const about =
      (await db.selectFrom('post').select('id').where('slug', '=', 'about-2').executeTakeFirst()) ??
      (await db.selectFrom('post').select('id').where('slug', '=', 'about').executeTakeFirstOrThrow())
    expect(rows.get('2001')).toMatchObject({
      postId: post.id,
      parentId: null,
      authorName: 'Ines',
      authorEmail: 'ines@mail.example',
      authorUrl: null,
      status: 'approved',
      deletedAt: null,
    })
    // HTML became Markdown; Disqus's redirect link leads where it pointed.
    expect(rows.get('2001')!.body).toBe(
      'First from Disqus, with **bold** words and [my notes](https://ines.example/notes "https://ines.example/notes").',
    )
    // A deleted post keeps its place (and its reply) but not its text.
    expect(rows.get('2002')).toMatchObject({
      parentId: rows.get('2001')!.id,
      body: '',
      deletedAt: new Date('2019-04-12T13:00:00Z'),
    })
    expect(rows.get('2003')).toMatchObject({ parentId: rows.get('2002')!.id, authorName: 'Kai', status: 'approved' })
    expect(rows.get('2005')).toMatchObject({ parentId: rows.get('2003')!.id })
    expect(rows.get('2005')!.body).toBe('A deep _reply_, quoting:\n\n> written before it\n\nand `code`.')
    expect(rows.get('2004')).toMatchObject({ status: 'spam', authorName: 'Watch Seller' })
    expect(rows.get('2009')).toMatchObject({ body: '', deletedAt: expect.any(Date) })
    expect([rows.get('2006')!.postId, rows.get('2010')!.postId]).toEqual([about.id, about.id])
    expect(rows.has('2007')).toBe(false)

    // Readers see the thread as Disqus showed it: the deleted comment as [deleted] where it holds up
    // replies, the one nobody answered not at all, no spam, no email.
    const view = (await loadPostView('talking-in-threads', { page: 1 }, db))!
    const ines = view.comments.find((n) => n.comment.authorName === 'Ines')!
    expect(ines.replies.map((r) => [r.comment.authorName, r.comment.deleted])).toEqual([['[deleted]', true]])
    expect(ines.replies[0].replies[0].comment).toMatchObject({
      authorName: 'Kai',
      html: '<p>A reply to a comment its author deleted, written before it in this file.</p>',
    })
    expect(ines.replies[0].replies[0].replies[0].comment.html).not.toContain('script')
    expect(JSON.stringify(view.comments)).not.toMatch(/Cheap watches|Deleted, and nobody|mail\.example|regretted/)

    const before = await snapshot()
    expect(await importDisqus(admin, disqus(), { now: NOW, db })).toMatchObject({ comments: 0, matched: 3 })
    expect(await snapshot()).toEqual({ ...before, audit: before.audit + 1 })
  })

  it('reports progress as it reads, one call per comment', async () => {
    const seen: number[] = []
    await importDisqus(admin, disqus(), { now: NOW, db, onProgress: (done) => seen.push(done) })
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1))
  })

  it('matches threads as old links are followed: scheme, www., trailing slash and query do not matter', async () => {
    const slug = async (url: string, identifier = '') =>
      (await findPostOfOldAddress(url, identifier, NOW, db))?.slug ?? null
    expect(await slug('http://threads.example/2019/04/12/talking-in-threads/')).toBe('talking-in-threads')
    expect(await slug('https://www.threads.example/2019/04/12/talking-in-threads')).toBe('talking-in-threads')
    expect(await slug('https://threads.example/2019/04/12/talking-in-threads/?replytocom=5#respond')).toBe(
      'talking-in-threads',
    )
    expect(await slug('http://threads.example/?p=42')).toBe('talking-in-threads')
    expect(await slug('http://elsewhere.example/x', '42 http://threads.example/?p=42')).toBe('talking-in-threads')
    expect(await slug('http://new.example/posts/talking-in-threads')).toBe('talking-in-threads')
    // Not public yet (scheduled for 2099), or nothing at all: no match.
    expect(await slug('http://threads.example/?p=43')).toBeNull()
    expect(await slug('http://threads.example/2018/01/a-post-that-never-moved/')).toBeNull()
    expect(await slug('not a url %%')).toBeNull()
  })

  it.each([
    [
      'a truncated export',
      async () => text((await readFile(DISQUS, 'utf8')).slice(0, 3000)),
      /^The file is not well-formed XML: unclosed tag: \w+ \(line \d+\)$/,
    ],
    [
      'a DOCTYPE',
      async () =>
        text(
          '<?xml version="1.0"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<disqus xmlns="http://disqus.com"><post/></disqus>',
        ),
      'The file declares a DOCTYPE (entities), which Disqus exports never have; it was refused for safety (line 2)',
    ],
    [
      'a WordPress export',
      async () => createReadStream(WORDPRESS),
      'This is a WordPress export (or another feed), not a Disqus one: import it under “Import from WordPress” (line 9)',
    ],
    [
      'an HTML page',
      async () => text('<html><body>Hi</body></html>'),
      'This is not a Disqus export: it starts with <html>, not <disqus> (line 1)',
    ],
    [
      'malformed XML',
      async () => text('<disqus xmlns="http://disqus.com">\n<thread><link>x</thread>\n</disqus>'),
      'The file is not well-formed XML: unexpected close tag. (line 2)',
    ],
  ])('refuses %s, saying why and where, and changes nothing', async (_what, file, message) => {
    const before = await snapshot()
    const refusal = importDisqus(admin, await file(), { now: NOW, db })
    await expect(refusal).rejects.toBeInstanceOf(ImportFileError)
    await expect(refusal).rejects.toThrow(message)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a Disqus export given as a WordPress one, naming it', async () => {
    await expect(importWordPress(admin, disqus(), { now: NOW, db, download: false })).rejects.toThrow(
      'This is a Disqus export, not a WordPress one: import it under “Comments from Disqus” (line 2)',
    )
  })

  it('lets only admins import', async () => {
    const editor = { ...admin, role: 'editor' as const }
    await expect(importDisqus(editor, disqus(), { now: NOW, db })).rejects.toBeInstanceOf(PermissionDenied)
    await expect(importDisqus(null, disqus(), { now: NOW, db })).rejects.toBeInstanceOf(PermissionDenied)
  })
})
