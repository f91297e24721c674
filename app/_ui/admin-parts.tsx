import type { ReactNode } from 'react'
import Link from 'next/link'
import { type Language, translator } from '@/lib/i18n'
import { readOutcome } from '@/lib/forms/outcome'

/** The outcome of the last admin action, carried in the URL (`notice` or `error`) if the blog signed it. */
export function AdminNotices({ query }: { query: Record<string, string | string[] | undefined> }) {
  const outcome = readOutcome(query)
  if (!outcome) return null
  return outcome.kind === 'notice' ? (
    <p role="status" className="notice">
      {outcome.message}
    </p>
  ) : (
    <p role="alert" className="form-error">
      {outcome.message}
    </p>
  )
}

/** Tabs for the statuses of a list, each with its count; the current one is marked. */
export function StatusTabs<S extends string>(props: {
  label: string
  statuses: readonly S[]
  current: S
  counts: Record<S, number>
  labels: Record<S, string>
  href: (status: S) => string
}) {
  const { label, statuses, current, counts, labels, href } = props
  return (
    <nav aria-label={label}>
      <ul className="tabs">
        {statuses.map((s) => (
          <li key={s}>
            <Link href={href(s)} aria-current={s === current ? 'page' : undefined}>
              {labels[s]} ({counts[s]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A GET search form that keeps the list's other filters. */
export function ListSearch({
  action,
  label,
  value,
  keep,
  language,
}: {
  action: string
  label: string
  value?: string
  keep: Record<string, string | number | undefined>
  language: Language
}) {
  const id = `${action.replace(/\W+/g, '-')}-search`
  return (
    <form method="get" action={action} role="search" className="search-form">
      {Object.entries(keep).map(([name, v]) =>
        v === undefined ? null : <input key={name} type="hidden" name={name} value={v} />,
      )}
      <label htmlFor={id}>{label}</label>
      <input id={id} name="q" type="search" defaultValue={value ?? ''} />
      <button type="submit" className="button button--secondary">
        {translator(language, 'admin')('search')}
      </button>
    </form>
  )
}

/** The address of a list with some of its query changed; page 1 and empty values are left out. */
export function listHref(
  path: string,
  current: Record<string, string | number | undefined>,
  change: Record<string, string | number | undefined> = {},
): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...current, ...change }))
    if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v))
  return `${path}?${params}`
}

/** An admin list as a table: a caption for screen readers, column headings, and the rows given. */
export function AdminTable({
  caption,
  columns,
  children,
}: {
  caption: string
  columns: ReactNode[]
  children: ReactNode
}) {
  return (
    <table className="admin-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}
