import type { Instrumentation } from 'next'

// Runs once when the server starts, before it takes requests: every request is stamped with its
// socket's address (for rate limits) and an oversized body refused unread (lib/http/front-door.ts), the database is opened, migrated and, for a new blog, seeded,
// a stop signal lets requests in flight finish, the mail sender and the housekeeping start. A problem stops the server with one sentence
// saying how to fix it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { guardFrontDoor } = await import('./lib/http/front-door')
  guardFrontDoor()
  const { startBlogOrExit } = await import('./lib/operations/startup')
  await startBlogOrExit()
  const { beforeDatabaseCloses, stopGracefullyOnSignal } = await import('./lib/operations/shutdown')
  stopGracefullyOnSignal()
  // Each instance sends the outbox's mail (lib/mail/sender.ts); a stop lets its round finish.
  const { startMailSender } = await import('./lib/mail/sender')
  const stopSending = startMailSender()
  if (stopSending) beforeDatabaseCloses(stopSending)
  // What expires (rate-limit counters, kept forms, unconfirmed comments, old sessions) is forgotten.
  const { startHousekeeping } = await import('./lib/operations/housekeeping')
  const stopHousekeeping = startHousekeeping()
  beforeDatabaseCloses(async () => stopHousekeeping())
}

/** Every error a request meets goes to the log once, with the request's id (never its body). */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { logRequestError } = await import('./lib/log')
  logRequestError(error, request, context)
}
