import { readDatabaseConfig, type DatabaseConfig } from '@/db/config'
import { searchInLanguage } from '@/lib/posts/search'
import { renderMissingHtml } from '@/lib/markdown/stored'
import { getSiteSettings } from '@/lib/settings'
import { explainDatabaseError } from '@/db/errors'
import { getDb } from '@/db'
import { prepareDatabase } from '@/db/prepare'
import { ensureAuthSecret, issueOwnerSetupPath } from '@/lib/auth/owner'
import { sql } from 'kysely'
import { registerDatabaseProbe } from '@/lib/operations/availability'
import { registerSharedCacheTags } from '@/lib/public/cache/shared-tags'
import { log as blogLog } from '@/lib/log'
import { loadPublicOrigin } from '@/lib/public-address'

/**
 * Opens, migrates and (on a new blog) seeds the database before the server takes requests.
 * On failure it returns one sentence saying what is wrong and how to fix it; it never throws.
 */
export async function startBlog(
  log: (line: string) => void = (line) => blogLog().info({ event: 'blog.starting' }, line),
): Promise<{ ok: true } | { ok: false; message: string }> {
  let config: DatabaseConfig | undefined
  try {
    config = readDatabaseConfig()
    const { migrated, seeded } = await prepareDatabase(getDb())
    const where =
      config.kind === 'sqlite' ? `SQLite at ${config.file}` : `PostgreSQL at ${config.host}/${config.database}`
    log(`Plateau: database ready (${where}${migrated.length ? `, applied ${migrated.length} migration(s)` : ''}).`)
    if (seeded) log('Plateau: a new blog — added the demo post "The social media plateau?" with its comments.')
    const rendered = await renderMissingHtml(getDb())
    if (rendered > 0)
      log(`Plateau: rendered the HTML of ${rendered} comment(s) and post(s) written before it was stored.`)
    // A restored backup may come from a blog in another language: search reads words in this one's.
    if (await searchInLanguage((await getSiteSettings()).language))
      log('Plateau: rebuilt the search index in the site’s language.')
    registerSharedCacheTags()
    registerDatabaseProbe(() => sql`select 1`.execute(getDb()))
    await ensureAuthSecret()
    await loadPublicOrigin()
    const setupPath = await issueOwnerSetupPath()
    if (setupPath) {
      const base = process.env.AUTH_URL?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`
      // For the owner's eyes, so not in the structured log (it carries the one-time setup token).
      console.log(
        `Plateau: this blog has no owner yet. Open ${base}${setupPath} and sign in to become its owner (the link works once, for 7 days).`,
      )
    }
    blogLog().info(
      { event: 'blog.started', database: config.kind, migrationsApplied: migrated.length, seeded },
      'Plateau is ready.',
    )
    return { ok: true }
  } catch (error) {
    return { ok: false, message: explainDatabaseError(error, config) }
  }
}

/** For the server's start: prepares the database, or prints why it cannot and exits. */
export async function startBlogOrExit(): Promise<void> {
  const result = await startBlog()
  if (!result.ok) {
    blogLog().fatal({ event: 'blog.cannot-start' }, result.message)
    console.error(`\nPlateau cannot start: ${result.message}\n`)
    process.exit(1)
  }
}
