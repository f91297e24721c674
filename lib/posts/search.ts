import type { DB } from '@/db'
import { getDb } from '@/db'
import { MATCH_END, MATCH_START, searchIndexReads, searchPosts, setSearchLanguage } from '@/db/queries/search'
import { type Language, LANGUAGES } from '@/lib/i18n/languages'
import { getSiteSettings, publicSiteInfo, type PublicSiteInfo } from '@/lib/settings'
import { type PostSummary, toSummary } from './views'
import { parsePage } from '@/lib/params'

const MAX_QUERY_LENGTH = 200
const MAX_TERMS = 8
const MAX_TERM_LENGTH = 40

/** The words of what someone typed: letters and digits only, at most 8, lower case. */
export function searchTerms(query: string): string[] {
  const words =
    query
      .slice(0, MAX_QUERY_LENGTH)
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS)
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A snippet as safe HTML: the text escaped, Markdown's link targets and markup characters dropped,
 * and the matched words in <mark>.
 */
export function snippetHtml(snippet: string): string {
  const text = snippet
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/(^|\s)(#{1,6}|>)(?=\s)/g, '$1')
    .replace(/[*_`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return escapeHtml(text).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>')
}

export interface SearchView {
  site: PublicSiteInfo
  /** What was searched for, as typed (trimmed). */
  query: string
  /** Why nothing was searched: too many searches from one client, or a query with no words in it. */
  notice: 'limited' | 'noWords' | null
  page: number
  hasPrevious: boolean
  hasNext: boolean
  results: (PostSummary & { snippetHtml: string })[]
}

/** Page `page` of the posts matching `rawQuery`, best first. Never throws on what a person typed. Public. */
export async function loadSearchView(rawQuery: unknown, rawPage: unknown, db: DB = getDb()): Promise<SearchView> {
  const site = await getSiteSettings(db)
  const query = typeof rawQuery === 'string' ? rawQuery.trim().slice(0, MAX_QUERY_LENGTH) : ''
  const page = parsePage(rawPage) ?? 1
  const base = { site: publicSiteInfo(site), query, page, hasPrevious: false, hasNext: false, results: [] }
  if (!query) return { ...base, notice: null }
  const terms = searchTerms(query)
  if (terms.length === 0) return { ...base, notice: 'noWords' }
  const size = site.postsPerPage
  const rows = await searchPosts(db, {
    terms,
    limit: size + 1,
    offset: (page - 1) * size,
    config: LANGUAGES[site.language].search.postgres,
  })
  return {
    ...base,
    notice: null,
    hasPrevious: page > 1,
    hasNext: rows.length > size,
    results: rows.slice(0, size).map((r) => ({ ...toSummary(r, site.language), snippetHtml: snippetHtml(r.snippet) })),
  }
}

/**
 * Makes the search index read words in `language` (stems, stop words, folding: lib/i18n/languages.ts),
 * rebuilding it if it reads another: when the site's language changes (in that transaction) and at
 * start-up (a restored backup may hold another language). Returns whether it rebuilt.
 */
export async function searchInLanguage(language: Language, db: DB = getDb()): Promise<boolean> {
  const wanted = LANGUAGES[language].search
  if (await searchIndexReads(db, wanted)) return false
  await setSearchLanguage(db, wanted)
  return true
}
