/** A locally drawn avatar: the person's initials on a colour picked from their name. */
export function Avatar({ initials, colour }: { initials: string; colour: number }) {
  return (
    <span className={`avatar avatar--c${colour}`} aria-hidden="true">
      {initials}
    </span>
  )
}
