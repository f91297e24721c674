'use client'

import { useActionState, useState } from 'react'
import { saveSettingsAction } from '@/app/admin/settings/actions'
import { navigationText } from '@/lib/admin/navigation'
import { idle, type FormState } from '@/lib/forms'
import type { SiteSettings } from '@/lib/settings'
import { DATE_FORMATS, TIME_FORMATS } from '@/lib/dates'
import { LANGUAGES } from '@/lib/i18n/languages'
import { FormField } from './form-field'
import { SentByScript } from './sent-by-script'
import { ImageUpload } from './image-upload'

/** The settings form; a refusal keeps everything typed and marks each wrong field (`restored`: one sent without script). */
export function SettingsForm(props: { settings: SiteSettings; shown: string; restored?: FormState; timeZones: string[] }) {
  const { settings, shown, restored, timeZones } = props
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveSettingsAction, restored ?? idle)
  const invalid = state.status === 'error' ? state : null
  // An uploaded logo or icon fills in its address field.
  const [uploaded, setUploaded] = useState<{ logoUrl?: string; iconUrl?: string }>({})
  const field = (name: keyof SiteSettings, label: string, type?: 'number' | 'words', help?: string) => {
    const current = settings[name]
    const value = invalid
      ? (invalid.values[name] ?? '')
      : name === 'navigation'
        ? navigationText(settings.navigation)
        : Array.isArray(current)
          ? current.join('\n')
          : String(current)
    return (
      <FormField
        name={name}
        label={label}
        type={type === 'number' ? 'number' : 'text'}
        rows={type === 'words' ? (name === 'customCss' ? 10 : 4) : undefined}
        help={help}
        value={value}
        error={invalid?.fieldErrors[name]}
      />
    )
  }

  /** An image's address, filled in by its upload button (and still editable, for use without script). */
  const imageField = (name: 'logoUrl' | 'iconUrl', label: string, help: string, uploadLabel: string) => (
    <>
      <FormField
        key={`${name}-${uploaded[name] ?? ''}`}
        name={name}
        label={label}
        help={help}
        value={uploaded[name] ?? (invalid ? String(invalid.values[name] ?? '') : settings[name])}
        error={invalid?.fieldErrors[name]}
      />
      <ImageUpload label={uploadLabel} onUploaded={(image) => setUploaded((u) => ({ ...u, [name]: image.url }))} />
    </>
  )

  /** A choice among a few values, each shown as an example, with its error beside it. */
  const choice = (name: 'language' | 'dateFormat' | 'timeFormat' | 'commentOrder', label: string, options: Record<string, string>) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        defaultValue={invalid ? String(invalid.values[name] ?? settings[name]) : settings[name]}
        aria-invalid={invalid?.fieldErrors[name] ? true : undefined}
        aria-describedby={invalid?.fieldErrors[name] ? `${name}-error` : undefined}
      >
        {Object.entries(options).map(([value, shown]) => (
          <option key={value} value={value}>
            {shown}
          </option>
        ))}
      </select>
      {invalid?.fieldErrors[name] ? (
        <p id={`${name}-error`} role="alert" className="form-error">
          {invalid.fieldErrors[name]}
        </p>
      ) : null}
    </div>
  )

  return (
    <form action={formAction} key={invalid?.attempt ?? 0} className="settings-form">
      <SentByScript />
      {/* The values as loaded: fields left as they were keep what is stored, even if it changed meanwhile. */}
      <input type="hidden" name="shown" value={shown} />
      {invalid ? (
        <p role="alert" className="form-error">
          {invalid.message}
        </p>
      ) : null}
      <fieldset>
        <legend>The blog</legend>
        {field('title', 'Site title')}
        {field('tagline', 'Tagline', undefined, 'A line under the title.')}
        {field('postsPerPage', 'Posts per page', 'number')}
        {field('navigation', 'Links in the site’s header', 'words', 'One per line: a label, a bar and an address, e.g. “About | /pages/about”.')}
      </fieldset>
      <fieldset>
        <legend>Language, time and dates</legend>
        {choice('language', 'Site language', Object.fromEntries(Object.entries(LANGUAGES).map(([code, { name }]) => [code, name])))}
        <FormField
          name="timeZone"
          label="Time zone"
          list="time-zones"
          help="A city in the same time zone as you, e.g. Europe/Lisbon. Dates on the blog, “Publish at” and the monthly archives follow it."
          value={invalid ? String(invalid.values.timeZone ?? '') : settings.timeZone}
          error={invalid?.fieldErrors.timeZone}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {choice('dateFormat', 'Date format', DATE_FORMATS)}
        {choice('timeFormat', 'Time format', TIME_FORMATS)}
      </fieldset>
      <fieldset>
        <legend>Look</legend>
        {field('accentColor', 'Accent colour', undefined, 'For links and buttons, as # and six hexadecimal digits (e.g. #1d6b52); empty for Plateau’s own. It must read well on the light background (WCAG AA); the dark scheme gets a lighter tint of it.')}
        {imageField('logoUrl', 'Logo address', 'An image uploaded here, shown in place of the title in the header; empty for the title.', 'Upload a logo')}
        {field('logoAlt', 'Logo description', undefined, 'What the logo says or shows, for people who cannot see it.')}
        {imageField('iconUrl', 'Site icon address', 'A square image uploaded here, for browser tabs; empty for Plateau’s, drawn in the accent colour.', 'Upload a site icon')}
        {field('headerText', 'Line under the header', undefined, 'Shown on every reader page, e.g. an announcement; empty for none.')}
        {field('footerText', 'Footer', undefined, 'Empty for “Powered by Plateau…”.')}
        {field('customCss', 'Custom CSS for the reader pages', 'words', 'CSS only, applied after Plateau’s own on every reader page (never in the admin). Images must be uploaded here: nothing may load from another site.')}
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
        {field('closeCommentsAfterDays', 'Close comments on posts older than this many days', 'number', '0 keeps them open.')}
        {field('commentsPerPage', 'Top-level comments per page', 'number', 'Longer conversations continue on further pages.')}
        {choice('commentOrder', 'Show first', { oldest: 'Oldest comments', newest: 'Newest comments' })}
      </fieldset>
      <fieldset>
        <legend>Images</legend>
        {field('uploadMaxMegabytes', 'Largest image upload, in megabytes', 'number', 'JPEG, PNG, WebP, GIF and AVIF images up to this size.')}
        {field('importMaxMegabytes', 'Largest WordPress export to import, in megabytes', 'number', 'A bigger export file is refused before it is read.')}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  )
}
