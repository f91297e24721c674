import { isSigned, sign } from '@/lib/signing'

// The comment form carries the time it was shown, signed, so a bot cannot claim it took its time.

/** A token saying "this form was shown at `now`". */
export function issueFormToken(now: Date = new Date()): string {
  const issuedAt = now.getTime()
  return `${issuedAt}.${sign('comment-form', String(issuedAt))}`
}

/** Seconds since the token was issued, or null if it is missing or was not made here. */
export function secondsSinceIssued(token: string | undefined, now: Date = new Date()): number | null {
  const [stamp, signature] = (token ?? '').split('.')
  const issuedAt = Number(stamp)
  if (!Number.isSafeInteger(issuedAt) || !isSigned('comment-form', String(issuedAt), signature)) return null
  return (now.getTime() - issuedAt) / 1000
}
