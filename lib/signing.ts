import { createHmac, timingSafeEqual } from 'node:crypto'

// What the blog hands out and takes back (links in mails, form fields, the outcome in an admin
// address) is signed with its secret, AUTH_SECRET, so nobody can make one elsewhere. Each use names
// its purpose: a signature made for one is worth nothing for another.

function secret(): string {
  const value = process.env.AUTH_SECRET
  if (!value) throw new Error('AUTH_SECRET is not set; the server sets it at start-up.')
  return value
}

/** The signature of `text` for `purpose` (URL-safe). */
export const sign = (purpose: string, text: string): string =>
  createHmac('sha256', secret()).update(`${purpose}:${text}`).digest('base64url')

/** Whether `signature` is the one this blog makes for `text` and `purpose` (compared in constant time). */
export function isSigned(purpose: string, text: string, signature: unknown): boolean {
  if (typeof signature !== 'string') return false
  const expected = Buffer.from(sign(purpose, text))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
