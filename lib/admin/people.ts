import { z } from 'zod'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertAuditEntries } from '@/db/queries/audit'
import { spamPendingCommentsOf } from '@/db/queries/moderation-queue'
import {
  countAdmins,
  deleteSessionsOf,
  findUserByEmail,
  findUserById,
  listPeople,
  setUserBanned,
  setUserRole,
} from '@/db/queries/users'
import { ROLES } from '@/db/types'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { siteTranslator } from '@/lib/i18n'
import { refusal, type Result } from '@/lib/result'

export const PEOPLE_PAGE_SIZE = 50

/** Done or refused, each with its sentence for the people page. */
type Said = Result<{ message: string }>

/** What these say to whoever asked, in the site's language. */
const sentences = (db: DB) => siteTranslator('admin.people', db)

/** Everyone with an account, with role, comment count and joined date. Admins only; throws PermissionDenied. */
export async function loadPeople(viewer: Viewer | null, page: number, db: DB = getDb()) {
  requireCapability(viewer, 'people.manage')
  const p = Number.isSafeInteger(page) && page > 0 ? page : 1
  const rows = await listPeople(db, { limit: PEOPLE_PAGE_SIZE + 1, offset: (p - 1) * PEOPLE_PAGE_SIZE })
  return { page: p, people: rows.slice(0, PEOPLE_PAGE_SIZE), hasNext: rows.length > PEOPLE_PAGE_SIZE }
}

/** Changes a person's role; an admin cannot give up the blog's last admin role. Admins only. */
export async function changeRole(
  viewer: Viewer | null | 'command-line',
  userId: string,
  role: unknown,
  db: DB = getDb(),
): Promise<Said> {
  // Whoever runs `npm run user` on the server may; the audit log records the command line (no actor).
  const actorId = viewer === 'command-line' ? null : requireCapability(viewer, 'people.manage').id
  const parsed = z.enum(ROLES).safeParse(role)
  const t = await sentences(db)
  if (!parsed.success) return refusal(t('chooseRole'))
  const person = await findUserById(db, userId)
  if (!person || person.deletedAt) return refusal(t('noAccount'))
  if (person.role === 'admin' && parsed.data !== 'admin' && (await countAdmins(db)) <= 1) {
    return refusal(t('lastAdmin'))
  }
  await inTransaction(db, async (trx) => {
    await setUserRole(trx, userId, parsed.data)
    await insertAuditEntries(trx, [
      {
        actorId,
        action: 'user.role',
        subject: `user:${userId}`,
        detail: { from: person.role, to: parsed.data, ...(actorId ? {} : { via: 'command line' }) },
      },
    ])
  })
  return { ok: true, message: t('nowRole', { name: person.name ?? t('thatPerson'), role: parsed.data }) }
}

/** `npm run user -- role <email> <role>`: changeRole for the person with that email, with the same guard and audit. */
export async function changeRoleByEmail(
  viewer: 'command-line',
  email: string,
  role: unknown,
  db: DB = getDb(),
): Promise<Said> {
  const person = await findUserByEmail(db, email.trim().toLowerCase())
  const t = await sentences(db)
  if (!person || person.deletedAt) return refusal(t('notSignedIn', { email }))
  const result = await changeRole(viewer, person.id, role, db)
  return result.ok ? { ok: true, message: t('nowRole', { name: email, role: String(role) }) } : result
}

/**
 * Bans a person: every session ends at once, they can no longer comment, and their held comments go
 * to spam. Or lifts a ban. Admins only; nobody can ban themselves.
 */
export async function setBan(viewer: Viewer | null, userId: string, banned: boolean, db: DB = getDb()): Promise<Said> {
  const actor = requireCapability(viewer, 'people.manage')
  const t = await sentences(db)
  if (userId === actor.id) return refusal(t('cannotBanSelf'))
  const person = await findUserById(db, userId)
  if (!person || person.deletedAt) return refusal(t('noAccount'))
  const name = person.name ?? t('thatPerson')
  await inTransaction(db, async (trx) => {
    await setUserBanned(trx, userId, banned ? new Date() : null)
    let spammed = 0
    if (banned) {
      await deleteSessionsOf(trx, userId)
      spammed = await spamPendingCommentsOf(trx, userId)
    }
    await insertAuditEntries(trx, [
      {
        actorId: actor.id,
        action: banned ? 'user.ban' : 'user.unban',
        subject: `user:${userId}`,
        detail: { heldCommentsToSpam: spammed },
      },
    ])
  })
  return { ok: true, message: banned ? t('isBanned', { name }) : t('isUnbanned', { name }) }
}
