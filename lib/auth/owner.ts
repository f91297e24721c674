import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { refusal, type Result } from '@/lib/result'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { claimSetting, readSettings, takeSetting, takeSettingsStartingWith, writeSetting } from '@/db/queries/settings'
import { configuredOrigin, parseOrigin, savePublicOrigin } from '@/lib/public-address'
import { countAdmins, setUserRole } from '@/db/queries/users'
import { siteTranslator } from '@/lib/i18n'
import type { Viewer } from '@/lib/people/viewer'

/**
 * Each setup token is a setting of its own, `owner.setupToken.<start of its hash>`: every instance
 * that starts on a blog without an owner prints a link of its own, and every printed link works
 * (until one is used, or the seven days pass). Before, one setting held the last instance's token,
 * so with two instances only the link printed last worked. `owner.setupTokenHash`, that old
 * setting, is read as one more token.
 */
const SETUP_PREFIX = 'owner.setupToken'
const setupKey = (tokenHash: string) => `${SETUP_PREFIX}.${tokenHash.slice(0, 24)}`

/** Whether a setting holds an owner setup token (a secret: backups leave it out). */
export const isSetupTokenSetting = (key: string) => key.startsWith(SETUP_PREFIX)
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
    await takeSettingsStartingWith(db, SETUP_PREFIX)
    return null
  }
  // Links that have expired are forgotten; the others keep working beside the new one.
  for (const { key, stored } of await readSetupTokens(db))
    if (new Date(stored.expiresAt) <= now) await takeSetting(db, key, stored)
  const token = randomBytes(24).toString('base64url')
  const stored: StoredSetupToken = {
    hash: hash(token),
    expiresAt: new Date(now.getTime() + SETUP_LINK_DAYS * 86_400_000).toISOString(),
  }
  await writeSetting(db, setupKey(stored.hash), stored)
  return `/setup/${token}`
}

async function readSetupTokens(db: DB): Promise<{ key: string; stored: StoredSetupToken }[]> {
  return Object.entries(await readSettings(db)).flatMap(([key, value]) => {
    const stored = value as Partial<StoredSetupToken> | null
    return key.startsWith(SETUP_PREFIX) && typeof stored?.hash === 'string' && typeof stored.expiresAt === 'string'
      ? [{ key, stored: stored as StoredSetupToken }]
      : []
  })
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
  const given = Buffer.from(hash(claim.token))
  const match = (await readSetupTokens(db)).find(
    ({ stored }) => stored.hash.length === given.length && timingSafeEqual(Buffer.from(stored.hash), given),
  )
  if (!match || new Date(match.stored.expiresAt) <= (claim.now ?? new Date())) return refusal(USED)
  const won = await inTransaction(db, async (trx) => {
    // Every link dies with the first one used: of two claims racing with different links, the one
    // that deleted them all first (the other waits on the rows) finds its own among them.
    if (!(await takeSettingsStartingWith(trx, SETUP_PREFIX)).includes(match.key)) return false
    if ((await countAdmins(trx)) > 0) return false
    await setUserRole(trx, viewer.id, 'admin')
    return true
  })
  if (!won) return refusal(USED)
  if (!configuredOrigin()) await savePublicOrigin(origin, db)
  return { ok: true }
}
