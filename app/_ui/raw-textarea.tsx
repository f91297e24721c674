'use client'

import { useEffect, useRef } from 'react'

// A <textarea> React never hydrates. React resets a server-rendered textarea with a non-empty
// default to that default when it hydrates, wiping whatever the person typed before the page's
// script arrived (an edit form on a slow connection). Written as plain HTML inside a container,
// the box is left alone; it still belongs to its form, so it is submitted like any other field.

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface RawTextareaProps {
  id: string
  name: string
  defaultValue: string
  rows: number
  maxLength: number
  required?: boolean
  invalid?: boolean
  describedBy?: string
  focus?: boolean
}

export function RawTextarea({
  id,
  name,
  defaultValue,
  rows,
  maxLength,
  required,
  invalid,
  describedBy,
  focus,
}: RawTextareaProps) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus) box.current?.querySelector('textarea')?.focus()
  }, [focus])
  const attributes = [
    `id="${escape(id)}"`,
    `name="${escape(name)}"`,
    `rows="${rows}"`,
    `maxlength="${maxLength}"`,
    required ? 'required' : '',
    invalid ? 'aria-invalid="true"' : '',
    describedBy ? `aria-describedby="${escape(describedBy)}"` : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <div
      ref={box}
      className="raw-textarea"
      dangerouslySetInnerHTML={{ __html: `<textarea ${attributes}>\n${escape(defaultValue)}</textarea>` }}
    />
  )
}
