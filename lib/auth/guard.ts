import { notFound, redirect } from 'next/navigation'
import { signInPath } from '@/lib/paths'
import { can, type Capability } from '@/lib/people/permissions'
import { getCurrentUser } from './session'
import type { Viewer } from '@/lib/people/viewer'

/**
 * For admin pages: the signed-in viewer if they have the capability. A signed-out person is sent to
 * sign in and back; anyone else gets the 404 page, so the admin area does not even show it exists.
 */
export async function requirePageCapability(capability: Capability, returnTo: string): Promise<Viewer> {
  const viewer = await getCurrentUser()
  if (!viewer) redirect(signInPath(returnTo))
  if (!can(viewer, capability)) notFound()
  return viewer
}
