import { createHmac, timingSafeEqual } from 'node:crypto'

// The comment form carries the time it was shown, signed, so a bot cannot claim it took its time.

function key(): string {
  const secret = process.env.AUTH_SECRET
  if (!secret) throw new Error('AUTH_SECRET is not set; the server sets it at start-up.')
  return secret
}

function sign(issuedAt: number): string {
  return createHmac('sha256', key()).update(`comment-form:${issuedAt}`).digest('base64url')
}

/** A token saying "this form was shown at `now`". */
export function issueFormToken(now: Date = new Date()): string {
  const issuedAt = now.getTime()
  return `${issuedAt}.${sign(issuedAt)}`
}

/** Seconds since the token was issued, or null if it is missing or was not made here. */
export function secondsSinceIssued(token: string | undefined, now: Date = new Date()): number | null {
  const [stamp, signature] = (token ?? '').split('.')
  const issuedAt = Number(stamp)
  if (!Number.isSafeInteger(issuedAt) || !signature) return null
  const expected = Buffer.from(sign(issuedAt))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  return (now.getTime() - issuedAt) / 1000
}
