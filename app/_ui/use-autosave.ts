'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'

/*
 * Nothing typed in the post editor is lost:
 * - every change is copied to this browser (localStorage) at once;
 * - a draft is saved to the server a few seconds after the last change, and as the page is left
 *   (`keepalive`, so the request outlives the page);
 * - a failed save (offline, server down) leaves the copy in the browser and is tried again every few
 *   seconds and when the browser says it is back online; the copy is offered back when the editor reopens;
 * - leaving with changes the server does not have yet asks for confirmation.
 * Published and scheduled posts are not saved in the background (that would change them live):
 * their changes stay in the browser until Update.
 */

const DELAY_MS = 3000
const RETRY_MS = 5000

export interface LocalCopy {
  values: Record<string, string>
  savedAt: string
}

export type AutosaveStatus = { kind: 'idle' | 'saving' | 'saved' | 'local' | 'error'; text: string }

const storageKey = (id: string) => `plateau:post:${id || 'new'}`
const fields = (form: HTMLFormElement) =>
  Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >

function readCopy(id: string): LocalCopy | null {
  try {
    return JSON.parse(localStorage.getItem(storageKey(id)) ?? 'null') as LocalCopy | null
  } catch {
    return null
  }
}

/** The post's id and version as the server last answered them (the form's hidden fields). */
export interface SavedAs {
  postId: string
  version: string
}

export function useAutosave(
  form: RefObject<HTMLFormElement | null>,
  options: { id: number | null; autosave: boolean; compared: string[]; base: SavedAs },
) {
  // An autosave's answer replaces the base until the base itself changes (a refused submit).
  const [autosaved, setAutosaved] = useState<{ base: SavedAs; saved: SavedAs } | null>(null)
  const savedAs =
    autosaved && autosaved.base.postId === options.base.postId && autosaved.base.version === options.base.version
      ? autosaved.saved
      : options.base
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle', text: '' })
  const t = useTranslations('admin.editor.autosave')
  const format = useFormatter()
  const [offered, setOffered] = useState<LocalCopy | null>(null)
  const dirty = useRef(false)
  const changes = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // One save at a time: a second one would carry the version the first is replacing.
  const saving = useRef(false)
  const current = () => (form.current?.elements.namedItem('postId') as HTMLInputElement | null)?.value ?? ''

  // A copy left by an earlier visit whose text differs from what the server has is offered back.
  useEffect(() => {
    if (!form.current) return
    const copy = readCopy(String(options.id ?? ''))
    if (!copy) return
    const now = fields(form.current)
    if (options.compared.every((name) => (copy.values[name] ?? '') === (now[name] ?? '')))
      localStorage.removeItem(storageKey(String(options.id ?? '')))
    // Only the browser has the copy, so it can only be read after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setOffered(copy)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening the editor
  }, [])

  async function save(leaving = false) {
    const element = form.current
    if (!element || !dirty.current || !options.autosave) return
    const body = new FormData(element)
    if (!String(body.get('title') ?? '').trim()) return setStatus({ kind: 'local', text: t('needsTitle') })
    if (saving.current) return
    saving.current = true
    const started = changes.current
    setStatus({ kind: 'saving', text: t('saving') })
    try {
      const response = await fetch('/api/posts/autosave', { method: 'POST', body, keepalive: leaving })
      const result = (await response.json()) as
        { ok: true; id: number; version: string } | { ok: false; message: string }
      if (!result.ok) return setStatus({ kind: 'error', text: result.message })
      const wasNew = !body.get('postId')
      setAutosaved({ base: options.base, saved: { postId: String(result.id), version: result.version } })
      if (wasNew) {
        localStorage.removeItem(storageKey(''))
        window.history.replaceState(null, '', `/admin/posts/${result.id}`)
      }
      if (changes.current === started) {
        dirty.current = false
        localStorage.removeItem(storageKey(String(result.id)))
      }
      setStatus({
        kind: 'saved',
        text: t('savedAt', {
          time: format.dateTime(new Date(), { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
        }),
      })
    } catch {
      setStatus({ kind: 'error', text: t('unreachable') })
    } finally {
      saving.current = false
    }
  }
  const latestSave = useRef(save)
  useEffect(() => {
    latestSave.current = save
  })

  // A submit held back while a background save was on its way goes once that save's answer is in the form.
  const queued = useRef<HTMLElement | null | undefined>(undefined)
  useEffect(() => {
    if (saving.current || queued.current === undefined || !form.current) return
    const submitter = queued.current
    queued.current = undefined
    form.current.requestSubmit(submitter)
  })

  function changed() {
    if (!form.current) return
    dirty.current = true
    changes.current++
    try {
      localStorage.setItem(
        storageKey(current()),
        JSON.stringify({ values: fields(form.current), savedAt: new Date().toISOString() } satisfies LocalCopy),
      )
    } catch {
      // Storage full or disabled: the server save and the leave warning still protect the text.
    }
    if (!options.autosave) setStatus({ kind: 'local', text: t('unsaved') })
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void latestSave.current(), DELAY_MS)
  }

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault()
    }
    const leave = () => {
      if (document.visibilityState === 'hidden') void latestSave.current(true)
    }
    const retry = () => void latestSave.current()
    const interval = setInterval(retry, RETRY_MS)
    window.addEventListener('beforeunload', warn)
    document.addEventListener('visibilitychange', leave)
    window.addEventListener('online', retry)
    return () => {
      clearInterval(interval)
      if (timer.current) clearTimeout(timer.current)
      window.removeEventListener('beforeunload', warn)
      document.removeEventListener('visibilitychange', leave)
      window.removeEventListener('online', retry)
    }
  }, [])

  return {
    savedAs,
    status,
    offered,
    changed,
    /**
     * Submitting the form: the server action takes over; the browser copy stays until it succeeds.
     * While a background save is on its way the submit waits for its answer, then goes with the id
     * and version it brings: sent at once it would create a new post a second time (and find its
     * address taken) or be refused as an older version.
     */
    submitted: (event: FormEvent<HTMLFormElement>) => {
      if (saving.current) {
        event.preventDefault()
        queued.current = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null
        return
      }
      dirty.current = false
      if (timer.current) clearTimeout(timer.current)
    },
    dismissOffer: () => {
      localStorage.removeItem(storageKey(String(options.id ?? '')))
      setOffered(null)
    },
    acceptOffer: () => setOffered(null),
  }
}
