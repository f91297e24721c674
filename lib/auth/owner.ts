import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { claimSetting, readSettings, writeSetting } from '@/db/queries/settings'
import { countAdmins, setUserRole } from '@/db/queries/users'
import type { Viewer } from './viewer'

const SETUP_KEY = 'owner.setupTokenHash'
const SECRET_KEY = 'auth.secret'

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Makes sure AUTH_SECRET is set: from the environment, or else the blog's own random secret, made
 * once and kept in the database so every instance and restart shares it. Called at start-up.
 */
export async function ensureAuthSecret(db: DB = getDb()): Promise<void> {
  if (process.env.AUTH_SECRET) return
  await claimSetting(SECRET_KEY, randomBytes(32).toString('base64url'), db)
  process.env.AUTH_SECRET = String((await readSettings(db))[SECRET_KEY])
}

/**
 * While the blog has no admin, makes a new one-time setup token and returns the path that uses it
 * (only its hash is stored). Returns null once there is an admin. Called at start-up.
 */
export async function issueOwnerSetupPath(db: DB = getDb()): Promise<string | null> {
  if ((await countAdmins(db)) > 0) return null
  const token = randomBytes(24).toString('base64url')
  await writeSetting(SETUP_KEY, hash(token), db)
  return `/setup/${token}`
}

/** Makes the signed-in viewer the blog's owner (admin) if `token` is the current setup token; it then stops working. */
export async function claimOwnership(viewer: Viewer | null, token: string, db: DB = getDb()): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!viewer) return { ok: false, message: 'Sign in first, then open the setup link again.' }
  const stored = (await readSettings(db))[SETUP_KEY]
  const given = Buffer.from(hash(token))
  if (typeof stored !== 'string' || stored.length !== given.length || !timingSafeEqual(Buffer.from(stored), given)) {
    return { ok: false, message: 'This setup link has already been used or has been replaced. Restart the server for a new one if the blog still has no owner.' }
  }
  await db.transaction().execute(async (trx) => {
    await setUserRole(viewer.id, 'admin', trx)
    await trx.deleteFrom('setting').where('key', '=', SETUP_KEY).execute()
  })
  return { ok: true }
}
