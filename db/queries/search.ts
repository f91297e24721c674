import { PostgresAdapter, sql, type Kysely } from 'kysely'
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
 * (letters and digits only); the caller cleans what a person typed. `config` is the PostgreSQL
 * text-search configuration of the site's language (the index's: see setSearchLanguage).
 */
export async function searchPosts(
  db: Kysely<Database>,
  {
    terms,
    limit,
    offset,
    config = 'english',
    now = new Date(),
  }: { terms: string[]; limit: number; offset: number; config?: string; now?: Date },
): Promise<SearchHitRow[]> {
  if (terms.length === 0) return []
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  const hits = pg
    ? sql<{ id: number; rank: number; snippet: string }>`(
        select post.id, -ts_rank(post."searchVector", q) as rank,
          ts_headline(post."searchConfig", coalesce(post.excerpt, '') || ' ' || post.body, q,
            'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
        from post, plainto_tsquery(${config}::regconfig, ${terms.join(' ')}) as q
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

/** How the search index reads words: PostgreSQL's text-search configuration, or SQLite FTS5's tokenizer. */
export interface SearchLanguage {
  postgres: string
  sqlite: string
}

const FTS_TABLE = (tokenizer: string) =>
  sql`CREATE VIRTUAL TABLE "postSearch" USING fts5(title, excerpt, body, content='post', content_rowid='id', tokenize=${sql.lit(tokenizer)})`

/** Whether the search index already reads words as `language` says. */
export async function searchIndexReads(db: Kysely<Database>, language: SearchLanguage): Promise<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{
      config: string
    }>`SELECT column_default AS config FROM information_schema.columns WHERE table_name = 'post' AND column_name = 'searchConfig'`.execute(
      db,
    )
    return rows[0]?.config === `'${language.postgres}'::regconfig`
  }
  const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'postSearch'`.execute(db)
  return rows[0]?.sql.includes(`tokenize='${language.sqlite}'`) ?? false
}

/**
 * Rebuilds the search index to read words as `language` says: on PostgreSQL every post's vector is
 * rebuilt with the new configuration (and new posts get it by default); on SQLite the FTS5 table is
 * made anew with the new tokenizer (a table's tokenizer is fixed) and filled from the posts. Run it
 * in the transaction that changes the site's language.
 */
export async function setSearchLanguage(db: Kysely<Database>, language: SearchLanguage): Promise<void> {
  if (!/^[a-z]+$/.test(language.postgres) || !/^[a-z0-9_ ]+$/.test(language.sqlite))
    throw new Error(`Not a search language: ${JSON.stringify(language)}`)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE post ALTER COLUMN "searchConfig" SET DEFAULT ${sql.lit(language.postgres)}::regconfig`.execute(
      db,
    )
    await sql`UPDATE post SET "searchConfig" = ${language.postgres}::regconfig WHERE "searchConfig" <> ${language.postgres}::regconfig`.execute(
      db,
    )
    return
  }
  await sql`DROP TABLE IF EXISTS "postSearch"`.execute(db)
  await FTS_TABLE(language.sqlite).execute(db)
  await sql`INSERT INTO "postSearch"("postSearch") VALUES ('rebuild')`.execute(db)
}
