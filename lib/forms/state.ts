/*
 * How every form's server action answers (the wrapper they go through is lib/forms/actions.ts). An
 * action either redirects (done) or answers a FormState; on failure the state carries back what the
 * person typed, so nothing they wrote is lost, with one sentence and, where it applies, a message per
 * field. A refusal of permission (signed out meanwhile, a role taken away) is such a failure too.
 * This file is shared with the forms in the browser: types and pure functions only.
 */

export type FormState =
  | { status: 'idle' }
  | {
      status: 'error'
      message: string
      /** The field the message is about (focus and aria-describedby go there). */
      field?: string
      /** A message per wrong field (the settings form, the post editor). */
      fieldErrors: Record<string, string>
      values: Record<string, string>
      /** Someone else's newer save of the same post, to compare with before saving again. */
      theirs?: { title: string; body: string; updatedAt: string }
      /** Which of a page's forms it belongs to, on a page with several (a form kept for a plain HTML post). */
      form?: string
      /** Counts the failures in a row, so the form re-renders with the values sent back each time. */
      attempt: number
    }

export const idle: FormState = { status: 'idle' }

type Failure = Omit<Extract<FormState, { status: 'error' }>, 'status' | 'attempt' | 'fieldErrors'> & {
  fieldErrors?: Record<string, string>
}

/** A failed submission: `values` are what was typed; they come back into the form. */
export function formFailure(prev: FormState, failure: Failure): FormState {
  return { status: 'error', fieldErrors: {}, ...failure, attempt: prev.status === 'error' ? prev.attempt + 1 : 1 }
}

export function formError(prev: FormState, message: string, values: Record<string, string>, field?: string): FormState {
  return formFailure(prev, { message, values, field })
}

/** A form's fields as sent, without the ones Next adds for its own use ($ACTION_…). */
export function formValues(fd: FormData): Record<string, string> {
  return Object.fromEntries([...fd.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]))
}

/** The hidden field a form's script sets to "script" once it runs (app/_ui/sent-by-script.tsx). */
export const SENT_BY = 'via'
