import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.
//
// Search follows the site's language. On PostgreSQL each post's search vector is built with the
// text-search configuration named in its own "searchConfig" column (whose default is the site's),
// so switching the language is an UPDATE that rebuilds every vector. (SQLite's FTS5 table is
// recreated with the language's tokenizer instead: db/queries/search.ts.)

/** The generated search vector, built with `config` (a column name or a configuration's name), and its index. */
async function addSearchVector(db: Kysely<any>, config: ReturnType<typeof sql.raw>): Promise<void> {
  await sql`ALTER TABLE post ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(${config}, coalesce(title, '')), 'A') ||
    setweight(to_tsvector(${config}, coalesce(excerpt, '')), 'B') ||
    setweight(to_tsvector(${config}, coalesce(body, '')), 'C')) STORED`.execute(db)
  await sql`CREATE INDEX "post_searchVector_index" ON post USING GIN ("searchVector")`.execute(db)
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`ALTER TABLE post ADD COLUMN "searchConfig" regconfig NOT NULL DEFAULT 'english'`.execute(db)
  await sql`DROP INDEX "post_searchVector_index"`.execute(db)
  await sql`ALTER TABLE post DROP COLUMN "searchVector"`.execute(db)
  await addSearchVector(db, sql.raw('"searchConfig"'))
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`DROP INDEX "post_searchVector_index"`.execute(db)
  await sql`ALTER TABLE post DROP COLUMN "searchVector"`.execute(db)
  await sql`ALTER TABLE post DROP COLUMN "searchConfig"`.execute(db)
  await addSearchVector(db, sql.raw("'english'"))
}
