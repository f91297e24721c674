'use client'

/** "Select all on this page" for a list of checkboxes named `name` in the same form. */
export function SelectAll({ name }: { name: string }) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        onChange={(event) => {
          const form = event.currentTarget.form
          form?.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`).forEach((box) => {
            box.checked = event.currentTarget.checked
          })
        }}
      />{' '}
      Select all on this page
    </label>
  )
}
