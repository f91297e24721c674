import { randomBytes } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findKeptForm, insertKeptForm } from '@/db/queries/kept-forms'
import type { FormState } from '@/lib/forms/state'
import { allow, clientKey } from '@/lib/rate-limits'

// Refused forms sent without JavaScript, kept a day for the page the browser is sent back to (the
// action boundary, lib/forms/actions.ts, keeps them, and a comment confirmed from a mail but refused
// is kept the same way; the form's page loads them by its ?form=). What is kept
// is bounded — so many fields of so many characters, more for someone signed in (the post editor)
// than for a stranger (a comment is 10,000 at most) — and each client may have only so many kept.

const DAY = 86_400_000
const BOUNDS = { stranger: { fields: 20, characters: 20_000 }, signedIn: { fields: 60, characters: 600_000 } } as const

/** The values a refused form keeps: at most so many fields, each cut at so many characters. */
function bounded(values: Record<string, string>, signedIn: boolean): Record<string, string> {
  const { fields, characters } = BOUNDS[signedIn ? 'signedIn' : 'stranger']
  return Object.fromEntries(
    Object.entries(values)
      .slice(0, fields)
      .map(([name, value]) => [name.slice(0, 100), value.slice(0, characters)]),
  )
}

/**
 * Keeps a refused form for whoever sent it (`userId` null: nobody signed in) from the client at
 * `client`; returns `page` with the address of what was kept — or `page` alone once that client has
 * had too many forms kept lately (the page then shows the form afresh).
 */
export async function keepForm(
  page: string,
  state: FormState,
  sender: { userId: string | null; client: string },
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<string> {
  const url = new URL(page, 'http://localhost')
  if (!(await allow('keptFormsPerClient', clientKey(sender.client), now, db)))
    return `${url.pathname}${url.search}${url.hash}`
  const kept =
    state.status === 'error'
      ? { ...state, values: bounded(state.values, sender.userId !== null), message: state.message.slice(0, 1000) }
      : state
  const id = randomBytes(16).toString('base64url')
  await insertKeptForm(
    db,
    { id, userId: sender.userId, state: JSON.stringify(kept), createdAt: now },
    new Date(now.getTime() - DAY),
  )
  url.searchParams.set('form', id)
  return `${url.pathname}${url.search}${url.hash}`
}

/** The refused form kept under `id` (a page's ?form=) for this viewer, if any. Never throws on what is in the address. */
export async function loadKeptForm(
  viewerId: string | null,
  id: unknown,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<FormState | undefined> {
  if (typeof id !== 'string' || !/^[\w-]{16,40}$/.test(id)) return undefined
  const state = await findKeptForm(db, id, viewerId, new Date(now.getTime() - DAY))
  return state ? (JSON.parse(state) as FormState) : undefined
}
