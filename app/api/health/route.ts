import { connection } from 'next/server'

// For load balancers: the process is up and answering. (GET /api/ready also checks the database.)
export async function GET() {
  await connection()
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })
}
