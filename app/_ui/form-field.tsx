'use client'

/** A labelled input or textarea with its help text and its error, tied together for screen readers. */
export function FormField(props: {
  name: string
  label: string
  value: string
  error?: string
  help?: string
  type?: string
  step?: number
  /** Rows of a textarea; an input when absent. */
  rows?: number
  /** The id of a datalist suggesting values (an input only). */
  list?: string
  onChange?: (value: string) => void
}) {
  const { name, label, value, error, help, type = 'text', step, rows, list, onChange } = props
  const describedBy =
    [error ? `${name}-error` : null, help ? `${name}-help` : null].filter(Boolean).join(' ') || undefined
  const common = {
    id: name,
    name,
    defaultValue: value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: onChange ? (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value) : undefined,
  }
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {rows ? <textarea rows={rows} {...common} /> : <input type={type} step={step} list={list} {...common} />}
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
