import { readDatabaseConfig, type DatabaseConfig } from '@/db/config'
import { explainDatabaseError } from '@/db/errors'
import { getDb } from '@/db'
import { prepareDatabase } from '@/db/prepare'
import { ensureAuthSecret, issueOwnerSetupPath } from '@/lib/auth/owner'
import { registerSharedCacheTags } from '@/lib/cache/shared-tags'
import { loadPublicOrigin } from '@/lib/public-address'

/**
 * Opens, migrates and (on a new blog) seeds the database before the server takes requests.
 * On failure it returns one sentence saying what is wrong and how to fix it; it never throws.
 */
export async function startBlog(log: (line: string) => void = console.log): Promise<{ ok: true } | { ok: false; message: string }> {
  let config: DatabaseConfig | undefined
  try {
    config = readDatabaseConfig()
    const { migrated, seeded } = await prepareDatabase(getDb())
    const where = config.kind === 'sqlite' ? `SQLite at ${config.file}` : `PostgreSQL at ${config.host}/${config.database}`
    log(`Plateau: database ready (${where}${migrated.length ? `, applied ${migrated.length} migration(s)` : ''}).`)
    if (seeded) log('Plateau: a new blog — added the demo post "The social media plateau?" with its comments.')
    registerSharedCacheTags()
    await ensureAuthSecret()
    await loadPublicOrigin()
    const setupPath = await issueOwnerSetupPath()
    if (setupPath) {
      const base = process.env.AUTH_URL?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`
      log(`Plateau: this blog has no owner yet. Open ${base}${setupPath} and sign in to become its owner (the link works once, for 7 days).`)
    }
    return { ok: true }
  } catch (error) {
    return { ok: false, message: explainDatabaseError(error, config) }
  }
}

/** For the server's start: prepares the database, or prints why it cannot and exits. */
export async function startBlogOrExit(): Promise<void> {
  const result = await startBlog()
  if (!result.ok) {
    console.error(`\nPlateau cannot start: ${result.message}\n`)
    process.exit(1)
  }
}
