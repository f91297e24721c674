'use client'

import { useActionState } from 'react'
import { importAction, type ImportFormState } from '@/app/admin/import/actions'

/** The WordPress import form: one file in, the report (or the reason nothing changed) out. */
export function ImportForm() {
  const [state, formAction, pending] = useActionState<ImportFormState, FormData>(importAction, { status: 'idle' })
  return (
    <>
      <form action={formAction} className="settings-form">
        <div className="field">
          <label htmlFor="wxr-file">WordPress export file</label>
          <input id="wxr-file" name="file" type="file" accept=".xml,application/xml,text/xml" required aria-describedby="wxr-help" />
          <p id="wxr-help" className="comment-form__help">
            In WordPress: Tools → Export → All content. Importing the same file again adds nothing twice.
          </p>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </button>
      </form>
      {state.status === 'refused' ? (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <section role="status" aria-labelledby="import-report" className="notice">
          <h2 id="import-report">Imported</h2>
          <pre className="import-report">{state.lines.join('\n')}</pre>
        </section>
      ) : null}
    </>
  )
}
