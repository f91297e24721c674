import http from 'node:http'
import { closeDb } from '@/db'
import { log } from '@/lib/log'

/*
 * Stopping without dropping anything (SIGTERM from systemd, a rolling deploy; SIGINT from a
 * terminal). Next's own handler, registered before this one, stops accepting connections, lets the
 * requests in flight finish, then exits; here /api/ready starts answering 503 so a load balancer
 * looks elsewhere, the database pool is closed once the last request is done, and the whole stop is
 * bounded: after SHUTDOWN_TIMEOUT_SECONDS (default 10) the process exits whatever is still running.
 */

const holder = globalThis as typeof globalThis & {
  __plateauStopping?: boolean
  __plateauStopHandled?: boolean
  __plateauBeforeClose?: (() => Promise<void>)[]
}

/** Work to finish before the database closes (the mail sender's round in flight). */
export function beforeDatabaseCloses(finish: () => Promise<void>): void {
  ;(holder.__plateauBeforeClose ??= []).push(finish)
}

export function isStopping(): boolean {
  return holder.__plateauStopping === true
}

function shutdownTimeoutMs(): number {
  const seconds = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS)
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 10) * 1000
}

function beginStopping(signal: NodeJS.Signals): void {
  if (holder.__plateauStopping) return
  holder.__plateauStopping = true
  const startedAt = Date.now()
  log().info({ event: 'blog.stopping', signal }, 'Stopping: finishing the requests in flight.')
  const exit = process.exit.bind(process)
  setTimeout(() => {
    log().warn(
      { event: 'blog.stop-timeout', afterMs: Date.now() - startedAt },
      'Requests were still running when the stop timed out; exiting anyway.',
    )
    exit(1)
  }, shutdownTimeoutMs()).unref()
  // Next calls process.exit once its last request has finished: close the database first.
  process.exit = ((code?: number) => {
    void Promise.allSettled((holder.__plateauBeforeClose ?? []).map((finish) => finish()))
      .then(() => closeDb())
      .catch((error) =>
        log().warn({ event: 'blog.stop-database', error: String(error) }, 'The database did not close cleanly.'),
      )
      .finally(() => {
        log().info({ event: 'blog.stopped', afterMs: Date.now() - startedAt }, 'Stopped.')
        exit(code)
      })
  }) as typeof process.exit
}

/**
 * Next's stop waits for every connection to close, but Node closes only those idle when the stop
 * begins. A connection whose request finishes afterwards would stay open for its keep-alive (65 s,
 * longer than nginx's, see the README) and hold the stop until its bound: a stopping server closes
 * each connection as soon as it falls idle.
 */
function closeConnectionsAsTheyFallIdle(): void {
  const close = http.Server.prototype.close
  http.Server.prototype.close = function (this: http.Server, callback?: (error?: Error) => void) {
    const sweep = setInterval(() => this.closeIdleConnections(), 50)
    sweep.unref()
    this.once('close', () => clearInterval(sweep))
    return close.call(this, callback)
  } as typeof close
}

/** Called once at start-up (instrumentation.ts). */
export function stopGracefullyOnSignal(): void {
  if (holder.__plateauStopHandled) return
  holder.__plateauStopHandled = true
  closeConnectionsAsTheyFallIdle()
  process.once('SIGTERM', () => beginStopping('SIGTERM'))
  process.once('SIGINT', () => beginStopping('SIGINT'))
}
