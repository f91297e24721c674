import { createReadStream } from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'
import { postPath } from '@/lib/paths'
import { insertPerson } from '@/lib/testing/people'
import { postForm } from '@/lib/testing/post-form'
import { databaseStorage } from '@/lib/uploads/storage'
import { importWordPress } from '@/lib/wordpress/import'
import { resolveOldAddress } from '@/lib/wordpress/old-addresses'
import { archivePath, loadArchiveView } from '@/lib/posts/archives'
import { savePost } from '@/lib/posts/editing'
import { slugFromAddress, slugify } from '@/lib/slugs'
import { findMovedPost, loadPostView } from '@/lib/posts/views'

const NOW = new Date('2026-06-01T12:00:00.000Z')

/** A title in each script a reader may write in, and the address it makes. */
const SCRIPTS = [
  ['Japanese (kanji, kana with voicing marks)', '東京の夜、ふたたびデザインガイド', '東京の夜-ふたたびデザインガイド'],
  ['Japanese, half-width katakana', 'ｶﾞｲﾄﾞ ﾌﾞｯｸ', 'ガイド-ブック'],
  ['Hindi (Devanagari vowel signs and virama)', 'नमस्ते दुनिया: क्षमा करें', 'नमस्ते-दुनिया-क्षमा-करें'],
  ['Thai (vowels and tone marks, no spaces)', 'สวัสดีชาวโลก ครั้งที่ 2', 'สวัสดีชาวโลก-ครั้งที่-2'],
  ['Korean (Hangul syllables)', '안녕하세요, 세계!', '안녕하세요-세계'],
  ['Arabic', 'مرحبا بالعالم ١٢', 'مرحبا-بالعالم-١٢'],
  ['Russian (й and ё keep their marks)', 'Привет, мир: йогурт и ёлка', 'привет-мир-йогурт-и-ёлка'],
  [
    'accented Latin (accents go, as in WordPress)',
    'Café déjà vu — Straße, Ærø, Łódź',
    'cafe-deja-vu-strasse-aero-lodz',
  ],
] as const

describe('slugify', () => {
  it.each(SCRIPTS)('makes a readable address from a title in %s', (_, title, slug) => {
    expect(slugify(title)).toBe(slug)
    // Composed (NFC), so the same title typed decomposed gives the same address…
    expect(slugify(title.normalize('NFD'))).toBe(slug)
    expect(slug.normalize('NFC')).toBe(slug)
    // …and it survives a trip through a link: encoded by the page, decoded from the address.
    expect(slugFromAddress(postPath(slug).slice('/posts/'.length))).toBe(slug)
    expect(slugFromAddress(encodeURIComponent(slug.normalize('NFD')))).toBe(slug)
  })

  it('joins a word across an apostrophe and drops invisible joiners, as WordPress does', () => {
    expect(slugify("Don’t stop: it's fine")).toBe('dont-stop-its-fine')
    expect(slugify('می‌خواهم')).toBe('میخواهم')
  })

  it('cuts a long title at 80 characters as a reader counts them, never inside a letter', () => {
    const hindi = slugify('क्षमा '.repeat(40))
    expect([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(hindi)].length).toBeLessThanOrEqual(
      80,
    )
    expect(hindi.length).toBeGreaterThan(60)
    // The last character is whole: no dangling virama or vowel sign, no half of a surrogate pair.
    expect(slugify('क्षमा '.repeat(40)).startsWith(hindi)).toBe(true)
    expect(hindi).toMatch(/[क्षमा]$/u)
    expect(hindi).not.toMatch(/[\u094D-]$/u)
    const cjkExtensionB = slugify(`a${'𠀀'.repeat(100)}`)
    expect(cjkExtensionB).not.toMatch(/\p{Cs}/u)
    expect(cjkExtensionB).toBe(`a${'𠀀'.repeat(79)}`)
    expect(slugify('word '.repeat(30))).not.toMatch(/-$/)
  })

  it('gives nothing for a title with no letters or digits', () => {
    expect(slugify('!!! — ???')).toBe('')
  })

  it('reads a malformed escape in an address as itself (a 404), not an error', () => {
    expect(slugFromAddress('%E0%A4%A')).toBe('%E0%A4%A')
  })
})

