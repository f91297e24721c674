import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import { REQUEST_ID_HEADER } from '@/lib/request-id'

/*
 * The blog's log: one JSON line per event on stdout (pino), for whatever collects the server's
 * output. Events name what happened and the ids involved — never an email address, a token or what
 * someone wrote. As a second guard every line is scrubbed of anything shaped like an email address
 * before it is written (errors from drivers can quote the rows they failed on).
 *
 * The one deliberate exception is not here: with no SMTP_URL (a blog on its owner's laptop), a
 * sign-in link is printed for the owner to open (lib/auth/config.ts).
 */

const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g

function scrubbing(write: (line: string) => void): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      write(String(chunk).replace(EMAIL, '[email]'))
      done()
    },
  })
}

function create(write: (line: string) => void, level: string): Logger {
  return pino(
    {
      base: { app: 'plateau', pid: process.pid },
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Names that would carry what must never be logged, wherever a caller puts them.
      redact: {
        paths: ['email', '*.email', 'token', '*.token', 'body', '*.body', 'url', '*.url', 'cookie', '*.cookie'],
        censor: '[redacted]',
      },
    },
    scrubbing(write),
  )
}

// On globalThis: Next bundles server code into several chunks, and the cache handler (a plain
// module) logs through the same logger.
const holder = globalThis as typeof globalThis & { __plateauLog?: Logger }

export function log(): Logger {
  return (holder.__plateauLog ??= create((line) => process.stdout.write(line), process.env.LOG_LEVEL || 'info'))
}

/** For tests: sends the log's lines to `lines` until the returned function is called. */
export function captureLog(lines: string[]): () => void {
  const previous = holder.__plateauLog
  holder.__plateauLog = create((line) => lines.push(...line.split('\n').filter(Boolean)), 'info')
  return () => {
    holder.__plateauLog = previous
  }
}

/** What an error may say in the log: its kind and message (scrubbed as every line is), and where. */
export function describeError(error: unknown): { name: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const code = (error as { code?: unknown }).code
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack }
}

/** Paths that carry a secret in a segment (the owner's one-time setup link), with it hidden. */
const SECRET_SEGMENTS = /^(\/setup\/)[^/?#]+/

/** A request's path as the log may show it: no query (tokens travel there), no secret segment. */
export function loggablePath(path: string): string {
  return path.split('?')[0].replace(SECRET_SEGMENTS, '$1[token]')
}

/** For instrumentation's onRequestError: the failure, the request's id, method and path (no query, no secret, no body). */
export function logRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
): void {
  const id = request.headers[REQUEST_ID_HEADER]
  log().error(
    {
      event: 'request.failed',
      requestId: typeof id === 'string' ? id : undefined,
      method: request.method,
      path: loggablePath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      digest: (error as { digest?: unknown })?.digest,
      error: describeError(error),
    },
    'A request failed.',
  )
}
