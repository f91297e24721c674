import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { slugify } from '@/lib/posts/slugs'
import { deleteSessionsOf, setUserName, tombstoneUser } from '@/db/queries/users'
import { NOTHING_CHANGED, publicChanges, type PublicChanges } from '@/lib/public/tags'
import type { Viewer } from './viewer'

type Result = { ok: true; changes: PublicChanges } | { ok: false; message: string }

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name others should see.')
  .max(60, 'A display name can be at most 60 characters.')
  .refine((n) => !n.includes('@'), 'A display name cannot contain “@”, so it is never mistaken for an email address.')

/** Sets the signed-in person's display name. */
export async function renameAccount(viewer: Viewer | null, name: unknown, db: DB = getDb()): Promise<Result> {
  if (!viewer) return { ok: false, message: 'Sign in to change your display name.' }
  const parsed = nameSchema.safeParse(name)
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message }
  await setUserName(viewer.id, parsed.data, slugify(parsed.data), db)
  // Names appear in cached comment threads and post bylines.
  return { ok: true, changes: publicChanges({ people: true }) }
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(viewer: Viewer | null, db: DB = getDb()): Promise<Result> {
  if (!viewer) return { ok: false, message: 'You are not signed in.' }
  await deleteSessionsOf(viewer.id, db)
  return { ok: true, changes: NOTHING_CHANGED }
}

/** Deletes the signed-in person's account: name and email go; their comments stay as "deleted account". */
export async function deleteAccount(viewer: Viewer | null, confirmed: boolean, db: DB = getDb()): Promise<Result> {
  if (!viewer) return { ok: false, message: 'You are not signed in.' }
  if (!confirmed) return { ok: false, message: 'Tick the box to confirm that you want to delete your account.' }
  await tombstoneUser(viewer.id, db)
  return { ok: true, changes: publicChanges({ people: true }) }
}
