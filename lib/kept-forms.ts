import { randomBytes } from 'node:crypto'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { findKeptForm, insertKeptForm } from '@/db/queries/kept-forms'
import type { FormState } from '@/lib/forms'

// Refused forms sent without JavaScript, kept a day for the page the browser is sent back to
// (runForm in lib/form-actions.ts keeps them; the form's page loads them by its ?form=).

const DAY = 86_400_000

/** Keeps a refused form for the person who sent it (null: nobody signed in); returns `page` with the address of what was kept. */
export async function keepForm(page: string, state: FormState, userId: string | null, now: Date = new Date(), db: DB = getDb()): Promise<string> {
  const id = randomBytes(16).toString('base64url')
  await insertKeptForm({ id, userId, state: JSON.stringify(state), createdAt: now }, new Date(now.getTime() - DAY), db)
  const url = new URL(page, 'http://localhost')
  url.searchParams.set('form', id)
  return `${url.pathname}${url.search}`
}

/** The refused form kept under `id` (a page's ?form=) for this viewer, if any. Never throws on what is in the address. */
export async function loadKeptForm(viewerId: string | null, id: unknown, now: Date = new Date(), db: DB = getDb()): Promise<FormState | undefined> {
  if (typeof id !== 'string' || !/^[\w-]{20,40}$/.test(id)) return undefined
  const state = await findKeptForm(id, viewerId, new Date(now.getTime() - DAY), db)
  return state ? (JSON.parse(state) as FormState) : undefined
}

