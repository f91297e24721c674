import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { refusal, type Result } from '@/lib/result'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { claimSetting, readSettings, takeSetting, writeSetting } from '@/db/queries/settings'
import { configuredOrigin, parseOrigin, savePublicOrigin } from '@/lib/public-address'
import { countAdmins, setUserRole } from '@/db/queries/users'
import { siteTranslator } from '@/lib/i18n'
import type { Viewer } from '@/lib/people/viewer'

const SETUP_KEY = 'owner.setupTokenHash'
const SECRET_KEY = 'auth.secret'

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Makes sure AUTH_SECRET is set: from the environment, or else the blog's own random secret, made
 * once and kept in the database so every instance and restart shares it. Called at start-up.
 */
export async function ensureAuthSecret(db: DB = getDb()): Promise<void> {
  if (process.env.AUTH_SECRET) return
  await claimSetting(db, SECRET_KEY, randomBytes(32).toString('base64url'))
  process.env.AUTH_SECRET = String((await readSettings(db))[SECRET_KEY])
}

/** How long a setup link works. */
export const SETUP_LINK_DAYS = 7

interface StoredSetupToken {
  hash: string
  expiresAt: string
}

/**
 * While the blog has no admin, makes a new one-time setup token, valid for SETUP_LINK_DAYS, and
 * returns the path that uses it (only its hash is stored). Returns null once there is an admin, and
 * the token then dies. Called at start-up.
 */
export async function issueOwnerSetupPath(
  { now = new Date() }: { now?: Date } = {},
  db: DB = getDb(),
): Promise<string | null> {
  if ((await countAdmins(db)) > 0) {
    await readSetupToken(db).then((stored) => stored && takeSetting(db, SETUP_KEY, stored))
    return null
  }
  const token = randomBytes(24).toString('base64url')
  const stored: StoredSetupToken = {
    hash: hash(token),
    expiresAt: new Date(now.getTime() + SETUP_LINK_DAYS * 86_400_000).toISOString(),
  }
  await writeSetting(db, SETUP_KEY, stored)
  return `/setup/${token}`
}

async function readSetupToken(db: DB): Promise<StoredSetupToken | null> {
  const stored = (await readSettings(db))[SETUP_KEY] as Partial<StoredSetupToken> | undefined
  return typeof stored?.hash === 'string' && typeof stored.expiresAt === 'string' ? (stored as StoredSetupToken) : null
}

export interface OwnershipClaim {
  token: string
  /** The public address the owner confirms; required unless AUTH_URL sets it. */
  address?: string
  now?: Date
}

/**
 * Makes the signed-in viewer the blog's owner (admin) if `token` is the current, unexpired setup token
 * and the blog has no admin yet, and stores the public address they confirm. The token is taken
 * atomically, so of two racing claims one wins. Returns a refusal with a sentence otherwise.
 */
export async function claimOwnership(viewer: Viewer | null, claim: OwnershipClaim, db: DB = getDb()): Promise<Result> {
  const t = await siteTranslator('setup', db)
  const USED = t('used')
  if (!viewer) return refusal(t('signInFirst'))
  if (viewer.banned) return refusal(USED)
  const origin = configuredOrigin() ?? parseOrigin(claim.address)
  if (!origin) return refusal(t('enterAddress'), { field: 'address' })
  const stored = await readSetupToken(db)
  const given = Buffer.from(hash(claim.token))
  const matches =
    stored !== null && stored.hash.length === given.length && timingSafeEqual(Buffer.from(stored.hash), given)
  if (!matches || new Date(stored.expiresAt) <= (claim.now ?? new Date())) return refusal(USED)
  const won = await inTransaction(db, async (trx) => {
    if (!(await takeSetting(trx, SETUP_KEY, stored))) return false
    if ((await countAdmins(trx)) > 0) return false
    await setUserRole(trx, viewer.id, 'admin')
    return true
  })
  if (!won) return refusal(USED)
  if (!configuredOrigin()) await savePublicOrigin(origin, db)
  return { ok: true }
}
