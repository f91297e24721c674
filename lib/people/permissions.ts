import { ROLES, type Role } from '@/db/types'
import type { Viewer } from '@/lib/people/viewer'

/** What a role may do. Every admin page and action asks `can` itself; a layout is never the guard. */
export type Capability =
  | 'admin.enter'
  | 'posts.write'
  | 'posts.edit-any'
  | 'comments.moderate'
  | 'people.manage'
  | 'settings.manage'
  | 'audit.read'

const GRANTS: Record<Role, readonly Capability[]> = {
  admin: [
    'admin.enter',
    'posts.write',
    'posts.edit-any',
    'comments.moderate',
    'people.manage',
    'settings.manage',
    'audit.read',
  ],
  editor: ['admin.enter', 'posts.write', 'posts.edit-any', 'comments.moderate'],
  author: ['admin.enter', 'posts.write'],
  commenter: [],
}

export function can(viewer: Viewer | null, capability: Capability): boolean {
  return viewer !== null && !viewer.banned && GRANTS[viewer.role].includes(capability)
}

/** The roles that grant `capability` (who is told of a held comment: those who may moderate). */
export function rolesThat(capability: Capability): Role[] {
  return ROLES.filter((role) => GRANTS[role].includes(capability))
}

/** Thrown when someone without the capability calls an admin function; actions turn it into a refusal. */
export class PermissionDenied extends Error {
  override name = 'PermissionDenied'
  constructor(readonly capability: Capability) {
    super('You do not have permission to do that.')
  }
}

/** Returns the viewer if they may do it; throws PermissionDenied otherwise. */
export function requireCapability(viewer: Viewer | null, capability: Capability): Viewer {
  if (!can(viewer, capability)) throw new PermissionDenied(capability)
  return viewer!
}
