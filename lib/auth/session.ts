import { getDb } from '@/db'
import { findUserById } from '@/db/queries/users'
import { auth } from './config'
import { UNNAMED, type Viewer } from '@/lib/people/viewer'

/** The signed-in person, fresh from the database (role and ban included), or null. Reads cookies. */
export async function getCurrentUser(): Promise<Viewer | null> {
  const session = await auth()
  const id = session?.user?.id
  if (!id) return null
  const user = await findUserById(getDb(), id)
  if (!user || user.deletedAt) return null
  return {
    id,
    name: user.name?.trim() || UNNAMED,
    hasName: !!user.name?.trim(),
    role: user.role,
    banned: user.bannedAt !== null,
  }
}
