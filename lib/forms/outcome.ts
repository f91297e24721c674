import { isSigned, sign } from '@/lib/signing'

// An admin button (approve, trash, change a role…) answers by sending the browser back to its page
// with what happened in the address: ?notice=… or ?error=…, and ?sig=, the blog's signature of it.
// The page shows only what the blog signed, so a link made elsewhere cannot put its own words
// ("your session expired, sign in at …") on an admin page.

export type OutcomeKind = 'notice' | 'error'

export interface Outcome {
  kind: OutcomeKind
  message: string
}

const PURPOSE = 'admin-outcome'

/** `path` (its own query kept, an earlier outcome dropped) with this outcome, signed. */
export function withOutcome(path: string, kind: OutcomeKind, message: string): string {
  const url = new URL(path, 'http://localhost')
  for (const name of ['notice', 'error', 'sig']) url.searchParams.delete(name)
  url.searchParams.set(kind, message)
  url.searchParams.set('sig', sign(PURPOSE, `${kind}:${message}`))
  return `${url.pathname}${url.search}`
}

/** The outcome a page's address carries, if the blog signed it; else null. */
export function readOutcome(query: Record<string, string | string[] | undefined>): Outcome | null {
  for (const kind of ['notice', 'error'] as const) {
    const message = query[kind]
    if (typeof message === 'string' && message !== '' && isSigned(PURPOSE, `${kind}:${message}`, query.sig))
      return { kind, message }
  }
  return null
}
