import { describe, expect, it } from 'vitest'
import { insertPost } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { loadSearchView, searchTerms, snippetHtml } from './search'

const found = async (query: string, db: Parameters<typeof loadSearchView>[2]) =>
  (await loadSearchView(query, undefined, db)).results.map((r) => r.slug)

describe.each(await testDialects())('search on $name', (dialect) => {
  const database = useTestDatabase(dialect, 'prepared')

  it('finds posts by words in the title, excerpt or body, a title match first', async () => {
    const db = database()
    await insertPost(db, {
      slug: 'body-only',
      title: 'Notes from the week',
      body: 'Somewhere in here we talk about gardening at length.',
      status: 'published',
      publishedAt: new Date('2024-01-02Z'),
    })
    await insertPost(db, {
      slug: 'in-title',
      title: 'Gardening for beginners',
      body: 'Start small.',
      status: 'published',
      publishedAt: new Date('2020-01-01Z'),
    })
    await insertPost(db, { slug: 'draft', title: 'Gardening secrets', body: 'Not yet.', status: 'draft' })
    expect(await found('gardening', db)).toEqual(['in-title', 'body-only'])
    expect(await found('Social Media plateau', db)).toEqual(['the-social-media-plateau'])
    // Every word must match; stemming finds other forms of a word.
    expect(await found('gardening beginners', db)).toEqual(['in-title'])
    expect(await found('champion', db)).toEqual(['the-social-media-plateau'])
  })

  it('shows a snippet with the matched words marked, and nothing unescaped', async () => {
    const db = database()
    await insertPost(db, {
      slug: 'tricky',
      title: 'Fish',
      body: 'We ate <b>fish</b> & [chips](https://example.com/chips) by the sea.',
      status: 'published',
      publishedAt: new Date(),
    })
    const view = await loadSearchView('chips', undefined, db)
    expect(view.results).toHaveLength(1)
    expect(view.results[0].snippetHtml).toContain('<mark>chips</mark>')
    expect(view.results[0].snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    expect(view.results[0].snippetHtml).not.toContain('example.com')
  })

  it('stays up to date when posts change or go', async () => {
    const db = database()
    const id = await insertPost(db, {
      slug: 'changing',
      title: 'Changing',
      body: 'about turnips',
      status: 'published',
      publishedAt: new Date(),
    })
    expect(await found('turnips', db)).toEqual(['changing'])
    await db.updateTable('post').set({ body: 'about parsnips' }).where('id', '=', id).execute()
    expect(await found('turnips', db)).toEqual([])
    expect(await found('parsnips', db)).toEqual(['changing'])
    await db.updateTable('post').set({ status: 'trash' }).where('id', '=', id).execute()
    expect(await found('parsnips', db)).toEqual([])
    await db.deleteFrom('post').where('id', '=', id).execute()
    expect(await found('parsnips', db)).toEqual([])
  })

  it('pages through results', async () => {
    const db = database()
    await writeSetting(db, 'postsPerPage', 2)
    for (let i = 0; i < 5; i++)
      await insertPost(db, {
        slug: `p${i}`,
        title: `Pebble ${i}`,
        body: 'b',
        status: 'published',
        publishedAt: new Date(Date.UTC(2020, 0, i + 1)),
      })
    const first = await loadSearchView('pebble', '1', db)
    const third = await loadSearchView('pebble', '3', db)
    expect(first).toMatchObject({ hasNext: true, hasPrevious: false })
    expect(third).toMatchObject({ hasNext: false, hasPrevious: true })
    expect(
      new Set(
        [...first.results, ...(await loadSearchView('pebble', '2', db)).results, ...third.results].map((r) => r.slug),
      ).size,
    ).toBe(5)
  })

  it('answers empty, symbol-only, huge and operator-laden queries without an error', async () => {
    const db = database()
    expect(await loadSearchView(undefined, undefined, db)).toMatchObject({ query: '', notice: null, results: [] })
    expect((await loadSearchView('?!* "" ()', undefined, db)).notice).toBe('noWords')
    for (const query of [
      '"social',
      'social AND OR NOT NEAR(',
      'plateau*',
      "social'; drop table post; --",
      'x'.repeat(5000),
      'social '.repeat(300),
      ['a', 'b'],
    ]) {
      await expect(loadSearchView(query, 'x', db)).resolves.toMatchObject({ page: 1 })
    }
    expect(await found('"plateau', db)).toEqual(['the-social-media-plateau'])
  })
})

describe('search terms', () => {
  it('are words of letters and digits, at most eight, each once', () => {
    expect(searchTerms('Hello, World! hello 2024 — ça va? שלום')).toEqual([
      'hello',
      'world',
      '2024',
      'ça',
      'va',
      'שלום',
    ])
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8)
  })
  it('snippets escape everything but their marks', () => {
    expect(snippetHtml('a \u0002<x>\u0003 & "b"')).toBe('a <mark>&#60;x&#62;</mark> &#38; &#34;b&#34;')
    expect(snippetHtml('## Title > quoted **bold** [link](https://x.example/)')).toBe('Title quoted bold link')
  })
})
