'use client'

import { useActionState } from 'react'
import { saveSettingsAction, type SettingsFormState } from '@/app/admin/settings/actions'
import type { SiteSettings } from '@/lib/settings'

interface FieldProps {
  name: keyof SiteSettings
  label: string
  help?: string
  type?: 'text' | 'number' | 'words'
  value: string
  error?: string
}

function Field({ name, label, help, type = 'text', value, error }: FieldProps) {
  const describedBy = [error ? `${name}-error` : null, help ? `${name}-help` : null].filter(Boolean).join(' ') || undefined
  const common = { id: name, name, defaultValue: value, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy }
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {type === 'words' ? <textarea rows={4} {...common} /> : <input type={type} {...common} />}
      {help ? (
        <p id={`${name}-help`} className="comment-form__help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** The settings form; a refusal keeps everything typed and marks each wrong field. */
export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const [state, formAction, pending] = useActionState<SettingsFormState, FormData>(saveSettingsAction, { status: 'idle' })
  const invalid = state.status === 'invalid' ? state : null
  const field = (name: keyof SiteSettings, label: string, type?: FieldProps['type'], help?: string) => {
    const current = settings[name]
    const value = invalid ? (invalid.values[name] ?? '') : Array.isArray(current) ? current.join('\n') : String(current)
    return <Field name={name} label={label} type={type} help={help} value={value} error={invalid?.fieldErrors[name]} />
  }

  return (
    <form action={formAction} key={invalid?.attempt ?? 0} className="settings-form">
      {invalid ? (
        <p role="alert" className="form-error">
          Nothing was saved: fix the fields marked below.
        </p>
      ) : null}
      <fieldset>
        <legend>The blog</legend>
        {field('title', 'Site title')}
        {field('tagline', 'Tagline', 'text', 'A line under the title.')}
        {field('postsPerPage', 'Posts per page', 'number')}
      </fieldset>
      <fieldset>
        <legend>Comments</legend>
        {field('commentDepth', 'Threading depth', 'number', 'How many levels of replies; deeper replies join the deepest level.')}
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="holdFirstComment"
              defaultChecked={invalid ? invalid.values.holdFirstComment === 'on' : settings.holdFirstComment}
            />{' '}
            Hold a commenter’s comments until one of theirs has been approved
          </label>
        </div>
        {field('linkLimit', 'Hold comments with this many links or more', 'number')}
        {field('moderationWords', 'Moderation words', 'words', 'One per line. A comment containing one waits for approval.')}
        {field('blockWords', 'Block words', 'words', 'One per line. A comment containing one goes to spam.')}
        {field('floodSeconds', 'Seconds between two comments by the same person', 'number')}
        {field('minSubmitSeconds', 'Seconds a comment takes to write at least', 'number', 'Forms sent back faster are treated as bots.')}
        {field('editMinutes', 'Minutes during which people may edit their comment', 'number')}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  )
}
