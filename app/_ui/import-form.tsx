'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ImportJobView } from '@/lib/imports/jobs'

/*
 * The import forms and the page that watches an import. Without script a form posts the file as it
 * is and the job's page refreshes itself each second until the report is there; with script the form
 * uploads it in place and the job's page follows the import live (a refresh of its server part).
 */

/** One import form: one file in, of the kind it names. */
export function ImportForm({ kind, label, help, button }: { kind: 'wordpress' | 'disqus'; label: string; help: string; button: string }) {
  const id = useId()
  const router = useRouter()
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    setState({ busy: true, error: null })
    try {
      const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' } })
      if (!response.ok) return setState({ busy: false, error: `Nothing was imported: ${await response.text()}` })
      const { location } = (await response.json()) as { location: string }
      form.reset()
      setState({ busy: false, error: null })
      router.push(location)
    } catch {
      setState({ busy: false, error: 'The upload did not get through: check your connection and try again (the file is still chosen).' })
    }
  }

  return (
    <form action="/admin/import/upload" method="post" encType="multipart/form-data" className="settings-form" onSubmit={(e) => void submit(e)}>
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={`${id}-file`}>{label}</label>
        <input id={`${id}-file`} name="file" type="file" accept=".xml,application/xml,text/xml" required aria-describedby={`${id}-help`} />
        <p id={`${id}-help`} className="comment-form__help">
          {help}
        </p>
      </div>
      <button type="submit" className="button" disabled={state.busy}>
        {state.busy ? 'Uploading…' : button}
      </button>
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
    </form>
  )
}

/** Asks the server for the page again every `everyMs` while shown (the live job page). */
function RefreshWhileShown({ everyMs }: { everyMs: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs])
  return null
}

const count = (n: number) => n.toLocaleString('en')

/** An import's progress and, once it has ended, its report (or why nothing was imported). */
export function ImportJob({ job, live }: { job: ImportJobView; live: boolean }) {
  const running = job.status === 'running'
  return (
    <section aria-labelledby="import-job" className="import-job">
      <h2 id="import-job">{running ? `Importing ${job.fileName}…` : `Import of ${job.fileName}`}</h2>
      {running ? live ? <RefreshWhileShown everyMs={700} /> : <meta httpEquiv="refresh" content="1" /> : null}
      <progress aria-label="Import progress" aria-describedby="import-count" value={job.status === 'done' ? job.total || 1 : job.done} max={job.total || 1} />
      <p id="import-count">
        {job.status === 'done' ? `All ${count(job.done)} ${job.unit} read.` : `${count(job.done)} of about ${count(job.total)} ${job.unit} read${running ? '…' : '.'}`}
        {running ? ' This page follows the import; you can leave it and come back.' : null}
      </p>
      {job.message ? (
        <p role="alert" className="form-error">
          {job.message}
        </p>
      ) : null}
      {job.status === 'done' ? (
        <section role="status" aria-labelledby="import-report" className="notice">
          <h2 id="import-report">Imported</h2>
          <pre className="import-report">{job.lines.join('\n')}</pre>
        </section>
      ) : null}
    </section>
  )
}
