// Runs once when the server starts, before it takes requests: every request is stamped with its
// socket's address (for rate limits), and the database is opened, migrated and, for a new blog,
// seeded. A problem stops the server with one sentence saying how to fix it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { stampPeerAddresses } = await import('./lib/http/peer-address')
  stampPeerAddresses()
  const { startBlogOrExit } = await import('./lib/startup')
  await startBlogOrExit()
}
