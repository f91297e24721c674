import { redirect } from 'next/navigation'
import { PermissionDenied } from '@/lib/auth/permissions'

/*
 * How every form's server action answers, and the one wrapper they go through. An action either
 * redirects (done) or answers a FormState; on failure the state carries back what the person typed,
 * so nothing they wrote is lost, with one sentence and, where it applies, a message per field.
 * A refusal of permission (signed out meanwhile, a role taken away) is such a failure too.
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
      /** Counts the failures in a row, so the form re-renders with the values sent back each time. */
      attempt: number
    }

export const idle: FormState = { status: 'idle' }

type Failure = Omit<Extract<FormState, { status: 'error' }>, 'status' | 'attempt' | 'fieldErrors'> & { fieldErrors?: Record<string, string> }

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

/**
 * Runs a form's work for a server action. A PermissionDenied thrown by lib/ becomes a failure that
 * says `refused` (or the refusal's own sentence) and keeps every value; anything else is a bug and
 * goes to the error page.
 */
export async function runForm(prev: FormState, fd: FormData, work: (values: Record<string, string>) => Promise<FormState>, refused?: string): Promise<FormState> {
  const values = formValues(fd)
  try {
    return await work(values)
  } catch (error) {
    if (error instanceof PermissionDenied) return formError(prev, refused ?? error.message, values)
    throw error
  }
}

/** For buttons that answer on the page they were on: back to `path` with a notice or an error. */
export function backTo(path: string, key: 'notice' | 'error', message: string): never {
  const url = new URL(path, 'http://localhost')
  url.searchParams.delete('notice')
  url.searchParams.delete('error')
  url.searchParams.set(key, message)
  redirect(`${url.pathname}${url.search}`)
}

/**
 * Runs a button's work (no form state: moderation, people, trash…): a PermissionDenied goes back to
 * `path` with `refused` or its own sentence.
 */
export async function runButton<T>(path: string, work: () => Promise<T>, refused?: string): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof PermissionDenied) backTo(path, 'error', refused ?? error.message)
    throw error
  }
}
