'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { saveSettingsAction } from '@/app/admin/settings/actions'
import { navigationText } from '@/lib/admin/navigation'
import { idle, type FormState } from '@/lib/forms/state'
import type { SiteSettings } from '@/lib/settings'
import { DATE_FORMATS, TIME_FORMATS } from '@/lib/dates'
import { LANGUAGES } from '@/lib/i18n/languages'
import { FormField } from './form-field'
import { SentByScript } from './sent-by-script'
import { ImageUpload } from './image-upload'

type FieldName = Exclude<
  keyof SiteSettings,
  | 'language'
  | 'timeZone'
  | 'dateFormat'
  | 'timeFormat'
  | 'commentOrder'
  | 'holdFirstComment'
  | 'logoUrl'
  | 'iconUrl'
  | 'feedFullContent'
>

/** The settings form; a refusal keeps everything typed and marks each wrong field (`restored`: one sent without script). */
export function SettingsForm(props: {
  settings: SiteSettings
  shown: string
  restored?: FormState
  timeZones: string[]
}) {
  const { settings, shown, restored, timeZones } = props
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveSettingsAction, restored ?? idle)
  const t = useTranslations('admin.settings')
  const invalid = state.status === 'error' ? state : null
  // An uploaded logo or icon fills in its address field.
  const [uploaded, setUploaded] = useState<{ logoUrl?: string; iconUrl?: string }>({})
  /** A setting's field, labelled (and explained, where the catalog has help) by the catalog's fields.<name>. */
  const field = (name: FieldName, type?: 'number' | 'words') => {
    const label = t(`fields.${name}.label`)
    const help = t.has(`fields.${name}.help` as never) ? t(`fields.${name}.help` as never) : undefined
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
  const imageField = (name: 'logoUrl' | 'iconUrl') => (
    <>
      <FormField
        key={`${name}-${uploaded[name] ?? ''}`}
        name={name}
        label={t(`fields.${name}.label`)}
        help={t(`fields.${name}.help`)}
        value={uploaded[name] ?? (invalid ? String(invalid.values[name] ?? '') : settings[name])}
        error={invalid?.fieldErrors[name]}
      />
      <ImageUpload
        label={t(`fields.${name}.upload`)}
        onUploaded={(image) => setUploaded((u) => ({ ...u, [name]: image.url }))}
      />
    </>
  )

  /** A choice among a few values, each shown as an example, with its error beside it. */
  const choice = (name: 'language' | 'dateFormat' | 'timeFormat' | 'commentOrder', options: Record<string, string>) => (
    <div className="field">
      <label htmlFor={name}>{t(`fields.${name}.label`)}</label>
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
        <legend>{t('sections.blog')}</legend>
        {field('title')}
        {field('tagline')}
        {field('postsPerPage', 'number')}
        {field('navigation', 'words')}
      </fieldset>
      <fieldset>
        <legend>{t('sections.clock')}</legend>
        {choice('language', Object.fromEntries(Object.entries(LANGUAGES).map(([code, { name }]) => [code, name])))}
        <FormField
          name="timeZone"
          label={t('fields.timeZone.label')}
          list="time-zones"
          help={t('fields.timeZone.help')}
          value={invalid ? String(invalid.values.timeZone ?? '') : settings.timeZone}
          error={invalid?.fieldErrors.timeZone}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {choice('dateFormat', DATE_FORMATS)}
        {choice('timeFormat', TIME_FORMATS)}
      </fieldset>
      <fieldset>
        <legend>{t('sections.look')}</legend>
        {field('accentColor')}
        {imageField('logoUrl')}
        {field('logoAlt')}
        {imageField('iconUrl')}
        {field('headerText')}
        {field('footerText')}
        {field('customCss', 'words')}
      </fieldset>
      <fieldset>
        <legend>{t('sections.comments')}</legend>
        {field('commentDepth', 'number')}
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="holdFirstComment"
              defaultChecked={invalid ? invalid.values.holdFirstComment === 'on' : settings.holdFirstComment}
            />{' '}
            {t('fields.holdFirstComment.label')}
          </label>
        </div>
        {field('linkLimit', 'number')}
        {field('moderationWords', 'words')}
        {field('blockWords', 'words')}
        {field('floodSeconds', 'number')}
        {field('minSubmitSeconds', 'number')}
        {field('editMinutes', 'number')}
        {field('closeCommentsAfterDays', 'number')}
        {field('commentsPerPage', 'number')}
        {choice('commentOrder', { oldest: t('fields.commentOrder.oldest'), newest: t('fields.commentOrder.newest') })}
      </fieldset>
      <fieldset>
        <legend>{t('sections.images')}</legend>
        {field('uploadMaxMegabytes', 'number')}
        {field('importMaxMegabytes', 'number')}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </button>
    </form>
  )
}
