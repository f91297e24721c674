'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ImportJobView } from '@/lib/imports/jobs'

/*
 * The import forms and the page that watches an import. Without script a form posts the file as it
 * is and the job's page refreshes itself each second until the report is there; with script the form
 * uploads it in place and the job's page follows the import live (a refresh of its server part).
 */

/** One import form: one file in, of the kind it names. */
export function ImportForm({ kind }: { kind: 'wordpress' | 'disqus' }) {
  const id = useId()
  const router = useRouter()
  const t = useTranslations('admin.import')
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    setState({ busy: true, error: null })
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json' },
      })
      if (!response.ok) return setState({ busy: false, error: t('notImported', { reason: await response.text() }) })
      const { location } = (await response.json()) as { location: string }
      form.reset()
      setState({ busy: false, error: null })
      router.push(location)
    } catch {
      setState({ busy: false, error: t('offline') })
    }
  }

  return (
    <form
      action="/admin/import/upload"
      method="post"
      encType="multipart/form-data"
      className="settings-form"
      onSubmit={(e) => void submit(e)}
    >
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={`${id}-file`}>{t(`${kind}.label`)}</label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".xml,application/xml,text/xml"
          required
          aria-describedby={`${id}-help`}
        />
        <p id={`${id}-help`} className="comment-form__help">
          {t(`${kind}.help`)}
        </p>
      </div>
      <button type="submit" className="button" disabled={state.busy}>
        {state.busy ? t('uploading') : t(`${kind}.button`)}
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

/** An import's progress and, once it has ended, its report (or why nothing was imported). */
export function ImportJob({ job, live }: { job: ImportJobView; live: boolean }) {
  const t = useTranslations('admin.import.job')
  const format = useFormatter()
  const running = job.status === 'running'
  const unit = t(`units.${job.kind}`)
  const [done, total] = [format.number(job.done), format.number(job.total)]
  return (
    <section aria-labelledby="import-job" className="import-job">
      <h2 id="import-job">
        {running ? t('importing', { file: job.fileName }) : t('importOf', { file: job.fileName })}
      </h2>
      {running ? live ? <RefreshWhileShown everyMs={700} /> : <meta httpEquiv="refresh" content="1" /> : null}
      <progress
        aria-label={t('progress')}
        aria-describedby="import-count"
        value={job.status === 'done' ? job.total || 1 : job.done}
        max={job.total || 1}
      />
      <p id="import-count">
        {job.status === 'done'
          ? t('allRead', { count: done, unit })
          : t(running ? 'reading' : 'someRead', { done, total, unit })}
        {running ? ` ${t('follows')}` : null}
      </p>
      {job.message ? (
        <p role="alert" className="form-error">
          {job.message}
        </p>
      ) : null}
      {job.status === 'done' ? (
        <section role="status" aria-labelledby="import-report" className="notice">
          <h2 id="import-report">{t('imported')}</h2>
          <pre className="import-report">{job.lines.join('\n')}</pre>
        </section>
      ) : null}
    </section>
  )
}
