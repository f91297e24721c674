import { resolveCommentLink } from '@/lib/comments/permalinks'
import { parseId } from '@/lib/params'

// Short comment links, /c/<id>: a permanent redirect to the comment in its post.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const onPost = new URL(request.url).searchParams.get('post')
  const target = await resolveCommentLink((await params).id, parseId(onPost) ?? undefined)
  if (!target)
    return new Response('No such comment.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(null, { status: 301, headers: { Location: target } })
}
