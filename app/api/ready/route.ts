import { connection } from 'next/server'
import { checkReadiness } from '@/lib/operations/health'

// For load balancers: 200 when this instance can serve (database reachable, migrations applied),
// 503 with the reason otherwise.
export async function GET() {
  await connection()
  const readiness = await checkReadiness()
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
