import { z } from 'zod'
import { refusal, type Changed } from '@/lib/result'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { slugify } from '@/lib/slugs'
import { deleteSessionsOf, setUserName, tombstoneUser } from '@/db/queries/users'
import { NOTHING_CHANGED, publicChanges } from '@/lib/changes'
import type { Viewer } from '@/lib/people/viewer'
import { siteTranslator } from '@/lib/i18n'

const nameSchema = z
  .string()
  .trim()
  // Messages: keys of the catalog's errors.account.
  .min(1, 'nameMissing')
  .max(60, 'nameTooLong')
  .refine((n) => !n.includes('@'), 'nameWithAt')

/** Sets the signed-in person's display name. */
export async function renameAccount(viewer: Viewer | null, name: unknown, db: DB = getDb()): Promise<Changed> {
  const t = await siteTranslator('errors.account', db)
  if (!viewer) return refusal(t('signInToRename'), { field: 'name' })
  const parsed = nameSchema.safeParse(name)
  if (!parsed.success)
    return refusal(t(parsed.error.issues[0].message as 'nameMissing' | 'nameTooLong' | 'nameWithAt'), { field: 'name' })
  await setUserName(db, viewer.id, parsed.data, slugify(parsed.data))
  // Names appear in cached comment threads and post bylines.
  return { ok: true, changes: publicChanges({ people: true }) }
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(viewer: Viewer | null, db: DB = getDb()): Promise<Changed> {
  if (!viewer) return refusal((await siteTranslator('errors.account', db))('notSignedIn'))
  await deleteSessionsOf(db, viewer.id)
  return { ok: true, changes: NOTHING_CHANGED }
}

/** Deletes the signed-in person's account: name and email go; their comments stay as "deleted account". */
export async function deleteAccount(viewer: Viewer | null, confirmed: boolean, db: DB = getDb()): Promise<Changed> {
  const t = await siteTranslator('errors.account', db)
  if (!viewer) return refusal(t('notSignedIn'), { field: 'confirm' })
  if (!confirmed) return refusal(t('confirmDelete'), { field: 'confirm' })
  await tombstoneUser(db, viewer.id)
  return { ok: true, changes: publicChanges({ people: true }) }
}
