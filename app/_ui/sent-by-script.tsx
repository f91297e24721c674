'use client'

import { useEffect, useRef } from 'react'
import { SENT_BY } from '@/lib/forms'

/**
 * A hidden field that says whether the form's script ran: "html" as the server renders it, "script"
 * once the page's JavaScript takes over. Set without a re-render, so nothing typed before hydration
 * is touched. Actions answer a form sent as plain HTML by sending the browser back (lib/form-actions.ts).
 */
export function SentByScript() {
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => {
    if (field.current) field.current.value = 'script'
  }, [])
  return <input ref={field} type="hidden" name={SENT_BY} defaultValue="html" />
}
