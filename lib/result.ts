import type { PublicChanges } from '@/lib/changes'

/*
 * What a lib/ function that a person calls answers: done (`ok: true` with what the caller needs),
 * or a Refusal — one sentence in the site's language, and where it applies the field it is about or
 * a sentence per field. Refusals are for what a person can get wrong; a bug throws. The action
 * boundary (lib/forms/actions.ts) turns a Refusal into the form's state, or an admin page's error.
 */

export interface Refusal {
  ok: false
  message: string
  /** The field the sentence is about (focus goes there). */
  field?: string
  /** A sentence per wrong field (the settings form, the post editor). */
  fieldErrors?: Record<string, string>
  /** Values to give back instead of what was sent (a newer version to save over). */
  values?: Record<string, string>
  /** Someone else's newer save of the same post, to compare with. */
  theirs?: { title: string; body: string; updatedAt: string }
  /** A fixed word for what went wrong, for a caller that answers it its own way (an address, the autosave). */
  reason?: string
}

/** Done with `T`, or refused. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal

/** A write that changed what public pages show: the boundary expires these. */
export type Changed<T extends object = object> = Result<T & { changes: PublicChanges }>

export function refusal(message: string, more: Omit<Refusal, 'ok' | 'message'> = {}): Refusal {
  return { ok: false, message, ...more }
}
