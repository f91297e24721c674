import { signInHostProblem } from '@/lib/public-address'
import { handlers } from './config'

type Handler = (request: Request) => Promise<Response>

// Auth.js's own endpoints (/api/auth/*) build links from the request when no public address is
// known; while that is so, only requests to a loopback host reach it.
const guarded =
  (handler: Handler): Handler =>
  async (request) => {
    const problem = await signInHostProblem(request.headers)
    if (problem) return new Response(problem, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    return handler(request)
  }

/** The route handlers for /api/auth/[...nextauth]. */
export const authRoute = { GET: guarded(handlers.GET as Handler), POST: guarded(handlers.POST as Handler) }
