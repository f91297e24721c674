import { redirect } from 'next/navigation'
import { PermissionDenied } from '@/lib/people/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import type { Viewer } from '@/lib/people/viewer'
import { formFailure, formValues, SENT_BY, type FormState } from '@/lib/forms/state'
import { keepForm } from '@/lib/forms/kept'
import { clientIp } from '@/lib/request'
import { siteTranslator } from '@/lib/i18n'
import { withOutcome } from '@/lib/forms/outcome'
import { expireFromAction } from '@/lib/public/expire'
import type { PublicChanges } from '@/lib/changes'
import { refusal, type Refusal } from '@/lib/result'

/*
 * The one boundary every server action goes through: `formAction` for a form that answers with its
 * state, `buttonAction` for a button that answers on a page. An action file only declares its
 * action; the boundary reads the fields, resolves who is asking and from where, calls the one lib
 * function (which checks the permission and answers a Result), turns a Refusal — or a
 * PermissionDenied — into the form's state or the page's error, expires the PublicChanges the lib
 * function returned (so no action can forget it), and redirects where the action says.
 *
 * With JavaScript a refused form answers its FormState and the page shows it in place. Without, the
 * browser has navigated away and Next.js renders the page afresh (vercel/next.js#97784: a Cache
 * Components page drops the action's state), so the state is kept in the database for a day and the
 * browser is sent back to the form's page with ?form=<id>, where the page hands it to the form again
 * (lib/forms/kept.ts). Every form has this fallback, comments included.
 */

/** Who is asking, and from where. */
export interface ActionContext {
  viewer: Viewer | null
  /** The client's address (lib/request.ts), for rate limits. */
  client: string
}

type Values = Record<string, string>
type Done = { ok: true; changes?: PublicChanges }
type Sentence = () => Promise<string>

/** The sentence for a PermissionDenied when the action names none: "You do not have permission to do that." */
const notAllowed: Sentence = async () => (await siteTranslator('errors'))('permission')

async function context(): Promise<ActionContext> {
  return { viewer: await getCurrentUser(), client: await clientIp() }
}

/** Runs `work`, a PermissionDenied becoming a refusal that says `refused`. */
async function attempt(work: () => Promise<Done | Refusal>, refused: Sentence = notAllowed): Promise<Done | Refusal> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof PermissionDenied) return refusal(await refused())
    throw error
  }
}

export interface FormActionSpec<T extends Done | Refusal> {
  /** The one lib call (`fd` for a field sent several times). */
  run: (values: Values, context: ActionContext, fd: FormData) => Promise<T>
  /** Where the browser goes once it is done (see `notice` for a page that says so). */
  done: (result: Extract<T, { ok: true }>, values: Values, context: ActionContext) => string | Promise<string>
  /** The fields a refusal gives back to the form (default: every field sent). */
  keep?: readonly string[]
  /** The form's page, to come back to with what was typed when it was sent without JavaScript. */
  page?: (values: Values, context: ActionContext) => string | Promise<string>
  /** Which of the page's forms this is, when it has several. */
  form?: string
  /** Where a refusal sends the browser instead of answering the form (a page that says it its own way). */
  refusedTo?: (refused: Refusal, values: Values) => string
  /** The sentence for a PermissionDenied. */
  refused?: Sentence
}

/** A form's server action: `(state, formData) => state`, for useActionState. */
export function formAction<T extends Done | Refusal>(
  spec: FormActionSpec<T>,
): (prev: FormState, fd: FormData) => Promise<FormState> {
  return async (prev, fd) => {
    const values = formValues(fd)
    const asking = await context()
    const result = await attempt(() => spec.run(values, asking, fd), spec.refused)
    if (result.ok) {
      if (result.changes) expireFromAction(result.changes)
      redirect(await spec.done(result as Extract<T, { ok: true }>, values, asking))
    }
    if (spec.refusedTo) redirect(spec.refusedTo(result, values))
    const typed = spec.keep ? Object.fromEntries(spec.keep.map((name) => [name, values[name] ?? ''])) : values
    const state = formFailure(prev, {
      message: result.message,
      field: result.field,
      fieldErrors: result.fieldErrors,
      values: { ...typed, ...result.values },
      theirs: result.theirs,
      form: spec.form,
    })
    if (spec.page && values[SENT_BY] !== 'script') {
      redirect(
        await keepForm(await spec.page(values, asking), state, {
          userId: asking.viewer?.id ?? null,
          client: asking.client,
        }),
      )
    }
    return state
  }
}

export interface ButtonActionSpec<T extends Done | Refusal> {
  /** The page the button was on: a refusal goes back there with its sentence. */
  back: (values: Values) => string
  run: (values: Values, context: ActionContext, fd: FormData) => Promise<T>
  /** Where to go once done: a path, or a page with a notice (`notice`). */
  done: (result: Extract<T, { ok: true }>, values: Values, context: ActionContext) => string | Promise<string>
  /** Where a refusal goes, when not `back` with its sentence. */
  refusedTo?: (refused: Refusal, values: Values) => string
  refused?: Sentence
}

/** A button's server action (moderation, people, trash…): `(formData) => void`. */
export function buttonAction<T extends Done | Refusal>(spec: ButtonActionSpec<T>): (fd: FormData) => Promise<void> {
  return async (fd) => {
    const values = formValues(fd)
    const asking = await context()
    const result = await attempt(() => spec.run(values, asking, fd), spec.refused)
    if (!result.ok)
      redirect(
        spec.refusedTo ? spec.refusedTo(result, values) : withOutcome(spec.back(values), 'error', result.message),
      )
    if (result.changes) expireFromAction(result.changes)
    redirect(await spec.done(result as Extract<T, { ok: true }>, values, asking))
  }
}

/** `path` with a notice saying what happened (signed: lib/forms/outcome.ts). */
export const notice = (path: string, message: string): string => withOutcome(path, 'notice', message)
