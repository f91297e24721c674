'use client'

import { useSyncExternalStore } from 'react'
import { SENT_BY } from '@/lib/forms/state'

const noSubscription = () => () => {}

/**
 * A hidden field that says whether the form's script ran: "html" as the server renders it (and as
 * React hydrates it), "script" once the page's JavaScript has taken over. Actions answer a form sent
 * as plain HTML by sending the browser back (lib/forms/actions.ts).
 *
 * The value is rendered, never set by hand: a hidden input's value is its `value` attribute, and one
 * set by hand went back to "html" the next time the form re-rendered. Only this input re-renders, so
 * nothing typed before hydration is touched.
 */
export function SentByScript() {
  const via = useSyncExternalStore(
    noSubscription,
    () => 'script',
    () => 'html',
  )
  return <input type="hidden" name={SENT_BY} value={via} />
}
