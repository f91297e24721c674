import { getCurrentUser } from '@/lib/auth/session'
import { loadRespondState } from '@/lib/comments/respond'
import { parseId } from '@/lib/params'

// The signed-in parts of a post page, fetched by its island after load so the page itself stays
// cached and the same for everyone.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const postId = parseId((await params).id)
  if (postId === null) return Response.json({ error: 'No such post' }, { status: 404 })
  const state = await loadRespondState(await getCurrentUser(), postId, {})
  return Response.json(state, { headers: { 'Cache-Control': 'private, no-store' } })
}
