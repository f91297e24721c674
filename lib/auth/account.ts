import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { slugify } from '@/lib/posts/slugs'
import { deleteSessionsOf, setUserName, tombstoneUser } from '@/db/queries/users'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/public/tags'
import type { Viewer } from './viewer'
import { siteTranslator } from '@/lib/i18n'

type Result = { ok: true; changes: PublicChanges } | { ok: false; message: string }

const nameSchema = z
  .string()
  .trim()
  // Messages: keys of the catalog's errors.account.
  .min(1, 'nameMissing')
  .max(60, 'nameTooLong')
  .refine((n) => !n.includes('@'), 'nameWithAt')

/** Sets the signed-in person's display name. */
export async function renameAccount(viewer: Viewer | null, name: unknown, db: DB = getDb()): Promise<Result> {
  const t = await siteTranslator('errors.account', db)
  if (!viewer) return { ok: false, message: t('signInToRename') }
  const parsed = nameSchema.safeParse(name)
  if (!parsed.success) return { ok: false, message: t(parsed.error.issues[0].message as 'nameMissing' | 'nameTooLong' | 'nameWithAt') }
  await setUserName(viewer.id, parsed.data, slugify(parsed.data), db)
  // Names appear in cached comment threads and post bylines.
  return { ok: true, changes: publicChanges({ people: true }) }
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(viewer: Viewer | null, db: DB = getDb()): Promise<Result> {
  if (!viewer) return { ok: false, message: (await siteTranslator('errors.account', db))('notSignedIn') }
  await deleteSessionsOf(viewer.id, db)
  return { ok: true, changes: NOTHING_CHANGED }
}

/** Deletes the signed-in person's account: name and email go; their comments stay as "deleted account". */
export async function deleteAccount(viewer: Viewer | null, confirmed: boolean, db: DB = getDb()): Promise<Result> {
  const t = await siteTranslator('errors.account', db)
  if (!viewer) return { ok: false, message: t('notSignedIn') }
  if (!confirmed) return { ok: false, message: t('confirmDelete') }
  await tombstoneUser(viewer.id, db)
  return { ok: true, changes: publicChanges({ people: true }) }
}