describe.each(await testDialects())('addresses in every script on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let author: Viewer

  beforeEach(async () => {
    db = database()
    author = await insertPerson(db, 'editor')
  })

  it('publishes a post with each script’s title at its address, found however the address is written', async () => {
    for (const [, title, slug] of SCRIPTS) {
      const saved = await savePost(
        author,
        null,
        postForm({ title, tags: title.split(/[ ,、:]/)[0], intent: 'publish' }),
        NOW,
        db,
      )
      expect(saved).toMatchObject({ ok: true, slug })
      const encoded = postPath(slug).slice('/posts/'.length)
      for (const asked of [slug, encoded, encodeURIComponent(slug.normalize('NFD')), slug.normalize('NFD')]) {
        expect((await loadPostView(slugFromAddress(asked), undefined, db))?.post.title, `${title} as ${asked}`).toBe(
          title,
        )
      }
      // Its tag's archive answers at the tag's own encoded address.
      const tagAddress = archivePath({ kind: 'tag', slug: slugify(title.split(/[ ,、:]/)[0]) }).slice('/tags/'.length)
      expect(
        (await loadArchiveView({ kind: 'tag', slug: slugFromAddress(tagAddress) }, 1, db))?.posts.map((p) => p.title),
      ).toEqual([title])
    }
  })

  it('keeps a renamed post’s old address in its script answering, however the old address is written', async () => {
    const saved = await savePost(author, null, postForm({ title: '東京の夜', intent: 'publish' }), NOW, db)
    if (!saved.ok) throw new Error(JSON.stringify(saved))
    const version = (
      await db.selectFrom('post').select('updatedAt').where('id', '=', saved.id).executeTakeFirstOrThrow()
    ).updatedAt
    expect(
      await savePost(
        author,
        saved.id,
        postForm({ title: '東京の夜', slug: '大阪の朝', version: new Date(version).toISOString() }),
        NOW,
        db,
      ),
    ).toMatchObject({ ok: true, slug: '大阪の朝' })
    for (const asked of ['東京の夜', encodeURIComponent('東京の夜'), encodeURIComponent('東京の夜'.normalize('NFD'))]) {
      expect(await findMovedPost(slugFromAddress(asked), db), asked).toBe('大阪の朝')
    }
  })

  it('imports WordPress’s percent-encoded slugs as the same addresses, and their old links answer', async () => {
    const admin = await insertPerson(db, 'admin')
    const file = createReadStream(path.join(import.meta.dirname, 'wordpress/fixtures/scripts.xml'))
    const report = await importWordPress(admin, file, { now: NOW, db, storage: databaseStorage, download: false })
    expect(report).toMatchObject({ posts: 7 })
    const rows = await db.selectFrom('post').select(['title', 'slug']).orderBy('legacyId').execute()
    expect(rows).toEqual([
      { title: '東京の夜、ふたたび', slug: '東京の夜-ふたたび' },
      { title: 'नमस्ते दुनिया', slug: 'नमस्ते-दुनिया' },
      { title: 'สวัสดีชาวโลก', slug: 'สวัสดีชาวโลก' },
      { title: '안녕하세요 세계', slug: '안녕하세요-세계' },
      { title: 'مرحبا بالعالم', slug: 'مرحبا-بالعالم' },
      { title: 'Привет, мир', slug: 'привет-мир' },
      { title: 'Café déjà vu', slug: 'cafe-deja-vu' },
    ])
    for (const [index, { slug }] of rows.entries()) {
      // The old link, as the export writes it (lower-case escapes) and as a browser sends it (upper-case).
      const day = String(index + 1).padStart(2, '0')
      const link = (await db.selectFrom('post').select('legacyId').where('slug', '=', slug).executeTakeFirstOrThrow())
        .legacyId
      expect(link).toBe(500 + index)
      const oldSlug = index === 0 ? '東京の夜、ふたたび' : index === 6 ? 'cafe-deja-vu' : slug
      for (const escaped of [encodeURIComponent(oldSlug).toLowerCase(), encodeURIComponent(oldSlug)]) {
        expect(
          await resolveOldAddress({ segments: ['2021', '05', day, escaped] }, NOW, db),
          `${slug} from ${escaped}`,
        ).toBe(postPath(slug))
      }
    }
  })
})
