import type { Role } from '@/db/types'

/** The signed-in person as the domain sees them; null is a signed-out reader. */
export interface Viewer {
  id: string
  /** What others see; never derived from the email address. */
  name: string
  hasName: boolean
  role: Role
  banned: boolean
}

export const MODERATOR_ROLES: readonly Role[] = ['admin', 'editor']

/** Whether the viewer moderates comments: an editor or admin who is not banned (a ban removes every power). */
export function isModerator(viewer: Viewer | null): boolean {
  return viewer !== null && !viewer.banned && MODERATOR_ROLES.includes(viewer.role)
}

/** The name shown for a person who has not chosen one yet. */
export const UNNAMED = 'Anonymous reader'
