import { can } from '@/lib/people/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { linkOrigin, loadPublicOrigin } from '@/lib/public-address'
import { exportWordPress } from '@/lib/wordpress/export'

// The whole blog as a WordPress export (WXR 1.2), streamed as a download. Admins only.
export async function GET() {
  const viewer = await getCurrentUser()
  if (!can(viewer, 'settings.manage'))
    return new Response('Only admins can export the blog.', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  const encoder = new TextEncoder()
  await loadPublicOrigin()
  const origin = linkOrigin()
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await exportWordPress(viewer, (chunk) => controller.enqueue(encoder.encode(chunk)), { origin })
        controller.close()
      } catch (error) {
        controller.error(error)
      }
    },
  })
  const day = new Date().toISOString().slice(0, 10)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="plateau-export-${day}.xml"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
