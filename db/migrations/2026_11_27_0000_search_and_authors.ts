import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this file imports nothing from the app and must never change once released.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter

  // Full-text search over title (weighted most), excerpt and body.
  if (pg) {
    await sql`ALTER TABLE post ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED`.execute(db)
    await sql`CREATE INDEX "post_searchVector_index" ON post USING GIN ("searchVector")`.execute(db)
  } else {
    // An external-content FTS5 table: it stores only the index; triggers keep it in step with post.
    await sql`CREATE VIRTUAL TABLE "postSearch" USING fts5(title, excerpt, body, content='post', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(
      db,
    )
    await sql`CREATE TRIGGER "post_search_insert" AFTER INSERT ON post BEGIN
      INSERT INTO "postSearch"(rowid, title, excerpt, body) VALUES (new.id, new.title, new.excerpt, new.body);
    END`.execute(db)
    await sql`CREATE TRIGGER "post_search_delete" AFTER DELETE ON post BEGIN
      INSERT INTO "postSearch"("postSearch", rowid, title, excerpt, body) VALUES ('delete', old.id, old.title, old.excerpt, old.body);
    END`.execute(db)
    await sql`CREATE TRIGGER "post_search_update" AFTER UPDATE OF title, excerpt, body ON post BEGIN
      INSERT INTO "postSearch"("postSearch", rowid, title, excerpt, body) VALUES ('delete', old.id, old.title, old.excerpt, old.body);
      INSERT INTO "postSearch"(rowid, title, excerpt, body) VALUES (new.id, new.title, new.excerpt, new.body);
    END`.execute(db)
    await sql`INSERT INTO "postSearch"("postSearch") VALUES ('rebuild')`.execute(db)
  }

  // Author pages live at /authors/<slug>; a slug is given when a person first has a name.
  await db.schema.alterTable('User').addColumn('slug', 'text').execute()
  await db.schema.createIndex('User_slug_unique').on('User').column('slug').unique().execute()
  const named = await db
    .selectFrom('User')
    .select(['id', 'name'])
    .where('name', 'is not', null)
    .orderBy('createdAt')
    .execute()
  const taken = new Set<string>()
  for (const user of named as { id: string; name: string }[]) {
    const base =
      user.name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'author'
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    await db.updateTable('User').set({ slug }).where('id', '=', user.id).execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema.dropIndex('User_slug_unique').execute()
  await db.schema.alterTable('User').dropColumn('slug').execute()
  if (pg) {
    await sql`DROP INDEX "post_searchVector_index"`.execute(db)
    await sql`ALTER TABLE post DROP COLUMN "searchVector"`.execute(db)
  } else {
    for (const trigger of ['post_search_insert', 'post_search_delete', 'post_search_update'])
      await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db)
    await sql`DROP TABLE "postSearch"`.execute(db)
  }
}
