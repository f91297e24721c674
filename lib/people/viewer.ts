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

/** The one name shown, everywhere (pages, feeds, admin, emails), for a person without one: not chosen yet, or a deleted account's. */
export const UNNAMED = 'Anonymous'
