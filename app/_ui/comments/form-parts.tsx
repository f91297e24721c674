// Parts both comment forms share (the signed-in one and the signed-out one).

/** The field only bots fill in: a comment that fills it is treated as spam. */
export function HoneypotField() {
  return (
    <div className="comment-form__trap" aria-hidden="true">
      <label>
        Leave this field empty
        <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  )
}

export function MarkdownHelp({ id }: { id: string }) {
  return (
    <p id={id} className="comment-form__help">
      Markdown works: *emphasis*, [links](https://example.com), lists, &gt; quotes and `code`.
    </p>
  )
}

/** "Follow this conversation": each new comment on the post by email. */
export function FollowBox({ checked = false }: { checked?: boolean }) {
  return (
    <label className="checkbox comment-form__follow">
      <input type="checkbox" name="follow" defaultChecked={checked} /> Follow this conversation: email me each new comment
    </label>
  )
}

/** Why the form was refused, tied to its field by id. */
export function FormAlert({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} role="alert" className="form-error">
      {message}
    </p>
  ) : null
}
