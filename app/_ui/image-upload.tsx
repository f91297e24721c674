'use client'

import { useTranslations } from 'next-intl'
import { useId, useState } from 'react'

export interface UploadedImage {
  url: string
  name: string
  width: number
  height: number
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif'

/** A file picker that uploads the chosen image at once and says how it went (or why it was refused). */
export function ImageUpload({ label, onUploaded }: { label: string; onUploaded: (image: UploadedImage) => void }) {
  const id = useId()
  const t = useTranslations('admin.upload')
  const [status, setStatus] = useState<{ kind: 'busy' | 'done' | 'error'; text: string } | null>(null)

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0]
    if (!file) return
    setStatus({ kind: 'busy', text: t('busy', { name: file.name }) })
    const body = new FormData()
    body.set('file', file)
    try {
      const response = await fetch('/api/uploads', { method: 'POST', body })
      const result = (await response.json()) as ({ ok: true } & UploadedImage) | { ok: false; message: string }
      if (!result.ok) return setStatus({ kind: 'error', text: result.message })
      onUploaded(result)
      setStatus({ kind: 'done', text: t('done', { name: result.name, width: result.width, height: result.height }) })
      input.value = ''
    } catch {
      setStatus({ kind: 'error', text: t('failed') })
    }
  }

  return (
    <div className="field image-upload">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        onChange={(e) => void upload(e.currentTarget)}
        aria-describedby={`${id}-status ${id}-help`}
      />
      <p id={`${id}-help`} className="comment-form__help">
        {t('help')}
      </p>
      <p
        id={`${id}-status`}
        role={status?.kind === 'error' ? 'alert' : 'status'}
        className={`upload-status${status?.kind === 'error' ? ' form-error' : ''}`}
      >
        {status?.text}
      </p>
    </div>
  )
}
