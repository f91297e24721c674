/**
 * What a form's server action answers when it does not redirect. On failure it carries back what the
 * person typed, so nothing they wrote is lost.
 */
export type FormState =
  | { status: 'idle' }
  | { status: 'error'; message: string; field?: string; values: Record<string, string>; attempt: number }

export const idle: FormState = { status: 'idle' }

export function formError(prev: FormState, message: string, values: Record<string, string>, field?: string): FormState {
  return { status: 'error', message, field, values, attempt: prev.status === 'error' ? prev.attempt + 1 : 1 }
}
