import type { ImportOutcome } from '@/lib/wordpress/upload'

/** The WordPress import form: one file in (posted as it is, without script), the report of the last import out. */
export function ImportForm({ outcome }: { outcome: ImportOutcome | null }) {
  return (
    <>
      <form action="/admin/import/upload" method="post" encType="multipart/form-data" className="settings-form">
        <div className="field">
          <label htmlFor="wxr-file">WordPress export file</label>
          <input id="wxr-file" name="file" type="file" accept=".xml,application/xml,text/xml" required aria-describedby="wxr-help" />
          <p id="wxr-help" className="comment-form__help">
            In WordPress: Tools → Export → All content. Importing the same file again adds nothing twice.
          </p>
        </div>
        <button type="submit" className="button">
          Import
        </button>
      </form>
      {outcome?.status === 'refused' ? (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.status === 'done' ? (
        <section role="status" aria-labelledby="import-report" className="notice">
          <h2 id="import-report">Imported</h2>
          <pre className="import-report">{outcome.lines.join('\n')}</pre>
        </section>
      ) : null}
    </>
  )
}
