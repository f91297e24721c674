import { redirect } from 'next/navigation'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { formError, formValues, SENT_BY, type FormState } from '@/lib/forms'
import { keepForm } from '@/lib/kept-forms'
import { clientIp } from '@/lib/request'
import { siteTranslator } from '@/lib/i18n'
import { type OutcomeKind, withOutcome } from '@/lib/outcome'

/** What a PermissionDenied says when the action names no sentence of its own, in the site's language. */
const notAllowed = async () => (await siteTranslator('errors'))('permission')

/*
 * The one wrapper every server action goes through (runForm for forms, runButton for buttons).
 *
 * With JavaScript a refused form answers its FormState and the page shows it in place. Without, the
 * browser has navigated away and Next.js renders the page afresh (vercel/next.js#97784: a Cache
 * Components page drops the action's state), so the state is kept in the database for a day and the
 * browser is sent back to the form's page with ?form=<id>, where the page hands it to the form again
 * (lib/kept-forms.ts).
 */

export interface RunFormOptions {
  /** The sentence for a PermissionDenied (else "You do not have permission to do that."). */
  refused?: string
  /** The form's page, to come back to with what was typed when the form was sent without JavaScript. */
  page?: (values: Record<string, string>) => string
  /** Which of the page's forms this is, when it has several. */
  form?: string
}

/**
 * Runs a form's work for a server action. A PermissionDenied thrown by lib/ becomes a failure that
 * says `refused` (or the refusal's own sentence) and keeps every value; anything else is a bug and
 * goes to the error page. Sent without JavaScript, a failure goes back to `page` (see above).
 */
export async function runForm(prev: FormState, fd: FormData, work: (values: Record<string, string>) => Promise<FormState>, options: RunFormOptions = {}): Promise<FormState> {
  const values = formValues(fd)
  let state: FormState
  try {
    state = await work(values)
  } catch (error) {
    if (!(error instanceof PermissionDenied)) throw error
    state = formError(prev, options.refused ?? (await notAllowed()), values)
  }
  if (state.status === 'error' && options.page && values[SENT_BY] !== 'script') redirect(await keepForm(options.page(values), { ...state, form: options.form }, { userId: (await getCurrentUser())?.id ?? null, client: await clientIp() }))
  return state
}

/** For buttons that answer on the page they were on: back to `path` with a notice or an error (signed, see lib/outcome.ts). */
export function backTo(path: string, kind: OutcomeKind, message: string): never {
  redirect(withOutcome(path, kind, message))
}

/**
 * Runs a button's work (no form state: moderation, people, trash…): a PermissionDenied goes back to
 * `path` with `refused` or its own sentence.
 */
export async function runButton<T>(path: string, work: () => Promise<T>, refused?: string): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof PermissionDenied) backTo(path, 'error', refused ?? (await notAllowed()))
    throw error
  }
}
