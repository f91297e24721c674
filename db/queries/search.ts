import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { getDb } from '..'
import type { Database } from '../types'
import { postSummaryColumns, type PostSummaryRow, withCount } from './posts'
import { isLive } from './visibility'

/** Around the matched words in a snippet (control characters: they cannot occur in a post). */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

export interface SearchHitRow extends PostSummaryRow {
  /** Plain text from the post with the matched words between MATCH_START and MATCH_END. */
  snippet: string
}

/**
 * Live posts containing every one of `terms` in their title, excerpt or body, best match first
 * (a word in the title counts most), each with a snippet around the match — one query, on SQLite
 * through FTS5 and on PostgreSQL through a tsvector with a GIN index. `terms` are plain words
 * (letters and digits only); the caller cleans what a person typed.
 */
export async function searchPosts(
  { terms, limit, offset, now = new Date() }: { terms: string[]; limit: number; offset: number; now?: Date },
  db: Kysely<Database> = getDb(),
): Promise<SearchHitRow[]> {
  if (terms.length === 0) return []
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const hits = pg
    ? sql<{ id: number; rank: number; snippet: string }>`(
        select post.id, -ts_rank(post."searchVector", q) as rank,
          ts_headline('english', coalesce(post.excerpt, '') || ' ' || post.body, q,
            'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from post, plainto_tsquery('english', ${terms.join(' ')}) as q
        where post."searchVector" @@ q)`
    : sql<{ id: number; rank: number; snippet: string }>`(
        select rowid as id, bm25("postSearch", 10.0, 4.0, 1.0) as rank,
          snippet("postSearch", -1, char(2), char(3), '…', 24) as snippet
        from "postSearch" where "postSearch" match ${terms.map((t) => `"${t}"`).join(' ')})`
  const rows = await db
    .selectFrom('post')
    .innerJoin(hits.as('hit'), 'hit.id', 'post.id')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select((eb) => [...postSummaryColumns(eb), 'hit.snippet'])
    .where((eb) => isLive(eb, now))
    .orderBy('hit.rank')
    .orderBy('post.publishedAt', 'desc')
    .orderBy('post.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(withCount)
}
